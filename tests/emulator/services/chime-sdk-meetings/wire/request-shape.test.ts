import assert from "node:assert/strict";
import {
  BatchCreateAttendeeCommand,
  CreateMeetingCommand,
  CreateMeetingWithAttendeesCommand,
  ListAttendeesCommand,
  StartMeetingTranscriptionCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { rejectsWith, signedFetch, useEmulator } from "../../../support";

const base = { MediaRegion: "us-east-1", ExternalMeetingId: "room" };
const SMILE = "\u{1F600}";

/** Batch items that break the model's request shape (length, required member, enum). */
const badItems: { name: string; item: Record<string, unknown>; message: string }[] = [
  {
    name: "a 1-character ExternalUserId",
    item: { ExternalUserId: "u" },
    message: 'Attendees[1].ExternalUserId: value "u" must be 2 to 64 characters long',
  },
  {
    name: "a 65-character ExternalUserId",
    item: { ExternalUserId: "u".repeat(65) },
    message: `Attendees[1].ExternalUserId: value "${"u".repeat(65)}" must be 2 to 64 characters long`,
  },
  { name: "no ExternalUserId", item: {}, message: "Attendees[1].ExternalUserId: value undefined is required" },
  {
    name: "a capability missing",
    item: { ExternalUserId: "bob", Capabilities: { Audio: "SendReceive", Video: "None" } },
    message: "Attendees[1].Capabilities.Content: value undefined is required",
  },
  {
    name: "capability NotAnEnumValue",
    item: { ExternalUserId: "bob", Capabilities: { Audio: "NotAnEnumValue", Video: "None", Content: "None" } },
    message: 'Attendees[1].Capabilities.Audio: value "NotAnEnumValue" must be one of SendReceive, Send, Receive, None',
  },
  {
    name: "capability sendreceive (wrong case)",
    item: { ExternalUserId: "bob", Capabilities: { Audio: "sendreceive", Video: "None", Content: "None" } },
    message: 'Attendees[1].Capabilities.Audio: value "sendreceive" must be one of SendReceive, Send, Receive, None',
  },
];

describe("emulator request-shape validation from the service model (whole request, before any change)", () => {
  const h = useEmulator();
  const newMeeting = async () => (await h.client().send(new CreateMeetingCommand(base))).Meeting?.MeetingId as string;

  for (const row of badItems) {
    it(`BatchCreateAttendee with ${row.name} in one item is a 400 naming the item, and creates no attendee`, async () => {
      const id = await newMeeting();
      const Attendees = [{ ExternalUserId: "alice" }, row.item] as never;
      await rejectsWith(
        h.client().send(new BatchCreateAttendeeCommand({ MeetingId: id, Attendees })),
        "BadRequestException",
        400,
        row.message,
      );
      assert.deepEqual((await h.client().send(new ListAttendeesCommand({ MeetingId: id }))).Attendees, []);
    });

    it(`CreateMeetingWithAttendees with ${row.name} in one item is a 400 naming the item, and creates no meeting`, async () => {
      const Attendees = [{ ExternalUserId: "alice" }, row.item] as never;
      await rejectsWith(
        h.client().send(new CreateMeetingWithAttendeesCommand({ ...base, Attendees })),
        "BadRequestException",
        400,
        row.message,
      );
      assert.deepEqual(await h.admin.listMeetings(), []);
    });
  }

  it("a batch item breaking only a documented rule the model does not state (the aws: prefix) is a per-item error", async () => {
    const r = await h
      .client()
      .send(new CreateMeetingWithAttendeesCommand({ ...base, Attendees: [{ ExternalUserId: "alice" }, { ExternalUserId: "aws:bob" }] }));
    assert.deepEqual(
      r.Attendees?.map((a) => a.ExternalUserId),
      ["alice"],
    );
    assert.equal(r.Errors?.[0]?.ExternalUserId, "aws:bob");
    assert.equal(r.Errors?.[0]?.ErrorCode, "BadRequest");
  });

  it("counts lengths in code points: a 64-character ExternalMeetingId ending in an emoji is refused by the pattern, not the length", async () => {
    const id = "a".repeat(63) + SMILE;
    await rejectsWith(
      h.client().send(new CreateMeetingCommand({ ...base, ExternalMeetingId: id })),
      "BadRequestException",
      400,
      /^ExternalMeetingId: value "a+\u{1F600}" must match the pattern /u,
    );
  });

  it("counts lengths in code points: a 64-character MediaRegion ending in an emoji is refused as an unknown media region", async () => {
    await rejectsWith(
      h.client().send(new CreateMeetingCommand({ ...base, MediaRegion: "a".repeat(63) + SMILE })),
      "BadRequestException",
      400,
      /^MediaRegion: value "a+\u{1F600}" must be one of the media regions af-south-1, /u,
    );
  });

  it("counts lengths in code points: a VocabularyName of 4096 emoji is accepted and 4097 is refused", async () => {
    const id = await newMeeting();
    const start = (name: string) =>
      h.client().send(
        new StartMeetingTranscriptionCommand({
          MeetingId: id,
          TranscriptionConfiguration: { EngineTranscribeSettings: { LanguageCode: "en-US", VocabularyName: name } },
        }),
      );
    await rejectsWith(
      start(SMILE.repeat(4097)),
      "BadRequestException",
      400,
      /^TranscriptionConfiguration\.EngineTranscribeSettings\.VocabularyName: value "\u{1F600}+… \(8196 characters\) must be at most 4096 characters long$/u,
    );
    await start(SMILE.repeat(4096));
  });

  it("echoes at most 100 characters of a 1 MB invalid value", async () => {
    const r = await signedFetch(h.emulator.url, "POST", "/meetings", JSON.stringify({ ...base, ClientRequestToken: "t".repeat(1 << 20) }));
    assert.equal(r.status, 400);
    const { Message } = (await r.json()) as { Message: string };
    assert.ok(Message.length < 300, `message of ${Message.length} characters`);
    assert.match(Message, /^ClientRequestToken: value "t{99}… \(1048578 characters\) must be 2 to 64 characters long$/);
  });

  const GUID = "0a0b0c0d-1111-2222-3333-444455556666";
  /** One request per operation that breaks its input shape, sent signed over HTTP: each is a 400 naming the member. */
  const perOperation: [operation: string, method: string, path: string, body: unknown, message: string][] = [
    ["CreateMeeting", "POST", "/meetings", { ...base }, "ClientRequestToken: value undefined is required"],
    [
      "CreateMeetingWithAttendees",
      "POST",
      "/meetings?operation=create-attendees",
      { ...base, ClientRequestToken: "tok-1" },
      "Attendees: value undefined is required",
    ],
    [
      "GetMeeting",
      "GET",
      "/meetings/not-a-guid",
      undefined,
      'MeetingId: value "not-a-guid" must match the pattern [a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}',
    ],
    [
      "DeleteMeeting",
      "DELETE",
      "/meetings/xyz",
      undefined,
      'MeetingId: value "xyz" must match the pattern [a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}',
    ],
    ["CreateAttendee", "POST", `/meetings/${GUID}/attendees`, { ExternalUserId: 42 }, "ExternalUserId: value 42 must be a string"],
    [
      "BatchCreateAttendee",
      "POST",
      `/meetings/${GUID}/attendees?operation=batch-create`,
      { Attendees: [] },
      'Attendees: value "0 items" must have 1 to 100 items',
    ],
    [
      "GetAttendee",
      "GET",
      `/meetings/${GUID}/attendees/nope`,
      undefined,
      'AttendeeId: value "nope" must match the pattern [a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}',
    ],
    [
      "ListAttendees",
      "GET",
      `/meetings/${GUID}/attendees?max-results=abc`,
      undefined,
      'MaxResults: value "abc" must be an integer from 1 to 100',
    ],
    [
      "DeleteAttendee",
      "DELETE",
      `/meetings/${GUID}/attendees/nope`,
      undefined,
      'AttendeeId: value "nope" must match the pattern [a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}',
    ],
    [
      "UpdateAttendeeCapabilities",
      "PUT",
      `/meetings/${GUID}/attendees/${GUID}/capabilities`,
      { Capabilities: { Audio: "All", Video: "None", Content: "None" } },
      'Capabilities.Audio: value "All" must be one of SendReceive, Send, Receive, None',
    ],
    [
      "BatchUpdateAttendeeCapabilitiesExcept",
      "PUT",
      `/meetings/${GUID}/attendees/capabilities?operation=batch-update-except`,
      { ExcludedAttendeeIds: [{}], Capabilities: { Audio: "None", Video: "None", Content: "None" } },
      "ExcludedAttendeeIds[0].AttendeeId: value undefined is required",
    ],
    [
      "StartMeetingTranscription",
      "POST",
      `/meetings/${GUID}/transcription?operation=start`,
      { TranscriptionConfiguration: { EngineTranscribeMedicalSettings: { LanguageCode: "en-US", Specialty: "PRIMARYCARE" } } },
      "TranscriptionConfiguration.EngineTranscribeMedicalSettings.Type: value undefined is required",
    ],
    [
      "StopMeetingTranscription",
      "POST",
      "/meetings/g/transcription?operation=stop",
      {},
      'MeetingId: value "g" must match the pattern [a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}',
    ],
    [
      "TagResource",
      "POST",
      "/tags?operation=tag-resource",
      { ResourceARN: "arn:aws:chime:us-east-1:123456789012:meeting/x", Tags: [{ Key: "k" }] },
      "Tags[0].Value: value undefined is required",
    ],
    [
      "UntagResource",
      "POST",
      "/tags?operation=untag-resource",
      { ResourceARN: "urn:x", TagKeys: [] },
      'ResourceARN: value "urn:x" must match the pattern ^arn:.*',
    ],
    ["ListTagsForResource", "GET", "/tags", undefined, "ResourceARN: value undefined is required"],
  ];
  for (const [operation, method, path, body, message] of perOperation) {
    it(`${operation}: a request breaking its input shape is a 400 BadRequestException naming the member`, async () => {
      const r = await signedFetch(h.emulator.url, method, path, body === undefined ? "" : JSON.stringify(body));
      assert.equal(r.status, 400);
      assert.equal(r.headers.get("x-amzn-errortype"), "BadRequestException");
      assert.equal(((await r.json()) as { Message: string }).Message, message);
      const log = await h.admin.requests();
      assert.equal(log.at(-1)?.operation, operation);
    });
  }
});
