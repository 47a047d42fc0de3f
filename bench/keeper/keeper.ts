// `npm run -s bench:keeper`: the keeper at fleet size on this machine, real Pulumi CLI (Automation API)
// against an in-process emulator. For a stack of N published meetings (default 50, 2 attendees each):
//   - a quiet round (nothing ended), before and after side by side, interleaved: `--check refresh` (a
//     targeted `pulumi refresh` of every meeting, the keeper before the probe) and the probe (one
//     GetMeeting per meeting at 10/s), with API calls counted from the emulator's request log;
//   - the same probe at 50/s, what a raised quota would allow;
//   - a round in which 5 meetings ended (probe, refresh of those 5, targeted up);
//   - recovery time: the keeper loop running, a meeting ended by the emulator at a random moment, until the
//     new MeetingId is in its published address (SSM), over repeated trials at the default interval and a short one.
// Ends with one line: RESULT keeper {...}. Sizes: KEEPER_BENCH_MEETINGS, KEEPER_BENCH_REPS, KEEPER_BENCH_TRIALS,
// KEEPER_BENCH_SHORT_TRIALS, KEEPER_BENCH_INTERVAL_S (default 60), KEEPER_BENCH_SHORT_INTERVAL_S (default 10).
import * as fs from "node:fs";
import * as os from "node:os";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { EmulatorAdminClient, startEmulator } from "../../emulator";
import { meetingReader } from "../../keeper/get-meeting";
import { runKeeper } from "../../keeper/loop";
import { probeMeetings } from "../../keeper/probe";
import { runRound, type Prober, type RoundReport } from "../../keeper/round";
import { stackOps } from "../../keeper/stack-ops";
import { newLocalStack, newWorkDir, writeProgramProject } from "../../tests/support/pulumi";
import { emulatorEnv } from "../../tests/keeper/support";
import { distribution, median, type Distribution } from "./stats";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const COUNT = num("KEEPER_BENCH_MEETINGS", 50);
const REPS = num("KEEPER_BENCH_REPS", 3);
const TRIALS = num("KEEPER_BENCH_TRIALS", 5);
const SHORT_TRIALS = num("KEEPER_BENCH_SHORT_TRIALS", 8);
const INTERVAL_S = num("KEEPER_BENCH_INTERVAL_S", 60);
const SHORT_INTERVAL_S = num("KEEPER_BENCH_SHORT_INTERVAL_S", 10);
const NOW = "2026-12-02T12:00:00Z";
const RETRY = { attempts: 1, baseDelayMs: 1000, maxDelayMs: 1000 };

const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => Number((ms / 1000).toFixed(2));

interface Measured {
  seconds: number;
  calls: Record<string, number>;
  total: number;
  steps: string;
}

