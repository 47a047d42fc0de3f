import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleEmulatorCliTo } from "../../tests/support/emulator-bundle";

const ROOT = join(__dirname, "..", "..");

export interface EmulatorProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Compiles the emulator CLI to one plain JS file, so measurements see the emulator as shipped (compiled JS) and
 * not the TypeScript compiler that ts-node would keep in memory.
 */
export function bundleEmulatorCli(): string {
  const dir = mkdtempSync(join(tmpdir(), "chime-bench-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return bundleEmulatorCliTo(join(dir, "cli.js"));
}

/**
 * Starts the bundled emulator CLI as its own process (so its memory can be read from /proc) and waits for its URL on stdout.
 * The process is killed on stop() and, as a safety net, when this process exits.
 */
export async function spawnEmulator(cliJs: string, args: string[], timeoutMs = 60_000): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, [cliJs, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const stop = stopper(child, "emulator");
  const url = await waitForUrl(child, timeoutMs);
  return { url, pid: child.pid as number, stop };
}

/**
 * Kills `child` with SIGKILL if this process exits first (a safety net), and returns its stop(): SIGTERM, SIGKILL
 * after 5 s, resolved once the child is gone. `gone` runs once the child has exited or been killed on exit.
 */
export function stopper(child: ChildProcess, name: string, gone: () => void = () => {}): () => Promise<void> {
  const killOnExit = () => {
    child.kill("SIGKILL");
    gone();
  };
  process.once("exit", killOnExit);
  return () =>
    new Promise((resolve) => {
      process.removeListener("exit", killOnExit);
      if (child.exitCode !== null) {
        gone();
        return resolve();
      }
      const forced = setTimeout(() => {
        process.stderr.write(`${name} (pid ${child.pid}) did not exit within 5 s of SIGTERM; killing it\n`);
        child.kill("SIGKILL");
      }, 5000);
      child.once("exit", () => {
        clearTimeout(forced);
        gone();
        resolve();
      });
      child.kill("SIGTERM");
    });
}

function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`emulator printed no URL within ${timeoutMs} ms; output so far:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with code ${code} before printing its URL:\n${output}`));
    });
  });
}

/** Resident set size of a process in MiB, from /proc/<pid>/status (Linux). */
export function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!m) throw new Error(`/proc/${pid}/status has no VmRSS line`);
  return Number(m[1]) / 1024;
}

let clockTicks: number | undefined;

/** CPU time (user + system) a process has used so far, in seconds, from /proc/<pid>/stat (Linux). */
export function cpuSeconds(pid: number): number {
  clockTicks ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the whole line.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}
