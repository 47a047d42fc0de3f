import assert from "node:assert/strict";
import {
  attendeeCeiling,
  defaultCapabilities,
  formatViolation,
  validateAttendee,
  validateAttendeeCount,
  validateCapabilities,
} from "../../chime/validate";
import type { AttendeeCapabilities, MediaCapability, MeetingFeatures } from "../../chime/types";

const caps = (audio: MediaCapability, video: MediaCapability, content: MediaCapability): AttendeeCapabilities => ({
  audio,
  video,
  content,
});
const videoOff: MeetingFeatures = { video: { maxResolution: "None" } };
const contentOff: MeetingFeatures = { content: { maxResolution: "None" } };

describe("chime validateAttendee", () => {
  const rows: { name: string; id: string; paths: string[] }[] = [
    { name: "accepts a 2-character external user id", id: "u1", paths: [] },
    { name: "rejects a 1-character external user id", id: "u", paths: ["attendee.externalUserId"] },
    { name: "accepts a 64-character external user id", id: "u".repeat(64), paths: [] },
    { name: "rejects a 65-character external user id", id: "u".repeat(65), paths: ["attendee.externalUserId"] },
    { name: "rejects an external user id starting with aws:", id: "aws:user", paths: ["attendee.externalUserId"] },
    { name: "rejects an external user id starting with aWs: (case-insensitive)", id: "aWs:user", paths: ["attendee.externalUserId"] },
    { name: "rejects an external user id with a character outside the pattern", id: "user!", paths: ["attendee.externalUserId"] },
  ];
  for (const row of rows) {
    it(row.name, () => {
      assert.deepEqual(
        validateAttendee({ externalUserId: row.id }, undefined).map((v) => v.path),
        row.paths,
      );
    });
  }

  it("uses the caller's path for list items", () => {
    const [v] = validateAttendee({ externalUserId: "u1", capabilities: caps("SendReceive", "None", "Receive") }, undefined, "attendees[2]");
    assert.equal(v.path, "attendees[2].capabilities.content");
  });
});

describe("chime validateCapabilities corner cases (API reference, AttendeeCapabilities)", () => {
  const rows: { name: string; c: AttendeeCapabilities; f?: MeetingFeatures; paths: string[] }[] = [
    { name: "accepts SendReceive everywhere on a default meeting", c: caps("SendReceive", "SendReceive", "SendReceive"), paths: [] },
    {
      name: "rejects video Send when the meeting's video is None",
      c: caps("SendReceive", "Send", "None"),
      f: videoOff,
      paths: ["capabilities.video"],
    },
    {
      name: "rejects video Receive when the meeting's video is None",
      c: caps("SendReceive", "Receive", "None"),
      f: videoOff,
      paths: ["capabilities.video"],
    },
    { name: "accepts video None when the meeting's video is None", c: caps("SendReceive", "None", "Send"), f: videoOff, paths: [] },
    {
      name: "rejects content Send when the meeting's content is None",
      c: caps("SendReceive", "SendReceive", "Send"),
      f: contentOff,
      paths: ["capabilities.content"],
    },
    {
      name: "accepts content None when the meeting's content is None",
      c: caps("SendReceive", "SendReceive", "None"),
      f: contentOff,
      paths: [],
    },
    { name: "rejects content SendReceive with video Send", c: caps("SendReceive", "Send", "SendReceive"), paths: ["capabilities.content"] },
    { name: "rejects content Receive with video None", c: caps("None", "None", "Receive"), paths: ["capabilities.content"] },
    { name: "accepts content Receive with video Receive", c: caps("None", "Receive", "Receive"), paths: [] },
    { name: "accepts content Send with video None", c: caps("None", "None", "Send"), paths: [] },
    { name: "accepts video Receive with content None", c: caps("Receive", "Receive", "None"), paths: [] },
    {
      name: "rejects an unknown capability value",
      c: caps("SendReceive", "Both" as MediaCapability, "None"),
      paths: ["capabilities.video"],
    },
    {
      name: "rejects capabilities missing content",
      c: { audio: "None", video: "None" } as AttendeeCapabilities,
      paths: ["capabilities.content"],
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      assert.deepEqual(
        validateCapabilities(row.c, row.f).map((v) => v.path),
        row.paths,
      );
    });
  }

  it("explains the video/content dependency in the message", () => {
    const [v] = validateCapabilities(caps("SendReceive", "Send", "Receive"), undefined);
    assert.equal(
      formatViolation(v),
      'capabilities.content: value "Receive" can be SendReceive or Receive only when video is SendReceive or Receive (video is Send)',
    );
  });

  it("explains a disabled channel in the message", () => {
    const [v] = validateCapabilities(caps("SendReceive", "Receive", "None"), videoOff);
    assert.equal(
      formatViolation(v),
      'capabilities.video: value "Receive" must be None because meetingFeatures.video.maxResolution is None',
    );
  });
});

