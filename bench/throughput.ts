/**
 * Server throughput: wrk replays pre-signed requests against the emulator and against a bare Node HTTP server in the
 * same run. Loopback only; every process started here is stopped before the script ends.
 */
import { ChimeSDKMeetingsClient, CreateMeetingCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { bundleEmulatorCli, spawnEmulator } from "./lib/process";
import { spawnBareServer } from "./lib/bare-server";
import { send } from "./lib/http";
import { presign, type PresignedRequest } from "./lib/sign";
import { runWrk, writeReplayScript, type LoadOptions, type LoadResult } from "./lib/wrk";

const LOAD: LoadOptions = { threads: 1, connections: 32, seconds: Number(process.env.BENCH_SECONDS ?? 10) };
const WARMUP: LoadOptions = { ...LOAD, seconds: 3 };
export const THROUGHPUT_GOAL = 0.5;

async function replay(url: string, name: string, req: PresignedRequest): Promise<LoadResult> {
  const script = writeReplayScript(name, req);
  await runWrk(url, script, WARMUP);
  const result = await runWrk(url, script, LOAD);
  if (result.non2xx > 0 || result.socketErrors > 0) {
    throw new Error(`${name}: ${result.non2xx} non-2xx responses and ${result.socketErrors} socket errors; the run is not valid`);
  }
  return result;
}

async function main(): Promise<void> {
  const emulator = await spawnEmulator(bundleEmulatorCli(), ["--port", "0", "--no-lifecycle"]);
  let bare: Awaited<ReturnType<typeof spawnBareServer>> | undefined;
  try {
    const client = new ChimeSDKMeetingsClient({ endpoint: emulator.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const createBody = JSON.stringify({ ClientRequestToken: "bench-replay-token-1", MediaRegion: "us-east-1", ExternalMeetingId: "bench-replay" });
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
    const results = {
      bare: await replay(bare.url, "bare", getMeeting),
      getMeeting: await replay(emulator.url, "get-meeting", getMeeting),
      createMeetingReplay: await replay(emulator.url, "create-meeting", createMeeting),
    };
    const ratio = results.getMeeting.requestsPerSecond / results.bare.requestsPerSecond;
    const row = (label: string, r: LoadResult) =>
      `  ${label.padEnd(44)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${r.p50Ms.toFixed(2)} ms   p99 ${r.p99Ms.toFixed(2)} ms`;
    console.log(`HTTP throughput (wrk, ${LOAD.threads} thread, ${LOAD.connections} connections, ${LOAD.seconds} s per run after a ${WARMUP.seconds} s warm-up, loopback)`);
    console.log(row("bare Node HTTP server, fixed JSON body", results.bare));
    console.log(row("emulator GetMeeting (SigV4-signed)", results.getMeeting));
    console.log(row("emulator CreateMeeting replay (same token)", results.createMeetingReplay));
    console.log(`  GetMeeting / bare ratio: ${ratio.toFixed(2)} (goal >= ${THROUGHPUT_GOAL}) ${ratio >= THROUGHPUT_GOAL ? "MET" : "MISSED"}`);
    console.log(`RESULT throughput ${JSON.stringify({ ...results, ratio })}`);
  } finally {
    await bare?.stop();
    await emulator.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
