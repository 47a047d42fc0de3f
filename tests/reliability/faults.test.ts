// `pulumi up` of a fleet while the emulator throttles 20% of calls, fails 5% with 5xx and drops 2% of
// connections: repeated `up` runs (bounded) converge to exactly the declared set with no duplicate
// meeting, and `destroy` (bounded retries) leaves nothing. Fast subset here; full size in `npm run soak`.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import type { Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient, startEmulator, type FaultConfig, type RunningEmulator } from "../../emulator";
import { newLocalStack } from "../support/pulumi";
import { fleetEnv } from "./support/env";
import { recordFigure, SOAK } from "./support/figures";
import { fleet, newFleetProject, STACK, type DeclaredMeeting } from "./support/fleet";
import { duplicateExternalIds, fleetProblems } from "./support/verify";

const MEETINGS = SOAK ? 100 : 10;
const ATTENDEES = 5;
const MAX_RUNS = 6;

/**
 * Rules are tried in order and the first that fires wins, so each later rate is conditioned on the
 * earlier ones not firing: overall 20% throttle, 5% 500, 2% drop of every API call.
 */
export const FLEET_FAULTS: FaultConfig = {
  seed: 7,
  rules: [
    { kind: "throttle", rate: 0.2 },
    { kind: "serviceFailure", rate: 0.05 / 0.8 },
    { kind: "drop", rate: 0.02 / 0.75 },
  ],
};

interface RunOutcome {
  ok: boolean;
  changes: number;
  error?: string;
}

async function attempt(run: () => Promise<{ summary: { resourceChanges?: Record<string, number> } }>): Promise<RunOutcome> {
  try {
    const result = await run();
    const changes = Object.entries(result.summary.resourceChanges ?? {})
      .filter(([k]) => k !== "same")
      .reduce((n, [, v]) => n + v, 0);
    return { ok: true, changes };
  } catch (err) {
    return { ok: false, changes: -1, error: (err as Error).message.slice(-600) };
  }
}

describe(`a fleet of ${MEETINGS} meetings x ${ATTENDEES} attendees under 20% throttling, 5% 5xx and 2% dropped connections`, function () {
  this.timeout(SOAK ? 3_600_000 : 600_000);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let workDir: string;
  let stack: Stack;
  const declared: DeclaredMeeting[] = fleet(MEETINGS, ATTENDEES, "flt");

  before(async () => {
    // No idle/24 h lifecycle: a slow faulty run must not see meetings end under it.
    emulator = await startEmulator({ port: 0, lifecycle: false });
    admin = new EmulatorAdminClient(emulator.url);
    workDir = newFleetProject("faults", declared);
    stack = await newLocalStack({ workDir, stackName: STACK, env: fleetEnv(emulator.url) });
    await admin.setFaults(FLEET_FAULTS);
  });

  after(async () => {
    await emulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("converges within a bounded number of up runs to exactly the declared meetings, none duplicated", async () => {
    const started = Date.now();
    const runs: RunOutcome[] = [];
    while (runs.length < MAX_RUNS) {
      const outcome = await attempt(() => stack.up());
      runs.push(outcome);
      if (outcome.ok && outcome.changes === 0) break;
    }
    const requests = await admin.requests();
    const injected = requests.filter((r) => r.status === 429 || r.status >= 500 || r.status === 0).length;
    const live = await admin.listMeetings();
    recordFigure("faults", {
      meetings: MEETINGS,
      attendees: ATTENDEES,
      upRuns: runs.length,
      runs: runs.map((r) => (r.ok ? `ok(${r.changes})` : "failed")),
      seconds: Math.round((Date.now() - started) / 1000),
      apiCalls: requests.length,
      injectedFailures: injected,
    });
    const last = runs[runs.length - 1];
    assert.ok(last.ok && last.changes === 0, `no convergence after ${runs.length} up runs: ${JSON.stringify(runs)}`);
    assert.ok(injected > 0, "the faults were injected");
    assert.deepEqual(duplicateExternalIds(live), []);
    assert.deepEqual(fleetProblems(live, declared), []);
  });

  it("destroys every meeting under the same faults", async () => {
    const runs: RunOutcome[] = [];
    while (runs.length < MAX_RUNS) {
      const outcome = await attempt(() => stack.destroy());
      runs.push(outcome);
      if (outcome.ok) break;
    }
    recordFigure("faults-destroy", { meetings: MEETINGS, destroyRuns: runs.length });
    assert.ok(runs[runs.length - 1].ok, `destroy failed ${runs.length} times: ${JSON.stringify(runs)}`);
    assert.deepEqual(await admin.listMeetings(), []);
  });
});
