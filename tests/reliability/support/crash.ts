// One crash experiment: start `pulumi up`/`destroy` as its own process group, SIGKILL the group at an
// exact API call (kill switch), look at what the crash left (lock, pending operations), then run the
// documented recovery and report what it took.
import * as fs from "node:fs";
import * as path from "node:path";
import { allGone, runPulumi, startPulumi } from "./cli";
import { PROJECT, STACK } from "./fleet";
import type { KillPoint, KillSwitch } from "./kill-switch";

export const CLI_TIMEOUT_MS = 180_000;

export interface CrashEvidence {
  fired: boolean;
  signal: string | null;
  /** Processes the kill took down (CLI, language host, program, dynamic provider), and whether all are gone. */
  killedProcesses: number;
  allGone: boolean;
  writesBeforeKill: string[];
  lockFiles: number;
  pendingOperations: string[];
}

export function lockFiles(stateDir: string): string[] {
  const root = path.join(stateDir, ".pulumi", "locks");
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .map((f) => path.join(root, f))
    .filter((f) => f.endsWith(".json") && fs.statSync(f).isFile());
}

/** `type:name (kind)` for each pending operation recorded in the checkpoint. */
export function pendingOperations(stateDir: string): string[] {
  const file = path.join(stateDir, ".pulumi", "stacks", PROJECT, `${STACK}.json`);
  if (!fs.existsSync(file)) return [];
  const state = JSON.parse(fs.readFileSync(file, "utf8")) as {
    checkpoint?: { latest?: { pending_operations?: { resource: { urn: string }; type: string }[] } };
  };
  return (state.checkpoint?.latest?.pending_operations ?? []).map((p) => `${p.resource.urn.split("::").pop()} (${p.type})`);
}

async function waitGone(pids: number[]): Promise<boolean> {
  for (let i = 0; i < 100 && !allGone(pids); i++) await new Promise((r) => setTimeout(r, 50));
  return allGone(pids);
}

/** Runs `pulumi <command>` and kills it and every process it started at `point`. */
export async function crashAt(
  workDir: string,
  stateDir: string,
  command: "up" | "destroy",
  point: KillPoint,
  killSwitch: KillSwitch,
  env: Record<string, string>,
): Promise<CrashEvidence> {
  const run = startPulumi(workDir, stateDir, [command, "--yes", "--skip-preview", "--stack", STACK], env, CLI_TIMEOUT_MS);
  killSwitch.arm(point, run.pgid);
  const result = await run.done;
  const fired = killSwitch.fired();
  const killed = killSwitch.killed();
  const gone = await waitGone(killed);
  const writesBeforeKill = killSwitch.writesSinceArm();
  killSwitch.disarm();
  if (!fired) {
    throw new Error(`kill point ${JSON.stringify(point)} was never reached (code ${result.code}):\n${result.output.slice(-3000)}`);
  }
  return {
    fired,
    signal: result.signal,
    killedProcesses: killed.length,
    allGone: gone,
    writesBeforeKill,
    lockFiles: lockFiles(stateDir).length,
    pendingOperations: pendingOperations(stateDir),
  };
}

/**
 * The documented recovery (docs/RELIABILITY.md): 1) remove the stale lock the killed CLI left under
 * <state>/.pulumi/locks/ (`pulumi cancel` on a file backend does the same); 2) `pulumi refresh
 * --clear-pending-creates` drops creates that may not have finished and reads every meeting back;
 * 3) the normal command again (`up`, or `destroy`).
 */
export async function recover(workDir: string, stateDir: string, command: "up" | "destroy", env: Record<string, string>): Promise<string> {
  for (const f of lockFiles(stateDir)) fs.rmSync(f);
  await runPulumi(
    workDir,
    stateDir,
    ["refresh", "--yes", "--skip-preview", "--clear-pending-creates", "--stack", STACK],
    env,
    CLI_TIMEOUT_MS,
  );
  const result = await runPulumi(workDir, stateDir, [command, "--yes", "--skip-preview", "--stack", STACK], env, CLI_TIMEOUT_MS);
  return result.output;
}

type JoinInfo = Record<string, { externalUserId: string; attendeeId: string; joinToken?: string }[]>;

/** The stack's joinInfo output (secrets shown), read through the CLI like a user would. */
export async function stackJoinInfo(workDir: string, stateDir: string, env: Record<string, string>): Promise<JoinInfo> {
  const result = await runPulumi(
    workDir,
    stateDir,
    ["stack", "output", "joinInfo", "--json", "--show-secrets", "--stack", STACK],
    env,
    CLI_TIMEOUT_MS,
  );
  return JSON.parse(result.output) as JoinInfo;
}
