import assert from "node:assert/strict";
import {
  CreateMeetingCommand,
  CreateMeetingWithAttendeesCommand,
  DeleteMeetingCommand,
  GetMeetingCommand,
  ListAttendeesCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { GUID_PATTERN, rejectsWith, useEmulator } from "../../../support";

describe("emulator meetings over HTTP (JS SDK)", () => {
  const h = useEmulator();

  it("CreateMeeting returns the meeting with id, ARN in the media region, media placement and echoed inputs", async () => {
    const { Meeting } = await h.client().send(
      new CreateMeetingCommand({
        MediaRegion: "eu-central-1",
        ExternalMeetingId: "standup",
        MeetingHostId: "host-1",
        TenantIds: ["tenant-a"],
        MeetingFeatures: { Audio: { EchoReduction: "AVAILABLE" }, Attendee: { MaxCount: 3 } },
      }),
    );
    assert.match(Meeting?.MeetingId ?? "", GUID_PATTERN);
    assert.equal(Meeting?.MeetingArn, `arn:aws:chime:eu-central-1:123456789012:meeting/${Meeting?.MeetingId}`);
    assert.equal(Meeting?.ExternalMeetingId, "standup");
    assert.equal(Meeting?.MeetingHostId, "host-1");
    assert.deepEqual(Meeting?.TenantIds, ["tenant-a"]);
    assert.deepEqual(Meeting?.MeetingFeatures, { Audio: { EchoReduction: "AVAILABLE" }, Attendee: { MaxCount: 3 } });
    assert.equal(Meeting?.MediaPlacement?.SignalingUrl, `wss://signal.m1.ec1.app.chime.aws/control/${Meeting?.MeetingId}`);
    assert.equal(Meeting?.MediaPlacement?.AudioHostUrl, `${Meeting?.MeetingId?.replace(/-/g, "")}.k.m1.ec1.app.chime.aws:3478`);
    assert.equal(Meeting?.MediaPlacement?.EventIngestionUrl, "https://data.svc.ec1.ingest.chime.aws/v1/client-events");
  });

  it("GetMeeting returns exactly what CreateMeeting returned", async () => {
    const created = await h
      .client()
      .send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "get-me", Tags: [{ Key: "k", Value: "v" }] }));
    const got = await h.client().send(new GetMeetingCommand({ MeetingId: created.Meeting?.MeetingId }));
    assert.deepEqual(got.Meeting, created.Meeting);
  });

  it("GetMeeting answers with the Meeting shape only: no tags and no notification settings on the wire", async () => {
    const created = await h.client().send(
      new CreateMeetingCommand({
        MediaRegion: "us-east-1",
        ExternalMeetingId: "raw",
        Tags: [{ Key: "k", Value: "v" }],
        NotificationsConfiguration: { SqsQueueArn: "arn:aws:sqs:us-east-1:123456789012:q" },
      }),
    );
    const c = h.client();
    c.middlewareStack.add(
      (next) => async (args) => {
        const out = await next(args);
        const body = (out.response as { body: NodeJS.ReadableStream }).body;
        const chunks: Buffer[] = [];
        for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
        const json = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, Record<string, unknown>>;
        assert.deepEqual(Object.keys(json), ["Meeting"]);
        assert.deepEqual(Object.keys(json.Meeting).sort(), [
          "ExternalMeetingId",
          "MediaPlacement",
          "MediaRegion",
          "MeetingArn",
          "MeetingId",
          "TenantIds",
        ]);
        throw new Error("raw body checked");
      },
      { step: "deserialize" },
    );
    await assert.rejects(c.send(new GetMeetingCommand({ MeetingId: created.Meeting?.MeetingId })), /raw body checked/);
  });

  it('DeleteMeeting ends the meeting: GetMeeting is then NotFoundException "Meeting <id> not found"', async () => {
    const { Meeting } = await h.client().send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "bye" }));
    await h.client().send(new DeleteMeetingCommand({ MeetingId: Meeting?.MeetingId }));
    await rejectsWith(
      h.client().send(new GetMeetingCommand({ MeetingId: Meeting?.MeetingId })),
      "NotFoundException",
      404,
      `Meeting ${Meeting?.MeetingId} not found`,
    );
  });

  it("DeleteMeeting of an unknown meeting is NotFoundException", async () => {
    const id = "11111111-2222-3333-4444-555555555555";
    await rejectsWith(h.client().send(new DeleteMeetingCommand({ MeetingId: id })), "NotFoundException", 404, `Meeting ${id} not found`);
  });

  it("GetMeeting with an id that is not a GUID is BadRequestException naming the field", async () => {
    await rejectsWith(
      h.client().send(new GetMeetingCommand({ MeetingId: "m1" })),
      "BadRequestException",
      400,
      'MeetingId: value "m1" must match the pattern [a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}',
    );
  });

  it("a meeting is only visible through the API region that created it", async () => {
    const { Meeting } = await h
      .client("us-east-1")
      .send(new CreateMeetingCommand({ MediaRegion: "eu-west-1", ExternalMeetingId: "regional" }));
    await rejectsWith(
      h.client("us-west-2").send(new GetMeetingCommand({ MeetingId: Meeting?.MeetingId })),
      "NotFoundException",
      404,
      `Meeting ${Meeting?.MeetingId} not found`,
    );
    assert.equal(
      (await h.client("us-east-1").send(new GetMeetingCommand({ MeetingId: Meeting?.MeetingId }))).Meeting?.MeetingId,
      Meeting?.MeetingId,
    );
  });

  it("a region without a Chime SDK Meetings endpoint is refused", async () => {
    await rejectsWith(
      h.client("eu-west-1").send(new CreateMeetingCommand({ MediaRegion: "eu-west-1", ExternalMeetingId: "no-endpoint" })),
      "BadRequestException",
      400,
      /^Region: value "eu-west-1" must be a Chime SDK Meetings API region/,
    );
  });

  it("GovCloud media regions need a GovCloud API region", async () => {
    await rejectsWith(
      h.client("us-east-1").send(new CreateMeetingCommand({ MediaRegion: "us-gov-west-1", ExternalMeetingId: "gov" })),
      "BadRequestException",
      400,
      'MediaRegion: value "us-gov-west-1" must be in the same partition as the API region us-east-1',
    );
    const { Meeting } = await h
      .client("us-gov-west-1")
      .send(new CreateMeetingCommand({ MediaRegion: "us-gov-east-1", ExternalMeetingId: "gov" }));
    assert.equal(Meeting?.MeetingArn, `arn:aws-us-gov:chime:us-gov-east-1:123456789012:meeting/${Meeting?.MeetingId}`);
  });

  it("CreateMeetingWithAttendees creates the meeting and its attendees, reporting invalid ones in Errors", async () => {
    const r = await h.client().send(
      new CreateMeetingWithAttendeesCommand({
        MediaRegion: "us-east-1",
        ExternalMeetingId: "with-people",
        Attendees: [
          { ExternalUserId: "alice" },
          { ExternalUserId: "aws:bob" },
          { ExternalUserId: "carol", Capabilities: { Audio: "Receive", Video: "None", Content: "None" } },
        ],
      }),
    );
    assert.deepEqual(
      r.Attendees?.map((a) => a.ExternalUserId),
      ["alice", "carol"],
    );
    assert.deepEqual(r.Attendees?.[1].Capabilities, { Audio: "Receive", Video: "None", Content: "None" });
    assert.deepEqual(r.Errors, [
      {
        ExternalUserId: "aws:bob",
        ErrorCode: "BadRequest",
        ErrorMessage: 'Attendees[1].ExternalUserId: value "aws:bob" must not begin with the reserved prefix "aws:" (case-insensitive)',
      },
    ]);
    const listed = await h.client().send(new ListAttendeesCommand({ MeetingId: r.Meeting?.MeetingId }));
    assert.equal(listed.Attendees?.length, 2);
  });

  it("the same ClientRequestToken returns the same meeting for CreateMeeting", async () => {
    const input = { MediaRegion: "us-east-1", ExternalMeetingId: "idem", ClientRequestToken: "token-0001" };
    const first = await h.client().send(new CreateMeetingCommand(input));
    const second = await h.client().send(new CreateMeetingCommand(input));
    assert.deepEqual(second.Meeting, first.Meeting);
    assert.equal((await h.admin.listMeetings()).length, 1);
  });

  it("the same ClientRequestToken returns the same meeting and attendees for CreateMeetingWithAttendees", async () => {
    const input = {
      MediaRegion: "us-east-1",
      ExternalMeetingId: "idem2",
      ClientRequestToken: "token-0002",
      Attendees: [{ ExternalUserId: "alice" }, { ExternalUserId: "aws:x" }],
    };
    const first = await h.client().send(new CreateMeetingWithAttendeesCommand(input));
    const second = await h.client().send(new CreateMeetingWithAttendeesCommand(input));
    assert.deepEqual(second.Meeting, first.Meeting);
    assert.deepEqual(second.Attendees, first.Attendees);
    assert.deepEqual(second.Errors, first.Errors);
    assert.equal(first.Errors?.length, 1);
    assert.equal((await h.admin.listMeetings()).length, 1);
  });

  it("reusing a ClientRequestToken with other parameters is ConflictException", async () => {
    await h
      .client()
      .send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "one", ClientRequestToken: "token-0003" }));
    await rejectsWith(
      h.client().send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "two", ClientRequestToken: "token-0003" })),
      "ConflictException",
      409,
      "ClientRequestToken token-0003 was already used with different parameters",
    );
  });

  it("different ClientRequestTokens create different meetings", async () => {
    const a = await h.client().send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "same" }));
    const b = await h.client().send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "same" }));
    assert.notEqual(a.Meeting?.MeetingId, b.Meeting?.MeetingId);
  });
});