async function main(): Promise<void> {
  for (const [k, v] of Object.entries({
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  }))
    process.env[k] = v;
  // No idle or 24-hour expiry during the bench: only the bench ends meetings.
  const emulator = await startEmulator({ port: 0, lifecycle: false });
  const admin = new EmulatorAdminClient(emulator.url);
  const ssm = new SSMClient({ region: "us-east-1", endpoint: emulator.url });
  const reader = meetingReader({ endpoint: emulator.url });
  const workDir = newWorkDir("keeper-bench");
  try {
    say(
      `machine: ${os.cpus().length} cores, load ${fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}, node ${process.version}`,
    );
    writeProgramProject(workDir);
    const stack = await newLocalStack({ workDir, stackName: "bench", env: emulatorEnv(emulator.url, NOW) });
    const meetings = Object.fromEntries(
      Array.from({ length: COUNT }, (_, i) => [
        `room-${String(i).padStart(2, "0")}`,
        {
          mediaRegion: "us-east-1",
          publish: true,
          tags: { team: "bench" },
          attendees: [{ externalUserId: `host-${i}` }, { externalUserId: `guest-${i}` }],
        },
      ]),
    );
    await stack.setConfig("chime-meetings:region", { value: "us-east-1" });
    await stack.setConfig("chime-meetings:meetings", { value: JSON.stringify(meetings) });
    const t = Date.now();
    await stack.up();
    say(`initial up of ${COUNT} meetings and ${COUNT} addresses: ${seconds(Date.now() - t)}s`);
    const ops = await stackOps(stack);
    const prober: Prober = (m) => probeMeetings(m, { getMeeting: reader.getMeeting, requestsPerSecond: 10 });

    const measure = async (p: Prober | undefined): Promise<Measured & { report: RoundReport }> => {
      await admin.clearRequests();
      const t0 = Date.now();
      const report = await runRound({ ops, now: new Date(NOW), log: () => {}, retry: RETRY, prober: p });
      const ms = Date.now() - t0;
      const calls: Record<string, number> = {};
      for (const r of await admin.requests()) calls[r.operation] = (calls[r.operation] ?? 0) + 1;
      const steps = report.steps.map((name, i) => `${name} ${(report.stepMs[i] / 1000).toFixed(1)}s`).join(", ");
      return { seconds: seconds(ms), calls, total: Object.values(calls).reduce((a, b) => a + b, 0), steps, report };
    };

    const before: Measured[] = [];
    const after: Measured[] = [];
    for (let rep = 1; rep <= REPS; rep++) {
      before.push(await measure(undefined));
      after.push(await measure(prober));
      say(
        `quiet round, rep ${rep}: before (--check refresh) ${before.at(-1)!.seconds}s, ${before.at(-1)!.total} calls [${before.at(-1)!.steps}] | after (probe) ${after.at(-1)!.seconds}s, ${after.at(-1)!.total} calls [${after.at(-1)!.steps}]`,
      );
    }
    say(`  calls before: ${JSON.stringify(before[0].calls)}; after: ${JSON.stringify(after[0].calls)}`);
    // The quota is adjustable: the same quiet round if the account's GetMeeting rate were raised to 50/s.
    const raised = await measure((m) => probeMeetings(m, { getMeeting: reader.getMeeting, requestsPerSecond: 50 }));
    say(`quiet round, probe at 50 GetMeeting/s (a raised quota): ${raised.seconds}s, ${raised.total} calls [${raised.steps}]`);

    for (const m of (await admin.listMeetings()).slice(0, 5)) await admin.expireMeeting(m.meetingId);
    const ended = await measure(prober);
    say(
      `round with 5 ended (probe, then up --refresh targeted at them): ${ended.seconds}s, ${ended.total} calls ${JSON.stringify(ended.calls)} [${ended.steps}]`,
    );

    // A meeting ends at a moment uniformly spread over the keeper's cycle (a pause, then a quiet round of
    // `quietS`), never while the previous trial's round is still running.
    const quietS = median(after.map((m) => m.seconds));
    const recovery = async (intervalS: number, trials: number): Promise<Distribution> => {
      const samples: number[] = [];
      const controller = new AbortController();
      let roundsDone = 0;
      const log = (line: string) => {
        if (/^round \d+: /.test(line)) roundsDone++;
      };
      const loop = runKeeper(ops, {
        once: false,
        intervalMs: intervalS * 1000,
        maxFailedRounds: 1000,
        now: () => new Date(NOW),
        log,
        signal: controller.signal,
        retry: { attempts: 3, baseDelayMs: 1000, maxDelayMs: 4000 },
        prober,
      });
      const roundEnded = async (after: number) => {
        while (roundsDone <= after) await new Promise((r) => setTimeout(r, 50));
      };
      try {
        await roundEnded(0);
        for (let i = 0; i < trials; i++) {
          await new Promise((r) => setTimeout(r, Math.random() * (intervalS + quietS) * 1000));
          const names = Object.keys(meetings);
          const name = names[Math.floor(Math.random() * names.length)];
          const read = async () =>
            (
              JSON.parse((await ssm.send(new GetParameterCommand({ Name: `/chime-meetings/bench/${name}` }))).Parameter!.Value!) as {
                MeetingId: string;
              }
            ).MeetingId;
          const old = await read();
          const t0 = Date.now();
          await admin.expireMeeting(old);
          while ((await read()) === old) await new Promise((r) => setTimeout(r, 100));
          samples.push((Date.now() - t0) / 1000);
          say(`  recovery at --interval ${intervalS}s, trial ${i + 1}: ${samples.at(-1)!.toFixed(1)}s (${name})`);
          await roundEnded(roundsDone);
        }
      } finally {
        controller.abort();
        await loop;
      }
      return distribution(samples);
    };
    const short = await recovery(SHORT_INTERVAL_S, SHORT_TRIALS);
    const long = await recovery(INTERVAL_S, TRIALS);
    for (const [label, d] of [
      [`--interval ${SHORT_INTERVAL_S}s`, short],
      [`--interval ${INTERVAL_S}s (default)`, long],
    ] as const) {
      say(`recovery ${label}: n=${d.n} min ${d.min}s p50 ${d.p50}s p90 ${d.p90}s max ${d.max}s`);
    }
    const result = {
      meetings: COUNT,
      quietRoundCalls: median(after.map((m) => m.total)),
      quietRoundSeconds: median(after.map((m) => m.seconds)),
      refreshRoundSeconds: median(before.map((m) => m.seconds)),
      recoverySecondsP50: long.p50,
      recoverySecondsMax: long.max,
    };
    say(`RESULT keeper ${JSON.stringify(result)}`);
  } finally {
    reader.close();
    ssm.destroy();
    await emulator.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
