// The keeper's probe: one GetMeeting per meeting through the real AWS SDK against the emulator, paced below
// the API's quota, retrying throttling, 5xx and dropped connections with jittered backoff, never taking a
// failed read for an ended meeting.
import assert from "node:assert/strict";
import { ChimeSDKMeetingsClient, CreateMeetingCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { EmulatorAdminClient, startEmulator, type RunningEmulator } from "../../emulator";
import { meetingReader, type MeetingReader } from "../../keeper/get-meeting";
import { Pacer } from "../../keeper/pacer";
import { isTransientProbeError, probeMeetings } from "../../keeper/probe";
import { jitteredDelay } from "../../keeper/retry";
import type { StateMeeting } from "../../keeper/state";

const CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };

describe("keeper probe pacing (pure)", () => {
  it("lets at most N calls start in any window of one second (plus a 50 ms margin)", async () => {
    let now = 0;
    const pacer = new Pacer(3, () => now);
    const starts: number[] = [];
    const original = global.setTimeout;
    for (let i = 0; i < 7; i++) {
      const taking = pacer.take();
      // The pacer sleeps until the oldest start leaves the window; advance the fake clock to that moment.
      const done = await Promise.race([taking.then(() => true), new Promise<boolean>((r) => original(() => r(false), 5))]);
      if (!done) {
        now += 1050;
        await taking;
      }
      starts.push(now);
    }
    assert.deepEqual(starts, [0, 0, 0, 1050, 1050, 1050, 2100]);
  });

  it("refuses a rate that is not a positive number, naming it", () => {
    assert.throws(() => new Pacer(0), { name: "RangeError", message: "perSecond: value 0 must be a positive number" });
  });

  for (const [attempt, random, expected] of [
    [1, 0.5, 125],
    [2, 0.5, 250],
    [3, 1, 1000],
    [10, 1, 4000],
    [4, 0, 0],
  ] as const) {
    it(`draws the retry delay of attempt ${attempt} below the exponential ceiling (random ${random} → ${expected} ms)`, () => {
      assert.equal(
        jitteredDelay(attempt, 250, 4000, () => random),
        expected,
      );
    });
  }

  const errors: [string, unknown, boolean][] = [
    [
      "ThrottlingException",
      Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException", $metadata: { httpStatusCode: 429 } }),
      true,
    ],
    ["a 503", Object.assign(new Error("unavailable"), { name: "ServiceUnavailableException", $metadata: { httpStatusCode: 503 } }), true],
    ["an unnamed 502", Object.assign(new Error("bad gateway"), { name: "Unknown", $metadata: { httpStatusCode: 502 } }), true],
    ["a reset connection", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), true],
    ["ForbiddenException", Object.assign(new Error("denied"), { name: "ForbiddenException", $metadata: { httpStatusCode: 403 } }), false],
    ["a missing region", new Error("meeting urn:x: no region in its state"), false],
  ];
  for (const [what, err, transient] of errors) {
    it(`${transient ? "retries" : "does not retry"} ${what}`, () => assert.equal(isTransientProbeError(err), transient));
  }
});

describe("keeper probe against the emulator (real SDK)", function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let reader: MeetingReader;
  const meetings = new Map<string, StateMeeting>();

  before(async () => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
    emulator = await startEmulator({ port: 0, lifecycle: false });
    admin = new EmulatorAdminClient(emulator.url);
    const chime = new ChimeSDKMeetingsClient({ region: "us-east-1", endpoint: emulator.url, credentials: CREDENTIALS });
    for (let i = 0; i < 24; i++) {
      const { Meeting } = await chime.send(
        new CreateMeetingCommand({ ClientRequestToken: `probe-${i}`, MediaRegion: "us-east-1", ExternalMeetingId: `probe-${i}` }),
      );
      meetings.set(`room-${String(i).padStart(2, "0")}`, {
        urn: `urn:pulumi:dev::p::pulumi-nodejs:dynamic/chime:Meeting::room-${i}`,
        id: Meeting!.MeetingId!,
        region: "us-east-1",
      });
    }
    chime.destroy();
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
    process.env.AWS_ACCESS_KEY_ID ??= "test";
    process.env.AWS_SECRET_ACCESS_KEY ??= "test";
    reader = meetingReader({ endpoint: emulator.url });
  });

  afterEach(async () => {
    await admin.clearFaults();
  });

  after(async () => {
    reader?.close();
    await emulator?.close();
  });

  it("finds the ended meetings with one GetMeeting per meeting and nothing else", async () => {
    await admin.expireMeeting(meetings.get("room-03")!.id);
    await admin.expireMeeting(meetings.get("room-17")!.id);
    await admin.clearRequests();
    const report = await probeMeetings(meetings, { getMeeting: reader.getMeeting, requestsPerSecond: 100 });
    assert.deepEqual(report.ended, ["room-03", "room-17"]);
    assert.equal(report.live.length, 22);
    assert.deepEqual([report.unknown, report.calls, report.retried], [[], 24, 0]);
    const ops = (await admin.requests()).map((r) => r.operation);
    assert.deepEqual([ops.length, new Set(ops)], [24, new Set(["GetMeeting"])]);
  });

  it("starts at most 10 GetMeeting calls in any one-second window, with at most 3 in flight", async () => {
    await admin.clearRequests();
    let inFlight = 0;
    let maxInFlight = 0;
    const counted = async (m: StateMeeting) => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      try {
        return await reader.getMeeting(m);
      } finally {
        inFlight--;
      }
    };
    const report = await probeMeetings(meetings, { getMeeting: counted, requestsPerSecond: 10, concurrency: 3 });
    assert.equal(report.calls, 24);
    assert.ok(maxInFlight <= 3, `at most 3 calls in flight, saw ${maxInFlight}`);
    const times = (await admin.requests()).map((r) => Date.parse(r.time)).sort((a, b) => a - b);
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    assert.ok(busiest <= 10, `at most 10 calls in a one-second window, saw ${busiest}`);
  });

  it("retries throttling, 5xx and a dropped connection with backoff and still tells live from ended", async () => {
    await admin.setFaults({
      rules: [
        { operation: "GetMeeting", kind: "throttle", count: 3 },
        { operation: "GetMeeting", kind: "serviceUnavailable", count: 2 },
        { operation: "GetMeeting", kind: "serviceFailure", count: 1 },
        { operation: "GetMeeting", kind: "drop", count: 1 },
      ],
    });
    const report = await probeMeetings(meetings, {
      getMeeting: reader.getMeeting,
      requestsPerSecond: 100,
      baseDelayMs: 20,
      maxDelayMs: 100,
    });
    assert.deepEqual(report.ended, ["room-03", "room-17"]);
    assert.deepEqual([report.live.length, report.unknown, report.retried, report.calls], [22, [], 7, 31]);
  });

  it("never reports a meeting as ended when it is throttled on every attempt: it is unknown, with the error", async () => {
    await admin.setFaults({ rules: [{ operation: "GetMeeting", kind: "throttle" }] });
    const two = new Map([...meetings].filter(([name]) => name === "room-01" || name === "room-03"));
    const report = await probeMeetings(two, { getMeeting: reader.getMeeting, attempts: 3, baseDelayMs: 10, maxDelayMs: 20 });
    assert.deepEqual([report.live, report.ended, report.calls, report.retried], [[], [], 6, 4]);
    assert.deepEqual(
      report.unknown.map((u) => u.name),
      ["room-01", "room-03"],
    );
    assert.match(report.unknown[0].error, /Throttl|Rate/i);
  });
});
