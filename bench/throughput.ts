/**
 * Server throughput: wrk replays pre-signed requests against the emulator and against a bare Node HTTP server in the
 * same run. Loopback only; every process started here is stopped before the script ends.
 */
import { ChimeSDKMeetingsClient, CreateMeetingCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import { bundleEmulatorCli, cpuSeconds, spawnEmulator } from "./lib/process";
import { spawnBareServer } from "./lib/bare-server";
import { send } from "./lib/http";
import { presign } from "./lib/sign";
import { runWrk, writeReplayScript, type LoadOptions, type LoadResult } from "./lib/wrk";

const LOAD: LoadOptions = { threads: 1, connections: 32, seconds: Number(process.env.BENCH_SECONDS ?? 10) };
const WARMUP: LoadOptions = { ...LOAD, seconds: 3 };
export const THROUGHPUT_GOAL = 0.5;

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

type Measured = LoadResult & { serverCpuMicrosPerRequest: number };

/**
 * One measured wrk run of a replayed request (a warm-up run first when asked), with the server's CPU time per
 * request (all threads), a cost figure that moves less than req/s when other processes share the machine.
 */
async function replay(url: string, pid: number, script: string, warmUp: boolean): Promise<Measured> {
  if (warmUp) await runWrk(url, script, WARMUP);
  const cpuBefore = cpuSeconds(pid);
  const load = await runWrk(url, script, LOAD);
  const result = { ...load, serverCpuMicrosPerRequest: ((cpuSeconds(pid) - cpuBefore) * 1e6) / load.requests };
  if (result.non2xx > 0 || result.socketErrors > 0) {
    throw new Error(`${script}: ${result.non2xx} non-2xx responses and ${result.socketErrors} socket errors; the run is not valid`);
  }
  return result;
}

/** The run with the median request rate of one target. */
function median(runs: Measured[]): Measured {
  return [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(runs.length / 2)];
}

async function main(): Promise<void> {
  const emulator = await spawnEmulator(bundleEmulatorCli(), ["--port", "0", "--no-lifecycle"]);
  let bare: Awaited<ReturnType<typeof spawnBareServer>> | undefined;
  const scripts: string[] = [];
  try {
    const client = new ChimeSDKMeetingsClient({
      endpoint: emulator.url,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    const createBody = JSON.stringify({
      ClientRequestToken: "bench-replay-token-1",
      MediaRegion: "us-east-1",
      ExternalMeetingId: "bench-replay",
    });
    const created = await client.send(new CreateMeetingCommand(JSON.parse(createBody)));
    client.destroy();
    const meetingId = created.Meeting?.MeetingId as string;

    // Signed right before the runs: SigV4 replays are only valid for 15 minutes.
    const getMeeting = await presign(emulator.url, "GET", `/meetings/${meetingId}`, {}, "");
    const createMeeting = await presign(emulator.url, "POST", "/meetings", {}, createBody);
    const sample = await send(emulator.url, getMeeting);
    const getBody = sample.body;
    if (sample.status !== 200) throw new Error(`pre-signed GetMeeting answered ${sample.status}: ${getBody}`);

    bare = await spawnBareServer(getBody);
    const targets = [
      { name: "bare", url: bare.url, pid: bare.pid, script: writeReplayScript("bare", getMeeting) },
      { name: "getMeeting", url: emulator.url, pid: emulator.pid, script: writeReplayScript("get-meeting", getMeeting) },
      { name: "createMeetingReplay", url: emulator.url, pid: emulator.pid, script: writeReplayScript("create-meeting", createMeeting) },
    ];
    scripts.push(...targets.map((t) => t.script));
    const runs: Record<string, Measured[]> = { bare: [], getMeeting: [], createMeetingReplay: [] };
    const loadBefore = loadAverage();
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const t of targets) runs[t.name].push(await replay(t.url, t.pid, t.script, round === 0));
    }
    const results = { bare: median(runs.bare), getMeeting: median(runs.getMeeting), createMeetingReplay: median(runs.createMeetingReplay) };
    // Each round measures bare and emulator back to back, so the paired ratios share the machine's conditions.
    const roundRatios = runs.getMeeting.map((r, i) => r.requestsPerSecond / runs.bare[i].requestsPerSecond);
    const ratio = [...roundRatios].sort((a, b) => a - b)[Math.floor(roundRatios.length / 2)];
    const row = (label: string, r: Measured) =>
      `  ${label.padEnd(44)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${r.p50Ms.toFixed(2)} ms   p99 ${r.p99Ms.toFixed(2)} ms   server CPU ${r.serverCpuMicrosPerRequest.toFixed(1)} µs/req`;
    console.log(
      `HTTP throughput (wrk, ${LOAD.threads} thread, ${LOAD.connections} connections, median of ${ROUNDS} interleaved ${LOAD.seconds} s runs after a ${WARMUP.seconds} s warm-up, loopback; load average ${loadBefore} before, ${loadAverage()} after)`,
    );
    console.log(row("bare Node HTTP server, fixed JSON body", results.bare));
    console.log(row("emulator GetMeeting (SigV4-signed)", results.getMeeting));
    console.log(row("emulator CreateMeeting replay (same token)", results.createMeetingReplay));
    console.log(
      `  GetMeeting / bare ratio, median of the per-round ratios: ${ratio.toFixed(2)} (goal >= ${THROUGHPUT_GOAL}) ${ratio >= THROUGHPUT_GOAL ? "MET" : "MISSED"}`,
    );
    console.log("  (server CPU = user + system time of all the server's threads, GC helpers included, per request)");
    console.log(`  per-round GetMeeting / bare: ${roundRatios.map((r) => r.toFixed(2)).join(", ")}`);
    console.log(`RESULT throughput ${JSON.stringify({ ...results, ratio, runs })}`);
  } finally {
    for (const file of scripts) rmSync(file, { force: true });
    await bare?.stop();
    await emulator.stop();
  }
}

function loadAverage(): string {
  return loadavg()[0].toFixed(2);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
