import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { PresignedRequest } from "./sign";

const execFileAsync = promisify(execFile);

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses outside 2xx/3xx; a valid run has 0. */
  non2xx: number;
  socketErrors: number;
}

export interface LoadOptions {
  seconds: number;
  connections: number;
  threads: number;
}

/** A wrk Lua script that replays one fixed request (method, path, headers, body). */
export function writeReplayScript(name: string, req: PresignedRequest): string {
  const lua = [
    `wrk.method = ${luaString(req.method)}`,
    `wrk.path = ${luaString(req.pathAndQuery)}`,
    `wrk.body = ${req.body === "" ? "nil" : luaString(req.body)}`,
    // "Host" exactly as wrk spells it, so the signed value replaces wrk's own instead of adding a second one.
    ...Object.entries(req.headers).map(([k, v]) => `wrk.headers[${luaString(k === "host" ? "Host" : k)}] = ${luaString(v)}`),
  ].join("\n");
  const file = join(tmpdir(), `chime-bench-${process.pid}-${name}.lua`);
  writeFileSync(file, `${lua}\n`);
  return file;
}

/** Runs wrk against `url` (optionally with a Lua script) and parses its --latency report. */
export async function runWrk(url: string, script: string | undefined, o: LoadOptions): Promise<LoadResult> {
  const args = ["-t", String(o.threads), "-c", String(o.connections), "-d", `${o.seconds}s`, "--latency", "--timeout", "5s"];
  if (script) args.push("-s", script);
  args.push(url);
  const { stdout } = await execFileAsync("wrk", args, { timeout: (o.seconds + 30) * 1000 });
  return parseWrk(stdout);
}

export function parseWrk(out: string): LoadResult {
  const number = (re: RegExp): number => {
    const m = re.exec(out);
    if (!m) throw new Error(`wrk output lacks ${re}:\n${out}`);
    return Number(m[1]);
  };
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    requests: number(/(\d+) requests in/),
    p50Ms: latencyMs(out, "50%"),
    p99Ms: latencyMs(out, "99%"),
    non2xx: /Non-2xx or 3xx responses: (\d+)/.test(out) ? number(/Non-2xx or 3xx responses: (\d+)/) : 0,
    socketErrors: socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

function latencyMs(out: string, percentile: string): number {
  const m = new RegExp(`^\\s+${percentile}\\s+([\\d.]+)(us|ms|s)\\s*$`, "m").exec(out);
  if (!m) throw new Error(`wrk output lacks the ${percentile} latency:\n${out}`);
  const factor = m[2] === "us" ? 0.001 : m[2] === "s" ? 1000 : 1;
  return Number(m[1]) * factor;
}

function luaString(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}
