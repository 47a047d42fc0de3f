// Starts the Chime SDK Meetings emulator in the background for `npm start`, or reuses the one already
// running, and prints its URL (the only stdout line). The emulator keeps running after `npm start`
// ends so meetings survive; its pid is in .emulator-data/emulator.pid and its state in .emulator-data/.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { isProcessRunning } from "../../emulator/core/process";

const ROOT = path.resolve(__dirname, "..", "..");
const DATA_DIR = path.resolve(ROOT, process.env.CHIME_EMULATOR_DIR ?? ".emulator-data");
const PID_FILE = path.join(DATA_DIR, "emulator.pid");
const URL_FILE = path.join(DATA_DIR, "emulator.url");
const LOG_FILE = path.join(DATA_DIR, "emulator.log");
const START_TIMEOUT_MS = 90_000;

function log(message: string): void {
  process.stderr.write(`[emulator] ${message}\n`);
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    return undefined;
  }
}

/** The URL of a live emulator from an earlier run: its process exists and its admin API answers. */
async function liveEmulator(): Promise<string | undefined> {
  const pid = Number(readText(PID_FILE));
  const url = readText(URL_FILE);
  if (!Number.isInteger(pid) || pid <= 0 || !url || !isProcessRunning(pid)) return undefined;
  try {
    const res = await fetch(`${url}/_emulator/clock`, { signal: AbortSignal.timeout(3000) });
    return res.ok ? url : undefined;
  } catch {
    return undefined;
  }
}

function firstUrlLine(text: string): string | undefined {
  const firstLine = text.split("\n").find((line) => line.trim() !== "");
  return firstLine?.match(/https?:\/\/[^\s]+/)?.[0];
}

/** Launches `emulator/cli.ts` detached, its output going to the log file, and waits for the URL line. */
async function launch(): Promise<string> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const out = fs.openSync(LOG_FILE, "w");
  const child = spawn(
    process.execPath,
    ["-r", "ts-node/register", path.join("emulator", "cli.ts"), "--port", "0", "--data-dir", DATA_DIR],
    { cwd: ROOT, detached: true, stdio: ["ignore", out, out], env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" } },
  );
  fs.closeSync(out);
  let exited: number | null | undefined;
  child.on("exit", (code) => {
    exited = code;
  });
  child.unref();
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const url = firstUrlLine(readText(LOG_FILE) ?? "");
    if (url) {
      fs.writeFileSync(PID_FILE, `${child.pid}\n`);
      fs.writeFileSync(URL_FILE, `${url}\n`);
      return url;
    }
    if (exited !== undefined) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (exited === undefined && child.pid !== undefined) process.kill(child.pid);
  throw new Error(`the emulator did not print its URL (see ${path.relative(ROOT, LOG_FILE)}):\n${readText(LOG_FILE) ?? ""}`);
}

async function main(): Promise<void> {
  const running = await liveEmulator();
  if (running) {
    log(`reusing the emulator at ${running} (pid ${readText(PID_FILE)})`);
    process.stdout.write(`${running}\n`);
    return;
  }
  const url = await launch();
  log(`started the emulator at ${url} (pid ${readText(PID_FILE)}, state in ${path.relative(ROOT, DATA_DIR)}/)`);
  process.stdout.write(`${url}\n`);
}

main().catch((err: unknown) => {
  log(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
