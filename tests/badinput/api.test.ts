// Bad input catalogue (c): invalid requests sent straight to the API through the JS SDK v3, which the
// service (here the emulator) rejects with a 400 whose message names the field, the value and the rule.
import assert from "node:assert/strict";
import { ChimeSDKMeetingsClient, CreateAttendeeCommand, CreateMeetingCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { EmulatorAdminClient, startEmulator, type RunningEmulator } from "../../emulator";
import { API_ROWS, caps, type Live } from "./catalogue-api";
import { assertNamesFieldValueRule } from "./rows";

describe("bad input (c): invalid requests straight to the API (JS SDK v3 → emulator)", function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  const live = {} as Live;

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    admin = new EmulatorAdminClient(emulator.url);
    live.client = new ChimeSDKMeetingsClient({
      endpoint: emulator.url,
      region: "us-east-1",
      maxAttempts: 1,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    const { Meeting } = await live.client.send(
      new CreateMeetingCommand({
        MediaRegion: "us-east-1",
        ExternalMeetingId: "api-bad-input",
        MeetingFeatures: { Video: { MaxResolution: "None" } },
      }),
    );
    live.meetingId = Meeting!.MeetingId!;
    live.meetingArn = Meeting!.MeetingArn!;
    const { Attendee } = await live.client.send(
      new CreateAttendeeCommand({
        MeetingId: live.meetingId,
        ExternalUserId: "guest-01",
        Capabilities: caps("SendReceive", "None", "None"),
      }),
    );
    live.attendeeId = Attendee!.AttendeeId!;
  });

  after(async () => {
    live.client?.destroy();
    await emulator?.close();
  });

  for (const row of API_ROWS) {
    it(row.name, async () => {
      await admin.clearRequests();
      await assert.rejects(row.input(live), (err: Error & { $metadata?: { httpStatusCode?: number } }) => {
        assert.equal(err.name, "BadRequestException", `${err.name}: ${err.message}`);
        assert.equal(err.$metadata?.httpStatusCode, 400);
        assertNamesFieldValueRule(err.message, row);
        return true;
      });
      // The request did reach the service, which refused it: the rule is the API's, not only ours.
      assert.deepEqual(
        (await admin.requests()).map((r) => r.status),
        [400],
      );
    });
  }
});
