import assert from "node:assert/strict";
import {
  BatchCreateAttendeeCommand,
  BatchUpdateAttendeeCapabilitiesExceptCommand,
  CreateAttendeeCommand,
  CreateMeetingCommand,
  CreateMeetingWithAttendeesCommand,
  DeleteAttendeeCommand,
  GetAttendeeCommand,
  ListAttendeesCommand,
  UpdateAttendeeCapabilitiesCommand,
  type MeetingFeaturesConfiguration,
} from "@aws-sdk/client-chime-sdk-meetings";
import { GUID_PATTERN, rejectsWith, signedFetch, useEmulator } from "../../../support";

describe("emulator attendees over HTTP (JS SDK)", () => {
  const h = useEmulator();
  const newMeeting = async (features?: MeetingFeaturesConfiguration) =>
    (await h.client().send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "room", MeetingFeatures: features })))
      .Meeting?.MeetingId as string;

  it("CreateAttendee returns an id, a join token and SendReceive capabilities by default", async () => {
    const id = await newMeeting();
    const { Attendee } = await h.client().send(new CreateAttendeeCommand({ MeetingId: id, ExternalUserId: "alice" }));
    assert.match(Attendee?.AttendeeId ?? "", GUID_PATTERN);
    assert.equal(
      Buffer.from(Attendee?.JoinToken ?? "", "base64url")
        .toString()
        .split(":")[0],
      Attendee?.AttendeeId,
    );
    assert.deepEqual(Attendee?.Capabilities, { Audio: "SendReceive", Video: "SendReceive", Content: "SendReceive" });
  });

  it("defaults to video Receive and content SendReceive when the meeting has no video", async () => {
    const id = await newMeeting({ Video: { MaxResolution: "None" } });
    const { Attendee } = await h.client().send(new CreateAttendeeCommand({ MeetingId: id, ExternalUserId: "alice" }));
    assert.deepEqual(Attendee?.Capabilities, { Audio: "SendReceive", Video: "Receive", Content: "SendReceive" });
  });

  it("repeating CreateAttendee with the same ExternalUserId returns the same attendee", async () => {
    const id = await newMeeting();
    const a = await h.client().send(new CreateAttendeeCommand({ MeetingId: id, ExternalUserId: "alice" }));
    const b = await h.client().send(new CreateAttendeeCommand({ MeetingId: id, ExternalUserId: "alice" }));
    assert.deepEqual(b.Attendee, a.Attendee);
  });

  it("CreateAttendee on an unknown meeting is NotFoundException", async () => {
    const id = "0a0b0c0d-1111-2222-3333-444455556666";
    await rejectsWith(
      h.client().send(new CreateAttendeeCommand({ MeetingId: id, ExternalUserId: "alice" })),
      "NotFoundException",
      404,
      `Meeting ${id} not found`,
    );
  });

  it("GetAttendee returns the attendee with its join token; an unknown attendee is NotFoundException", async () => {
    const id = await newMeeting();
    const { Attendee } = await h.client().send(new CreateAttendeeCommand({ MeetingId: id, ExternalUserId: "alice" }));
    const got = await h.client().send(new GetAttendeeCommand({ MeetingId: id, AttendeeId: Attendee?.AttendeeId }));
    assert.deepEqual(got.Attendee, Attendee);
    const unknown = "99999999-8888-7777-6666-555555555555";
    await rejectsWith(
      h.client().send(new GetAttendeeCommand({ MeetingId: id, AttendeeId: unknown })),
      "NotFoundException",
      404,
      `Attendee ${unknown} not found`,
    );
  });

  it("ListAttendees pages with max-results and next-token", async () => {
    const id = await newMeeting();
    await h.client().send(
      new BatchCreateAttendeeCommand({
        MeetingId: id,
        Attendees: Array.from({ length: 5 }, (_, i) => ({ ExternalUserId: `user-${i}` })),
      }),
    );
    const first = await h.client().send(new ListAttendeesCommand({ MeetingId: id, MaxResults: 2 }));
    assert.deepEqual(
      first.Attendees?.map((a) => a.ExternalUserId),
      ["user-0", "user-1"],
    );
    const second = await h.client().send(new ListAttendeesCommand({ MeetingId: id, MaxResults: 2, NextToken: first.NextToken }));
    assert.deepEqual(
      second.Attendees?.map((a) => a.ExternalUserId),
      ["user-2", "user-3"],
    );
    const third = await h.client().send(new ListAttendeesCommand({ MeetingId: id, MaxResults: 2, NextToken: second.NextToken }));
    assert.deepEqual(
      third.Attendees?.map((a) => a.ExternalUserId),
      ["user-4"],
    );
    assert.equal(third.NextToken, undefined);
  });

  it("ListAttendees rejects max-results 101 and accepts 100", async () => {
    const id = await newMeeting();
    await rejectsWith(
      h.client().send(new ListAttendeesCommand({ MeetingId: id, MaxResults: 101 })),
      "BadRequestException",
      400,
      "MaxResults: value 101 must be an integer from 1 to 100",
    );
    assert.deepEqual((await h.client().send(new ListAttendeesCommand({ MeetingId: id, MaxResults: 100 }))).Attendees, []);
  });

  it("ListAttendees names a max-results that is not a number as sent", async () => {
    const { Meeting } = await h.client().send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "room" }));
    const res = await signedFetch(h.emulator.url, "GET", `/meetings/${Meeting?.MeetingId}/attendees?max-results=ten`);
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { Message: string }).Message, 'MaxResults: value "ten" must be an integer from 1 to 100');
  });

  it("ListAttendees rejects a next-token it did not issue", async () => {
    const id = await newMeeting();
    await rejectsWith(
      h.client().send(new ListAttendeesCommand({ MeetingId: id, NextToken: "bogus" })),
      "BadRequestException",
      400,
      'NextToken: value "bogus" is not a token returned by ListAttendees for this meeting',
    );
  });

  it("DeleteAttendee removes the attendee", async () => {
    const id = await newMeeting();
    const { Attendee } = await h.client().send(new CreateAttendeeCommand({ MeetingId: id, ExternalUserId: "alice" }));
    await h.client().send(new DeleteAttendeeCommand({ MeetingId: id, AttendeeId: Attendee?.AttendeeId }));
    await rejectsWith(
      h.client().send(new GetAttendeeCommand({ MeetingId: id, AttendeeId: Attendee?.AttendeeId })),
      "NotFoundException",
      404,
      `Attendee ${Attendee?.AttendeeId} not found`,
    );
  });

  it("UpdateAttendeeCapabilities changes one attendee and checks the corner cases", async () => {
    const id = await newMeeting();
    const { Attendee } = await h.client().send(new CreateAttendeeCommand({ MeetingId: id, ExternalUserId: "alice" }));
    const updated = await h.client().send(
      new UpdateAttendeeCapabilitiesCommand({
        MeetingId: id,
        AttendeeId: Attendee?.AttendeeId,
        Capabilities: { Audio: "Receive", Video: "Receive", Content: "Receive" },
      }),
    );
    assert.deepEqual(updated.Attendee?.Capabilities, { Audio: "Receive", Video: "Receive", Content: "Receive" });
    await rejectsWith(
      h.client().send(
        new UpdateAttendeeCapabilitiesCommand({
          MeetingId: id,
          AttendeeId: Attendee?.AttendeeId,
          Capabilities: { Audio: "Receive", Video: "Send", Content: "Receive" },
        }),
      ),
      "BadRequestException",
      400,
      'Capabilities.Content: value "Receive" can be SendReceive or Receive only when video is SendReceive or Receive (video is Send)',
    );
  });

  it("BatchUpdateAttendeeCapabilitiesExcept updates everyone but the excluded attendees", async () => {
    const id = await newMeeting();
    const { Attendees } = await h.client().send(
      new BatchCreateAttendeeCommand({
        MeetingId: id,
        Attendees: [{ ExternalUserId: "host" }, { ExternalUserId: "guest-1" }, { ExternalUserId: "guest-2" }],
      }),
    );
    const [host] = Attendees ?? [];
    await h.client().send(
      new BatchUpdateAttendeeCapabilitiesExceptCommand({
        MeetingId: id,
        ExcludedAttendeeIds: [{ AttendeeId: host.AttendeeId }],
        Capabilities: { Audio: "Receive", Video: "None", Content: "None" },
      }),
    );
    const listed = await h.client().send(new ListAttendeesCommand({ MeetingId: id }));
    assert.deepEqual(
      listed.Attendees?.map((a) => `${a.ExternalUserId}:${a.Capabilities?.Audio}`),
      ["host:SendReceive", "guest-1:Receive", "guest-2:Receive"],
    );
  });

  it("BatchCreateAttendee accepts 100 attendees and rejects 101", async () => {
    const id = await newMeeting();
    const people = (n: number) => Array.from({ length: n }, (_, i) => ({ ExternalUserId: `user-${i}` }));
    await rejectsWith(
      h.client().send(new BatchCreateAttendeeCommand({ MeetingId: id, Attendees: people(101) })),
      "BadRequestException",
      400,
      'Attendees: value "101 items" must have 1 to 100 items',
    );
    const r = await h.client().send(new BatchCreateAttendeeCommand({ MeetingId: id, Attendees: people(100) }));
    assert.equal(r.Attendees?.length, 100);
    assert.deepEqual(r.Errors, []);
  });

  it("BatchCreateAttendee reports invalid items in Errors and creates the valid ones", async () => {
    const id = await newMeeting({ Video: { MaxResolution: "None" } });
    const r = await h.client().send(
      new BatchCreateAttendeeCommand({
        MeetingId: id,
        Attendees: [
          { ExternalUserId: "ok-user" },
          { ExternalUserId: "cam-user", Capabilities: { Audio: "SendReceive", Video: "Send", Content: "None" } },
        ],
      }),
    );
    assert.deepEqual(
      r.Attendees?.map((a) => a.ExternalUserId),
      ["ok-user"],
    );
    assert.deepEqual(r.Errors, [
      {
        ExternalUserId: "cam-user",
        ErrorCode: "BadRequest",
        ErrorMessage: 'Attendees[1].Capabilities.Video: value "Send" must be None because MeetingFeatures.Video.MaxResolution is None',
      },
    ]);
  });

  const capacity: { name: string; features?: MeetingFeaturesConfiguration; ok: number; message: string }[] = [
    {
      name: "MaxCount 3",
      features: { Attendee: { MaxCount: 3 } },
      ok: 3,
      message: "Attendees: value 4 must not exceed 3 attendees per meeting (MeetingFeatures.Attendee.MaxCount is 3)",
    },
    {
      name: "video FHD with MaxCount 25",
      features: { Video: { MaxResolution: "FHD" }, Attendee: { MaxCount: 25 } },
      ok: 25,
      message: "Attendees: value 26 must not exceed 25 attendees per meeting (MeetingFeatures.Attendee.MaxCount is 25)",
    },
    {
      name: "no features (250)",
      ok: 250,
      message: "Attendees: value 251 must not exceed 250 attendees per meeting (the service limit is 250)",
    },
  ];
  for (const row of capacity) {
    it(`a meeting with ${row.name} takes ${row.ok} attendees and refuses one more with LimitExceededException`, async () => {
      const id = await newMeeting(row.features);
      for (let start = 0; start < row.ok; start += 100) {
        const n = Math.min(100, row.ok - start);
        await h.client().send(
          new BatchCreateAttendeeCommand({
            MeetingId: id,
            Attendees: Array.from({ length: n }, (_, i) => ({ ExternalUserId: `u-${start + i}` })),
          }),
        );
      }
      await rejectsWith(
        h.client().send(new CreateAttendeeCommand({ MeetingId: id, ExternalUserId: "one-too-many" })),
        "LimitExceededException",
        400,
        row.message,
      );
      const again = await h.client().send(new CreateAttendeeCommand({ MeetingId: id, ExternalUserId: "u-0" }));
      assert.equal(again.Attendee?.ExternalUserId, "u-0");
    });
  }

  it("CreateMeetingWithAttendees over MaxCount is LimitExceededException and creates nothing", async () => {
    await rejectsWith(
      h.client().send(
        new CreateMeetingWithAttendeesCommand({
          MediaRegion: "us-east-1",
          ExternalMeetingId: "small",
          MeetingFeatures: { Attendee: { MaxCount: 1 } },
          Attendees: [{ ExternalUserId: "a1" }, { ExternalUserId: "a2" }],
        }),
      ),
      "LimitExceededException",
      400,
      "Attendees: value 2 must not exceed 1 attendees per meeting (MeetingFeatures.Attendee.MaxCount is 1)",
    );
    assert.deepEqual(await h.admin.listMeetings(), []);
  });
});
