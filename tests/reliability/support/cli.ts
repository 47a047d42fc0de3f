// Runs the real `pulumi` binary as the leader of its own process group (detached), so a test can
// SIGKILL the CLI together with its language host and dynamic-provider plugin: `kill -9 -<pgid>`.
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { offlineEnv, toolchainBinDir } from "../../support/pulumi";

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  timedOut: boolean;
}

export interface CliRun {
  child: ChildProcess;
  /** The process group id (the CLI's pid). */
  pgid: number;
  done: Promise<CliResult>;
}

/** Starts `pulumi <args>` in `workDir` with the offline environment plus `env`; killed (whole group) after `timeoutMs`. */
export function startPulumi(workDir: string, stateDir: string, args: string[], env: Record<string, string>, timeoutMs: number): CliRun {
  const child = spawn(path.join(toolchainBinDir(), "pulumi"), [...args, "--non-interactive", "--color", "never"], {
    cwd: workDir,
    env: { ...process.env, ...offlineEnv(stateDir, env) },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pgid = child.pid as number;
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // already exited
    }
  }, timeoutMs);
  const done = new Promise<CliResult>((resolve) => {
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, timedOut });
    });
  });
  return { child, pgid, done };
}

/** Runs `pulumi <args>` to completion; rejects with the output when it fails. */
export async function runPulumi(workDir: string, stateDir: string, args: string[], env: Record<string, string>, timeoutMs: number): Promise<CliResult> {
  const result = await startPulumi(workDir, stateDir, args, env, timeoutMs).done;
  if (result.code !== 0) {
    throw new Error(`pulumi ${args.join(" ")} failed (code ${result.code}, signal ${result.signal}, timedOut ${result.timedOut}):\n${result.output.slice(-4000)}`);
  }
  return result;
}

/** True when no process of the group is left (the kill took the plugins with it). */
export function groupIsGone(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return false;
  } catch {
    return true;
  }
}