describe("chime defaultCapabilities", () => {
  it("gives SendReceive everywhere by default", () => {
    assert.deepEqual(defaultCapabilities(), caps("SendReceive", "SendReceive", "SendReceive"));
  });
  it("gives video Receive and content SendReceive when video is None and content is not", () => {
    assert.deepEqual(
      defaultCapabilities({ video: { maxResolution: "None" }, content: { maxResolution: "FHD" } }),
      caps("SendReceive", "Receive", "SendReceive"),
    );
  });
  it("gives content None when the meeting's content is None", () => {
    assert.deepEqual(defaultCapabilities(contentOff), caps("SendReceive", "SendReceive", "None"));
  });
  it("gives video and content None when both are None", () => {
    assert.deepEqual(defaultCapabilities({ ...videoOff, ...contentOff }), caps("SendReceive", "None", "None"));
  });
});

describe("chime attendee ceiling and count", () => {
  const rows: { name: string; f?: MeetingFeatures; ceiling: number }[] = [
    { name: "is 250 without features", ceiling: 250 },
    { name: "is 25 with FHD video", f: { video: { maxResolution: "FHD" }, attendee: { maxCount: 25 } }, ceiling: 25 },
    {
      name: "is 25 with UHD content even if MaxCount were larger",
      f: { content: { maxResolution: "UHD" }, attendee: { maxCount: 100 } },
      ceiling: 25,
    },
    { name: "follows a smaller MaxCount", f: { attendee: { maxCount: 3 } }, ceiling: 3 },
    { name: "follows MaxCount below 25 with FHD", f: { video: { maxResolution: "FHD" }, attendee: { maxCount: 10 } }, ceiling: 10 },
  ];
  for (const row of rows) {
    it(`ceiling ${row.name}`, () => assert.equal(attendeeCeiling(row.f), row.ceiling));
  }

  it("accepts 250 attendees and rejects 251 on a default meeting", () => {
    assert.deepEqual(validateAttendeeCount(250, undefined), []);
    assert.deepEqual(validateAttendeeCount(251, undefined).map(formatViolation), [
      "attendees: value 251 must not exceed 250 attendees per meeting (the service limit is 250)",
    ]);
  });
  it("accepts 25 attendees and rejects 26 with FHD video", () => {
    const f: MeetingFeatures = { video: { maxResolution: "FHD" }, attendee: { maxCount: 25 } };
    assert.deepEqual(validateAttendeeCount(25, f), []);
    assert.deepEqual(validateAttendeeCount(26, f).map(formatViolation), [
      "attendees: value 26 must not exceed 25 attendees per meeting (meetingFeatures.attendee.maxCount is 25)",
    ]);
  });
  it("accepts MaxCount attendees and rejects one more", () => {
    const f: MeetingFeatures = { attendee: { maxCount: 3 } };
    assert.deepEqual(validateAttendeeCount(3, f), []);
    assert.equal(
      validateAttendeeCount(4, f, "attendee")[0].rule,
      "must not exceed 3 attendees per meeting (meetingFeatures.attendee.maxCount is 3)",
    );
  });
});
