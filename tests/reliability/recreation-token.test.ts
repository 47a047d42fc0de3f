// ClientRequestToken across crashes and recreations, through the real CLI against the emulator: a create retried
// after a kill -9 sends the token of the killed attempt (one meeting, no duplicate); a meeting recreated after the
// previous one ended sends a new token (docs/MEETING.md, "When a meeting ends"). The tokens are read off the wire by
// a recorder between the kill switch and the emulator.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { EmulatorAdminClient, startEmulator, type RunningEmulator } from "../../emulator";
import { runPulumi, startPulumi } from "./support/cli";
import { CLI_TIMEOUT_MS, lockFiles, recover } from "./support/crash";
import { fleetEnv } from "./support/env";
import { fleet, newFleetProject, stateDirOf, STACK } from "./support/fleet";
import { startKillSwitch, type KillPoint, type KillSwitch } from "./support/kill-switch";
import { startTokenRecorder, type TokenRecorder } from "./support/token-recorder";
import { fleetProblems } from "./support/verify";

interface StateMeeting {
  id: string;
  outputs: { clientRequestToken?: string; generation?: number; ended?: boolean };
}

describe("ClientRequestToken: the same after a kill -9 mid-create, a new one for a meeting recreated after it ended", function () {
  this.timeout(6 * CLI_TIMEOUT_MS);
  const declared = fleet(1, 2, "tok");
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let recorder: TokenRecorder;
  let killSwitch: KillSwitch;
  let workDir: string;
  let stateDir: string;
  let env: Record<string, string>;

  const pulumi = (args: string[]) => runPulumi(workDir, stateDir, [...args, "--stack", STACK], env, CLI_TIMEOUT_MS);

  async function stateMeeting(): Promise<StateMeeting> {
    const out = await pulumi(["stack", "export"]);
    const resources =
      (JSON.parse(out.output) as { deployment: { resources?: (StateMeeting & { type: string; delete?: boolean })[] } }).deployment
        .resources ?? [];
    const meetings = resources
      .filter((r) => r.type === "pulumi-nodejs:dynamic:Resource" || r.type.endsWith("chime:Meeting"))
      .filter((r) => !r.delete && r.id);
    assert.equal(meetings.length, 1, "one meeting in the state");
    return meetings[0];
  }

  /** `pulumi <args>` SIGKILLed, with every process it started, right after the emulator applied `point` (the answer is lost). */
  async function killedRun(args: string[], point: KillPoint): Promise<void> {
    const run = startPulumi(workDir, stateDir, [...args, "--yes", "--skip-preview", "--stack", STACK], env, CLI_TIMEOUT_MS);
    killSwitch.arm(point, run.pgid);
    const result = await run.done;
    const fired = killSwitch.fired();
    killSwitch.disarm();
    assert.ok(fired, `the kill point was reached (code ${result.code}):\n${result.output.slice(-2000)}`);
    assert.equal(result.signal, "SIGKILL");
  }

  const CREATE: KillPoint = { operation: "CreateMeetingWithAttendees", occurrence: 1, when: "after" };

  before(async () => {
    emulator = await startEmulator({ port: 0, lifecycle: false });
    admin = new EmulatorAdminClient(emulator.url);
    recorder = await startTokenRecorder(emulator.url);
    killSwitch = await startKillSwitch(recorder.url);
    workDir = newFleetProject("tokens", declared);
    stateDir = stateDirOf(workDir);
    env = fleetEnv(killSwitch.url);
    await pulumi(["stack", "init", "--secrets-provider", "passphrase"]);
  });

  after(async () => {
    await killSwitch?.close();
    await recorder?.close();
    await emulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("a first create killed after the service made the meeting: the recovery's up sends the same token and adopts that one meeting", async () => {
    await killedRun(["up"], CREATE);
    const [killed] = recorder.tokens();
    const made = await admin.listMeetings();
    assert.equal(made.length, 1, "the killed attempt created the meeting");
    await recover(workDir, stateDir, "up", env);
    assert.deepEqual(recorder.tokens(), [killed, killed], "the recovery's create sent the killed attempt's token");
    const live = await admin.listMeetings();
    assert.deepEqual(fleetProblems(live, declared), []);
    assert.deepEqual(
      live.map((m) => m.meetingId),
      [made[0].meetingId],
      "no duplicate: the same meeting",
    );
    const state = await stateMeeting();
    assert.equal(state.id, made[0].meetingId);
    assert.equal(state.outputs.clientRequestToken, killed);
    assert.deepEqual(lockFiles(stateDir), []);
  });

  it("a meeting that ended: up --refresh replaces it under a new token (generation 1), and a new meeting lives", async () => {
    const [first] = await admin.listMeetings();
    await admin.expireMeeting(first.meetingId);
    const sentBefore = recorder.tokens().length;
    const up = await pulumi(["up", "--refresh", "--yes", "--skip-preview"]);
    assert.match(up.output, /m000 refresh .*\[diff: \+ended/, "the refresh shows the meeting marked ended");
    assert.match(up.output, /m000 replaced .*\[diff: \+generation-ended/, "the up shows the replacement and its reason");
    const sent = recorder.tokens().slice(sentBefore);
    assert.equal(sent.length, 1);
    assert.notEqual(sent[0], recorder.tokens()[0], "the recreation sent a new ClientRequestToken");
    const live = await admin.listMeetings();
    assert.deepEqual(fleetProblems(live, declared), []);
    assert.notEqual(live[0].meetingId, first.meetingId);
    const state = await stateMeeting();
    assert.deepEqual(
      [state.id, state.outputs.clientRequestToken, state.outputs.generation, state.outputs.ended],
      [live[0].meetingId, sent[0], 1, undefined],
    );
  });

  it("a recreation killed after the service made the new meeting: the recovery sends the killed attempt's token, one meeting lives", async () => {
    const [second] = await admin.listMeetings();
    await admin.expireMeeting(second.meetingId);
    const earlier = recorder.tokens();
    await killedRun(["up", "--refresh"], CREATE);
    const killed = recorder.tokens().slice(earlier.length);
    assert.equal(killed.length, 1);
    assert.ok(!earlier.includes(killed[0]), "the recreation's token is new");
    const made = await admin.listMeetings();
    assert.equal(made.length, 1, "the killed attempt created the new meeting");
    await recover(workDir, stateDir, "up", env);
    assert.deepEqual(recorder.tokens().slice(earlier.length), [killed[0], killed[0]], "the recovery resent the killed attempt's token");
    const live = await admin.listMeetings();
    assert.deepEqual(fleetProblems(live, declared), []);
    assert.deepEqual(
      live.map((m) => m.meetingId),
      [made[0].meetingId],
      "no duplicate: the meeting the killed attempt made",
    );
    const state = await stateMeeting();
    assert.deepEqual([state.id, state.outputs.clientRequestToken, state.outputs.generation], [made[0].meetingId, killed[0], 2]);
  });
});
