import assert from "node:assert/strict";
import {
  ChimeSDKMeetingsClient,
  CreateMeetingCommand,
  GetMeetingCommand,
  ListAttendeesCommand,
  ServiceFailureException,
  ServiceUnavailableException,
  ThrottlingException,
} from "@aws-sdk/client-chime-sdk-meetings";
import { EmulatorAdminClient, startEmulator } from "../../../../emulator";

describe("injected faults over HTTP through the JS SDK", function () {
  this.timeout(30_000);
  let emulator: { url: string; close(): Promise<void> };
  let admin: EmulatorAdminClient;
  let meetingId: string;

  const client = (maxAttempts = 1) =>
    new ChimeSDKMeetingsClient({
      endpoint: emulator.url,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts,
    });
  const getMeeting = (c = client()) => c.send(new GetMeetingCommand({ MeetingId: meetingId }));

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    admin = new EmulatorAdminClient(emulator.url);
    const created = await client().send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "faults-http" }));
    meetingId = created.Meeting?.MeetingId as string;
  });
  afterEach(async () => admin.clearFaults());
  after(async () => emulator.close());

  it("a throttle fault raises ThrottlingException (429) once, then the call succeeds", async () => {
    await admin.setFaults({ rules: [{ operation: "GetMeeting", kind: "throttle", count: 1 }] });
    await assert.rejects(getMeeting(), (err: unknown) => {
      assert.ok(err instanceof ThrottlingException, `got ${(err as Error).name}`);
      assert.equal(err.$metadata.httpStatusCode, 429);
      return true;
    });
    assert.equal((await getMeeting()).Meeting?.MeetingId, meetingId);
  });

  it("a serviceFailure fault raises ServiceFailureException (500)", async () => {
    await admin.setFaults({ rules: [{ operation: "CreateMeeting", kind: "serviceFailure", count: 1 }] });
    await assert.rejects(
      client().send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "never" })),
      (err: unknown) => {
        assert.ok(err instanceof ServiceFailureException, `got ${(err as Error).name}`);
        assert.equal(err.$metadata.httpStatusCode, 500);
        return true;
      },
    );
  });

  it("a serviceUnavailable fault raises ServiceUnavailableException with RetryAfterSeconds from Retry-After", async () => {
    await admin.setFaults({ rules: [{ operation: "GetMeeting", kind: "serviceUnavailable", retryAfterSeconds: 7, count: 1 }] });
    await assert.rejects(getMeeting(), (err: unknown) => {
      assert.ok(err instanceof ServiceUnavailableException, `got ${(err as Error).name}`);
      assert.equal(err.$metadata.httpStatusCode, 503);
      assert.equal(err.RetryAfterSeconds, "7");
      return true;
    });
  });

  it("the SDK's standard retries recover from two throttled calls on the third attempt", async () => {
    await admin.setFaults({ rules: [{ operation: "GetMeeting", kind: "throttle", count: 2 }] });
    const out = await getMeeting(client(3));
    assert.equal(out.Meeting?.MeetingId, meetingId);
    assert.equal(out.$metadata.attempts, 3);
  });

  it("a dropped connection fails the call without a response and a retry recovers", async () => {
    await admin.setFaults({ rules: [{ operation: "GetMeeting", kind: "drop", count: 1 }] });
    await assert.rejects(getMeeting(), (err: unknown) => {
      assert.equal((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode, undefined);
      return true;
    });
    await admin.setFaults({ rules: [{ operation: "GetMeeting", kind: "drop", count: 1 }] });
    assert.equal((await getMeeting(client(2))).$metadata.attempts, 2);
  });

  it("a latency fault delays the answer by at least the configured time", async () => {
    await admin.setFaults({ rules: [{ operation: "GetMeeting", kind: "latency", ms: 300, count: 1 }] });
    const started = Date.now();
    await getMeeting();
    assert.ok(Date.now() - started >= 290, `took ${Date.now() - started} ms`);
  });

  it("a fault for one operation leaves the other operations alone", async () => {
    await admin.setFaults({ rules: [{ operation: "CreateMeeting", kind: "throttle" }] });
    assert.deepEqual((await client().send(new ListAttendeesCommand({ MeetingId: meetingId }))).Attendees, []);
    assert.equal((await getMeeting()).Meeting?.MeetingId, meetingId);
  });

  it("a rate-based fault fails some calls, and the same seed replays the same pattern", async () => {
    const pattern = async (): Promise<string> => {
      await admin.setFaults({ rules: [{ operation: "GetMeeting", kind: "throttle", rate: 0.5 }], seed: 11 });
      const c = client();
      let out = "";
      for (let i = 0; i < 24; i += 1)
        out += await getMeeting(c).then(
          () => ".",
          () => "x",
        );
      return out;
    };
    const first = await pattern();
    assert.match(first, /x/);
    assert.match(first, /\./);
    assert.equal(await pattern(), first);
  });

  it("clearing the faults stops injecting them", async () => {
    await admin.setFaults({ rules: [{ kind: "throttle" }] });
    await admin.clearFaults();
    assert.equal((await getMeeting()).Meeting?.MeetingId, meetingId);
  });

  it("an invalid fault configuration is refused with a message naming the field, the value and the rule", async () => {
    await assert.rejects(
      admin.setFaults({ rules: [{ operation: "GetMeeting", kind: "throttle", rate: 2 }] }),
      /rules\[0\]\.rate: value 2 must be a number from 0 to 1/,
    );
    assert.equal((await getMeeting()).Meeting?.MeetingId, meetingId);
  });
});
