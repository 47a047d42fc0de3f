import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleEmulatorCliTo } from "../support/emulator-bundle";

const ROOT = join(__dirname, "..", "..");
let built: string | undefined;

/** The CLI compiled once per test process to plain JS (esbuild), so children start in milliseconds. */
export function cliScript(): string {
  if (built) return built;
  return (built = bundleEmulatorCliTo(join(mkdtempSync(join(tmpdir(), "chime-emulator-cli-")), "cli.js")));
}

export interface CliChild {
  proc: ChildProcessWithoutNullStreams;
  url: string;
  /** Everything the child wrote to stderr so far. */
  stderr(): string;
}

/**
 * Starts the real emulator CLI and waits for "listening on URL". With `fileSizeLimitKb` the child runs under
 * RLIMIT_FSIZE (bash `ulimit -f`), so its files hit a real kernel limit: short writes, then EFBIG.
 */
export function startCliChild(args: string[], opts: { fileSizeLimitKb?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CliChild> {
  const node = [process.execPath, cliScript(), ...args];
  const [cmd, ...argv] =
    opts.fileSizeLimitKb === undefined ? node : ["bash", "-c", `ulimit -f ${opts.fileSizeLimitKb} && exec "$0" "$@"`, ...node];
  const proc = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, ...opts.env } });
  let out = "";
  let err = "";
  proc.stderr.on("data", (d: Buffer) => {
    err += d.toString();
  });
  return new Promise((resolve, reject) => {
    proc.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const line = /^listening on (\S+)\n/.exec(out);
      if (line) resolve({ proc, url: line[1], stderr: () => err });
    });
    proc.once("exit", (code, signal) => reject(new Error(`emulator exited (${code ?? signal}) before listening: ${err}`)));
  });
}

/** Kills the child with SIGKILL (a crash: no shutdown code runs) and waits for it to be gone. */
export async function crash(child: CliChild): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  const gone = new Promise((resolve) => child.proc.once("exit", resolve));
  child.proc.kill("SIGKILL");
  await gone;
}

/** Stops the child with SIGTERM and waits for it to exit. */
export async function stop(child: CliChild): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  const gone = new Promise((resolve) => child.proc.once("exit", resolve));
  child.proc.kill("SIGTERM");
  await gone;
}
