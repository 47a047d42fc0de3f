// kill -9 of `pulumi up` and every process it started (language host, program, dynamic-provider
// plugin; see killTree) at exact API calls during creates, attendee batches, updates, replaces and deletes; after the
// documented recovery the emulator holds exactly the declared meetings and attendees. Fast subset
// (3 points) in `npm test`, all 12 in `npm run soak`.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { EmulatorAdminClient, startEmulator, type RunningEmulator } from "../../emulator";
import { lingeringProcessesIn, runPulumi } from "./support/cli";
import { crashAt, CLI_TIMEOUT_MS, lockFiles, recover, stackJoinInfo } from "./support/crash";
import { CRASH_CASES } from "./support/crash-cases";
import { fleetEnv } from "./support/env";
import { recordFigure, SOAK } from "./support/figures";
import { declare, newFleetProject, stateDirOf, STACK, type DeclaredMeeting } from "./support/fleet";
import { startKillSwitch, type KillSwitch } from "./support/kill-switch";
import { fleetProblems, stateProblems } from "./support/verify";

const CASES = CRASH_CASES.filter((c) => SOAK || c.fast);

describe(`kill -9 of the Pulumi CLI and every process it started, at ${CASES.length} API calls, then the documented recovery`, function () {
  this.timeout(4 * CLI_TIMEOUT_MS);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let killSwitch: KillSwitch;
  let workDir: string;
  let stateDir: string;
  let env: Record<string, string>;
  let declared: DeclaredMeeting[] = [];
  const outcomes: Record<string, unknown>[] = [];

  before(async () => {
    emulator = await startEmulator({ port: 0, lifecycle: false });
    admin = new EmulatorAdminClient(emulator.url);
    killSwitch = await startKillSwitch(emulator.url);
    workDir = newFleetProject("crash", declared);
    stateDir = stateDirOf(workDir);
    env = fleetEnv(killSwitch.url);
    await runPulumi(workDir, stateDir, ["stack", "init", STACK, "--secrets-provider", "passphrase"], env, CLI_TIMEOUT_MS);
  });

  after(async () => {
    recordFigure("crash", { points: outcomes.length, outcomes });
    await killSwitch?.close();
    await emulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(`recovers exactly the declared set after a kill during ${c.name}`, async () => {
      const target = c.command === "destroy" ? [] : c.change(declared);
      if (c.command === "up") declare(workDir, target);
      const evidence = await crashAt(workDir, stateDir, c.command, c.point, killSwitch, env);
      const problemsAfterCrash = fleetProblems(await admin.listMeetings(), target).length;
      const started = Date.now();
      await recover(workDir, stateDir, c.command, env);
      const live = await admin.listMeetings();
      const problems = fleetProblems(live, target);
      const stateDiffs = c.command === "up" ? stateProblems(live, target, await stackJoinInfo(workDir, stateDir, env)) : [];
      outcomes.push({
        case: c.name,
        killedProcesses: evidence.killedProcesses,
        writesBeforeKill: evidence.writesBeforeKill.length,
        staleLock: evidence.lockFiles > 0,
        pendingOperations: evidence.pendingOperations.length,
        differencesAfterKill: problemsAfterCrash,
        recoverySeconds: Math.round((Date.now() - started) / 1000),
        differencesAfterRecovery: problems.length,
      });
      assert.equal(evidence.signal, "SIGKILL");
      assert.ok(evidence.killedProcesses >= 3 && evidence.allGone, "the CLI, its language host and the provider plugin all died");
      assert.deepEqual(await lingeringProcessesIn(workDir), [], "no orphaned plugin is left running");
      assert.deepEqual(problems, []);
      assert.deepEqual(stateDiffs, [], "the state matches the emulator, join tokens included");
      assert.deepEqual(lockFiles(stateDir), [], "the recovery leaves no lock behind");
      declared = target;
    });
  }
});
