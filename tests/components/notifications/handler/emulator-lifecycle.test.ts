import assert from "node:assert/strict";
import {
  BatchCreateAttendeeCommand,
  ChimeSDKMeetingsClient,
  CreateAttendeeCommand,
  DeleteAttendeeCommand,
  DeleteMeetingCommand,
  StartMeetingTranscriptionCommand,
  StopMeetingTranscriptionCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import type { ChimeEventEnvelope } from "../../../../chime/events";
import { AttendanceLog } from "../../../../components/notifications/handler/attendance";
import { InMemoryDedupeStore } from "../../../../components/notifications/handler/dedupe";
import { jsonLogger } from "../../../../components/notifications/handler/logger";
import { createEventProcessor } from "../../../../components/notifications/handler/process";
import { EmulatorAdminClient, startEmulator } from "../../../../emulator";
import { checkedInputs, meetingViolations } from "../../../../components/meeting/check";
import { createMeeting } from "../../../../components/meeting/create";
import type { NotificationsConfigurationOutput } from "../../../../components/notifications/args";
import { installAwsMocks, outputValue } from "../support/aws-mocks";
import { CHANNELS, invocation, memoryLog } from "./fixtures";

/**
 * The events the emulator records over a meeting's life, created with the configuration MeetingNotifications
 * produces, go through the handler in every envelope.
 */
describe("the handler on the events of an emulated meeting's lifecycle", function () {
  this.timeout(60_000);
  let emulator: { url: string; close(): Promise<void> };
  let events: ChimeEventEnvelope[];
  let configuration: NotificationsConfigurationOutput;
  const attendeeIds: string[] = [];
  let meetingId: string;

  before(async () => {
    const mocks = await installAwsMocks();
    const { MeetingNotifications } = await import("../../../../components/notifications");
    configuration = await outputValue(new MeetingNotifications("lifecycle", { topic: true }).notificationsConfiguration);
    assert.ok(mocks.registrations.length > 0);

    emulator = await startEmulator({ lifecycle: false });
    const client = new ChimeSDKMeetingsClient({
      region: "us-east-1",
      endpoint: emulator.url,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    const admin = new EmulatorAdminClient(emulator.url);
    try {
      // Through the Meeting provider's own check and create, with the component's configuration as is.
      const inputs = checkedInputs(
        {},
        {
          mediaRegion: "us-east-1",
          externalMeetingId: "handler-lifecycle",
          notificationsConfiguration: configuration,
          idempotencySeed: "chime-meetings/test/handler-lifecycle",
        },
        "us-east-1",
      );
      assert.deepEqual(meetingViolations(inputs, "us-east-1"), []);
      meetingId = (await createMeeting(client, inputs, "us-east-1")).meetingId;
      const stored = (await admin.listMeetings()).find((m) => m.meetingId === meetingId);
      assert.deepEqual(stored?.notificationsConfiguration, configuration);
      const host = await client.send(new CreateAttendeeCommand({ MeetingId: meetingId, ExternalUserId: "host-0001" }));
      const batch = await client.send(
        new BatchCreateAttendeeCommand({
          MeetingId: meetingId,
          Attendees: [{ ExternalUserId: "guest-0001" }, { ExternalUserId: "guest-0002" }],
        }),
      );
      attendeeIds.push(host.Attendee!.AttendeeId!, ...batch.Attendees!.map((a) => a.AttendeeId!));
      for (const id of attendeeIds) await admin.joinAttendee(meetingId, id);
      await admin.leaveAttendee(meetingId, attendeeIds[1]);
      await client.send(
        new StartMeetingTranscriptionCommand({
          MeetingId: meetingId,
          TranscriptionConfiguration: {
            EngineTranscribeSettings: { LanguageCode: "en-US" },
          },
        }),
      );
      await client.send(new StopMeetingTranscriptionCommand({ MeetingId: meetingId }));
      await client.send(new DeleteAttendeeCommand({ MeetingId: meetingId, AttendeeId: attendeeIds[2] }));
      await client.send(new DeleteMeetingCommand({ MeetingId: meetingId }));
      events = await admin.events(meetingId);
    } finally {
      client.destroy();
    }
  });

  after(async () => {
    await emulator?.close();
  });

  it("creates a meeting with the component's notificationsConfiguration through the Meeting provider", () => {
    assert.deepEqual(Object.keys(configuration), ["sqsQueueArn", "snsTopicArn"]);
    assert.match(meetingId, /^[0-9a-f-]{36}$/);
  });

  it("records the lifecycle the test drove", () => {
    const types = events.map((e) => e.detail.eventType);
    for (const expected of [
      "chime:MeetingStarted",
      "chime:AttendeeAdded",
      "chime:AttendeeJoined",
      "chime:AttendeeLeft",
      "chime:TranscriptionStarted",
      "chime:TranscriptionStopped",
      "chime:AttendeeDeleted",
      "chime:MeetingEnded",
    ]) {
      assert.ok(types.includes(expected as never), `${expected} missing from ${types.join(", ")}`);
    }
  });

  for (const channel of CHANNELS) {
    it(`accepts every recorded event through ${channel} and logs who attended`, async () => {
      const attendance = new AttendanceLog();
      const log = memoryLog();
      const processEvents = createEventProcessor({
        action: attendance,
        dedupe: new InMemoryDedupeStore(),
        logger: jsonLogger(log.write),
      });
      const invocations = channel === "eventbridge" ? events.map((e) => invocation(channel, [e])) : [invocation(channel, events)];
      for (const payload of invocations) assert.deepEqual(await processEvents(payload), { batchItemFailures: [] });
      assert.equal(log.entries().filter((e) => e.message === "event processed").length, events.length);
      const expectedPresent = [attendeeIds[0], attendeeIds[2]].sort();
      assert.deepEqual(attendance.present(meetingId), expectedPresent);
      assert.deepEqual(
        attendance.entries(meetingId).map((e) => [e.attendeeId, e.change]),
        [...attendeeIds.map((id) => [id, "joined"]), [attendeeIds[1], "left"]],
      );
    });
  }

  it("handles each recorded event once when the whole lifecycle is delivered twice", async () => {
    const attendance = new AttendanceLog();
    const processEvents = createEventProcessor({ action: attendance, logger: jsonLogger(() => undefined) });
    await processEvents(invocation("sqs", events));
    await processEvents(invocation("sqs+sns", events));
    assert.equal(attendance.entries(meetingId).length, 4);
  });
});
