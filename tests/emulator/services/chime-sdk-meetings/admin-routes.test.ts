import assert from "node:assert/strict";
import {
  CreateAttendeeCommand,
  CreateMeetingCommand,
  DeleteAttendeeCommand,
  DeleteMeetingCommand,
  GetMeetingCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { isChimeEventEnvelope } from "../../../../chime/events";
import { isLoopback } from "../../../../emulator/core/admin/guard";
import { useEmulator } from "../../support";

const SQS = "arn:aws:sqs:us-east-1:123456789012:meeting-events";

describe("emulator admin API", () => {
  const h = useEmulator({ accountId: "210987654321" });

  it("lists meetings with attendees (no join tokens), tags, regions and notification settings", async () => {
    const { Meeting } = await h.client().send(
      new CreateMeetingCommand({
        MediaRegion: "eu-west-2",
        ExternalMeetingId: "listed",
        TenantIds: ["t1"],
        Tags: [{ Key: "team", Value: "a" }],
        NotificationsConfiguration: { SqsQueueArn: SQS },
      }),
    );
    const { Attendee } = await h.client().send(new CreateAttendeeCommand({ MeetingId: Meeting?.MeetingId, ExternalUserId: "alice" }));
    const [listed, ...rest] = await h.admin.listMeetings();
    assert.equal(rest.length, 0);
    assert.deepEqual(
      { ...listed, createdAt: "t" },
      {
        meetingId: Meeting?.MeetingId,
        meetingArn: `arn:aws:chime:eu-west-2:210987654321:meeting/${Meeting?.MeetingId}`,
        externalMeetingId: "listed",
        mediaRegion: "eu-west-2",
        controlRegion: "us-east-1",
        tenantIds: ["t1"],
        tags: [{ key: "team", value: "a" }],
        notificationsConfiguration: { sqsQueueArn: SQS },
        transcriptionActive: false,
        attendees: [
          {
            attendeeId: Attendee?.AttendeeId,
            externalUserId: "alice",
            joined: false,
            capabilities: { audio: "SendReceive", video: "SendReceive", content: "SendReceive" },
          },
        ],
        createdAt: "t",
      },
    );
    assert.ok(!Number.isNaN(Date.parse(listed.createdAt)));
  });

  it("expires a meeting on demand", async () => {
    const { Meeting } = await h.client().send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "expire-me" }));
    await h.admin.expireMeeting(Meeting?.MeetingId as string);
    await assert.rejects(h.client().send(new GetMeetingCommand({ MeetingId: Meeting?.MeetingId })), { name: "NotFoundException" });
    assert.deepEqual(await h.admin.listMeetings(), []);
  });

  it("join and leave flip the attendee's joined flag", async () => {
    const { Meeting } = await h.client().send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "joins" }));
    const { Attendee } = await h.client().send(new CreateAttendeeCommand({ MeetingId: Meeting?.MeetingId, ExternalUserId: "alice" }));
    await h.admin.joinAttendee(Meeting?.MeetingId as string, Attendee?.AttendeeId as string);
    assert.equal((await h.admin.listMeetings())[0].attendees[0].joined, true);
    await h.admin.leaveAttendee(Meeting?.MeetingId as string, Attendee?.AttendeeId as string);
    assert.equal((await h.admin.listMeetings())[0].attendees[0].joined, false);
  });

  it("records the notification events of a meeting with a NotificationsConfiguration as EventBridge envelopes", async () => {
    const { Meeting } = await h.client().send(
      new CreateMeetingCommand({
        MediaRegion: "eu-west-2",
        ExternalMeetingId: "evented",
        NotificationsConfiguration: { SqsQueueArn: SQS },
      }),
    );
    const id = Meeting?.MeetingId as string;
    const { Attendee } = await h.client().send(new CreateAttendeeCommand({ MeetingId: id, ExternalUserId: "alice" }));
    const aid = Attendee?.AttendeeId as string;
    await h.admin.joinAttendee(id, aid);
    await h.admin.leaveAttendee(id, aid);
    await h.client().send(new DeleteAttendeeCommand({ MeetingId: id, AttendeeId: aid }));
    await h.client().send(new DeleteMeetingCommand({ MeetingId: id }));
    const events = await h.admin.events(id);
    assert.deepEqual(
      events.map((e) => e.detail.eventType),
      [
        "chime:MeetingStarted",
        "chime:AttendeeAdded",
        "chime:AttendeeJoined",
        "chime:AttendeeLeft",
        "chime:AttendeeDeleted",
        "chime:MeetingEnded",
      ],
    );
    for (const e of events) {
      assert.ok(isChimeEventEnvelope(e));
      assert.equal(e.source, "aws.chime");
      assert.equal(e["detail-type"], "Chime Meeting State Change");
      assert.equal(e.account, "210987654321");
      assert.equal(e.region, "us-east-1");
      assert.deepEqual(e.resources, []);
      assert.equal(e.detail.mediaRegion, "eu-west-2");
      assert.equal(e.detail.meetingId, id);
      assert.equal(e.time, new Date(e.detail.timestamp).toISOString());
    }
    assert.deepEqual(events[0].detail, {
      version: "0",
      eventType: "chime:MeetingStarted",
      timestamp: events[0].detail.timestamp,
      meetingId: id,
      mediaRegion: "eu-west-2",
      externalMeetingId: "evented",
    });
    assert.deepEqual(events[2].detail, {
      version: "0",
      eventType: "chime:AttendeeJoined",
      timestamp: events[2].detail.timestamp,
      meetingId: id,
      mediaRegion: "eu-west-2",
      attendeeId: aid,
      externalUserId: "alice",
      networkType: "Voip",
    });
  });

  it("records no events for meetings without a NotificationsConfiguration", async () => {
    const { Meeting } = await h.client().send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "quiet" }));
    await h.client().send(new DeleteMeetingCommand({ MeetingId: Meeting?.MeetingId }));
    assert.deepEqual(await h.admin.events(Meeting?.MeetingId), []);
  });

  it("logs every AWS-route request with its operation and status, including rejected ones, and never join tokens", async () => {
    const { Meeting } = await h.client().send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "logged" }));
    const { Attendee } = await h.client().send(new CreateAttendeeCommand({ MeetingId: Meeting?.MeetingId, ExternalUserId: "alice" }));
    await assert.rejects(h.client().send(new GetMeetingCommand({ MeetingId: "00000000-0000-0000-0000-000000000000" })));
    const bad = await fetch(`${h.emulator.url}/meetings`, { method: "POST", body: "{}" });
    assert.equal(bad.status, 403);
    const log = await h.admin.requests();
    assert.deepEqual(
      log.map((r) => [r.operation, r.method, r.path, r.status]),
      [
        ["CreateMeeting", "POST", "/meetings", 200],
        ["CreateAttendee", "POST", `/meetings/${Meeting?.MeetingId}/attendees`, 200],
        ["GetMeeting", "GET", "/meetings/00000000-0000-0000-0000-000000000000", 404],
        ["CreateMeeting", "POST", "/meetings", 403],
      ],
    );
    assert.ok(log.every((r) => !Number.isNaN(Date.parse(r.time))));
    assert.ok(!JSON.stringify(log).includes(Attendee?.JoinToken as string));
    await h.admin.clearRequests();
    assert.deepEqual(await h.admin.requests(), []);
  });

  it("logs a connection dropped by a fault with status 0", async () => {
    await h.admin.setFaults({ rules: [{ operation: "GetMeeting", kind: "drop", count: 1 }] });
    await assert.rejects(h.client().send(new GetMeetingCommand({ MeetingId: "00000000-0000-0000-0000-000000000000" })));
    assert.deepEqual(
      (await h.admin.requests()).map((r) => [r.operation, r.status]),
      [["GetMeeting", 0]],
    );
  });

  it("advances the clock and reports it", async () => {
    const before = await h.admin.now();
    await h.admin.advanceClock(3600);
    assert.ok((await h.admin.now()).getTime() - before.getTime() >= 3600_000);
  });

  it("reset removes meetings, events, faults and the request log", async () => {
    await h
      .client()
      .send(
        new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "gone", NotificationsConfiguration: { SqsQueueArn: SQS } }),
      );
    await h.admin.setFaults({ rules: [{ operation: "GetMeeting", kind: "throttle" }] });
    await h.admin.reset();
    assert.deepEqual(await h.admin.listMeetings(), []);
    assert.deepEqual(await h.admin.events(), []);
    assert.deepEqual(await h.admin.requests(), []);
    await assert.rejects(h.client().send(new GetMeetingCommand({ MeetingId: "00000000-0000-0000-0000-000000000000" })), {
      name: "NotFoundException",
    });
  });

  it("answers bad admin input with 400 and a message, unknown admin routes with 404", async () => {
    await assert.rejects(h.admin.advanceClock(-1), /failed with 400: seconds: value -1 must be a number from 0 to 3153600000/);
    await assert.rejects(h.admin.setFaults({ rules: [{ operation: "NoSuchOperation", kind: "throttle" }] }), /failed with 400/);
    await assert.rejects(
      h.admin.expireMeeting("00000000-0000-0000-0000-000000000000"),
      /failed with 404: Meeting 00000000-0000-0000-0000-000000000000 not found/,
    );
    assert.equal((await fetch(`${h.emulator.url}/_emulator/nothing`)).status, 404);
  });

  it("is unsigned: admin routes need no SigV4", async () => {
    const res = await fetch(`${h.emulator.url}/_emulator/health`);
    assert.deepEqual(await res.json(), { ok: true });
  });

  it("only answers loopback clients", () => {
    assert.deepEqual(["127.0.0.1", "::1", "::ffff:127.0.0.1", "10.0.0.5", "::ffff:192.168.1.2", undefined].map(isLoopback), [
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
