import assert from "node:assert/strict";
import { matchRoute, NO_CONTENT, OPERATIONS, ROUTES } from "../../../../../emulator/services/chime-sdk-meetings/wire/routes";
import { BadRequestException } from "../../../../../emulator/services/chime-sdk-meetings/errors";
import { createMeetingIn, violationsMessage, wirePath } from "../../../../../emulator/services/chime-sdk-meetings/wire/mapping";

const M = "582e3b1f-115a-8024-a8dc-b3257e3e4856";
const A = "0a0b0c0d-1111-2222-3333-444455556666";

describe("emulator routes", () => {
  const rows: [method: string, path: string, literal: string | undefined, operation: string | undefined][] = [
    ["POST", "/meetings", undefined, "CreateMeeting"],
    ["POST", "/meetings", "create-attendees", "CreateMeetingWithAttendees"],
    ["GET", `/meetings/${M}`, undefined, "GetMeeting"],
    ["DELETE", `/meetings/${M}`, undefined, "DeleteMeeting"],
    ["POST", `/meetings/${M}/attendees`, undefined, "CreateAttendee"],
    ["POST", `/meetings/${M}/attendees`, "batch-create", "BatchCreateAttendee"],
    ["GET", `/meetings/${M}/attendees/${A}`, undefined, "GetAttendee"],
    ["GET", `/meetings/${M}/attendees`, undefined, "ListAttendees"],
    ["DELETE", `/meetings/${M}/attendees/${A}`, undefined, "DeleteAttendee"],
    ["PUT", `/meetings/${M}/attendees/${A}/capabilities`, undefined, "UpdateAttendeeCapabilities"],
    ["PUT", `/meetings/${M}/attendees/capabilities`, "batch-update-except", "BatchUpdateAttendeeCapabilitiesExcept"],
    ["POST", `/meetings/${M}/transcription`, "start", "StartMeetingTranscription"],
    ["POST", `/meetings/${M}/transcription`, "stop", "StopMeetingTranscription"],
    ["POST", "/tags", "tag-resource", "TagResource"],
    ["POST", "/tags", "untag-resource", "UntagResource"],
    ["GET", "/tags", undefined, "ListTagsForResource"],
    ["POST", "/meetings", "explode", undefined],
    ["PUT", `/meetings/${M}/attendees/capabilities`, undefined, undefined],
    ["PATCH", `/meetings/${M}`, undefined, undefined],
    ["GET", "/", undefined, undefined],
  ];
  for (const [method, path, literal, operation] of rows) {
    it(`${method} ${path.replace(M, "{MeetingId}").replace(A, "{AttendeeId}")}${literal ? `?operation=${literal}` : ""} is ${operation ?? "no operation"}`, () => {
      assert.equal(matchRoute(method, path, literal)?.operation, operation);
    });
  }

  it("routes all 16 operations exactly once", () => {
    assert.equal(OPERATIONS.length, 16);
    assert.deepEqual(ROUTES.map((r) => r.operation).sort(), [...OPERATIONS].sort());
  });

  it("answers 204 for the four operations the model gives an empty 204", () => {
    assert.deepEqual([...NO_CONTENT].sort(), ["DeleteAttendee", "DeleteMeeting", "TagResource", "UntagResource"]);
  });

  it("decodes labels", () => {
    assert.deepEqual(matchRoute("GET", `/meetings/${M}/attendees/a%2Fb`, undefined)?.labels, { MeetingId: M, AttendeeId: "a/b" });
  });
});

describe("emulator wire mapping", () => {
  it("maps domain paths to wire names, with the ResourceARN exception", () => {
    assert.equal(wirePath("attendees[2].capabilities.video"), "Attendees[2].Capabilities.Video");
    assert.equal(wirePath("resourceArn"), "ResourceARN");
    assert.equal(wirePath("meetingFeatures.attendee.maxCount"), "MeetingFeatures.Attendee.MaxCount");
  });

  it("renames dotted paths named inside a rule too", () => {
    assert.equal(
      violationsMessage([
        { path: "capabilities.video", value: "Send", rule: "must be None because meetingFeatures.video.maxResolution is None" },
      ]),
      'Capabilities.Video: value "Send" must be None because MeetingFeatures.Video.MaxResolution is None',
    );
  });

  it("reads only modeled members into typed domain input", () => {
    const body = {
      ClientRequestToken: "t1",
      MediaRegion: "us-east-1",
      ExternalMeetingId: "x1",
      Surprise: true,
      MeetingFeatures: { Video: { MaxResolution: "HD", Extra: 1 } },
    };
    assert.deepEqual(createMeetingIn(body), {
      clientRequestToken: "t1",
      mediaRegion: "us-east-1",
      externalMeetingId: "x1",
      meetingFeatures: { video: { maxResolution: "HD" } },
    });
  });

  it("refuses a wrongly typed member with a 400 naming its wire path, value and rule", () => {
    assert.throws(
      () => createMeetingIn({ ClientRequestToken: "t1", MediaRegion: 5, ExternalMeetingId: "x1" }),
      (err: unknown) =>
        err instanceof BadRequestException &&
        err.status === 400 &&
        violationsMessage(err.violations) === "MediaRegion: value 5 must be a string",
    );
    assert.throws(
      () =>
        createMeetingIn({
          ClientRequestToken: "t",
          MediaRegion: "us-east-1",
          ExternalMeetingId: "x",
          MeetingFeatures: { Video: { MaxResolution: "8K" } },
        }),
      (err: unknown) =>
        err instanceof BadRequestException &&
        violationsMessage(err.violations) === 'MeetingFeatures.Video.MaxResolution: value "8K" must be one of None, HD, FHD',
    );
  });
});
