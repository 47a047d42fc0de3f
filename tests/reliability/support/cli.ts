// Runs the real `pulumi` binary as the leader of its own process group (detached) and kills it hard
// together with everything it started. A group kill alone is not enough: the CLI starts each plugin
// (language host, dynamic provider) in a process group of its own, so `kill -9 -<pgid>` leaves them
// running as orphans. killTree() freezes the whole tree (SIGSTOP, so nothing forks or is re-parented
// while it looks) and then SIGKILLs every process in it.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
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

/** Starts `pulumi <args>` in `workDir` with the offline environment plus `env`; killed with everything it started after `timeoutMs`. */
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
    killTree(pgid);
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
export async function runPulumi(
  workDir: string,
  stateDir: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<CliResult> {
  const result = await startPulumi(workDir, stateDir, args, env, timeoutMs).done;
  if (result.code !== 0) {
    throw new Error(
      `pulumi ${args.join(" ")} failed (code ${result.code}, signal ${result.signal}, timedOut ${result.timedOut}):\n${result.output.slice(-4000)}`,
    );
  }
  return result;
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ")".
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/** `root` and every live descendant (Linux /proc). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const ppid = parentOf(pid);
    if (ppid !== undefined) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0 && out.length < 10_000) {
    const pid = queue.shift() as number;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** SIGKILLs `root` and all its descendants at once; returns the pids it killed. */
export function killTree(root: number): number[] {
  const frozen = new Set<number>();
  for (let round = 0; round < 5; round++) {
    const found = processTree(root).filter((pid) => !frozen.has(pid));
    if (found.length === 0) break;
    for (const pid of found) {
      signal(pid, "SIGSTOP");
      frozen.add(pid);
    }
  }
  signal(-root, "SIGKILL");
  for (const pid of frozen) signal(pid, "SIGKILL");
  return [...frozen];
}

/** True when none of `pids` is alive any more (zombies awaiting their parent count as gone). */
export function allGone(pids: number[]): boolean {
  return pids.every((pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
    } catch {
      return true;
    }
  });
}

/** Live (non-zombie) processes whose working directory is `dir` or below: what a crash could leave behind. */
export function processesIn(dir: string): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      if ((cwd === dir || cwd.startsWith(dir + path.sep)) && !allGone([pid])) out.push(pid);
    } catch {
      // gone, or not ours to inspect
    }
  }
  return out;
}

/** processesIn(dir) after waiting (bounded) for normally exiting plugins to finish. */
export async function lingeringProcessesIn(dir: string, waitMs = 5000): Promise<number[]> {
  const deadline = Date.now() + waitMs;
  let found = processesIn(dir);
  while (found.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    found = processesIn(dir);
  }
  return found;
}
