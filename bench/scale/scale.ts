/**
 * Provider scale and cost through the real Pulumi CLI (file backend, offline) against the emulator in its own
 * process on 127.0.0.1: `pulumi up` / no-op `up` / `refresh` / `destroy` of N meetings with the Meeting provider
 * side by side with the same engine and an echo-only dynamic provider (the floor), alternating, REPS rounds,
 * medians. Also API calls per operation against the API's minimum, peak RSS of the provider process, and state
 * size per meeting; then `up` of N meetings under the emulator's `--rate-limit 10` with the provider's default pacing
 * (rate-limited.ts). Bounded by SCALE_COUNT (default 200) and SCALE_REPS (default 2).
 */
import * as fs from "node:fs";
import { loadavg, cpus } from "node:os";
import type { Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient } from "../../emulator";
import { newLocalStack, newWorkDir, repoRoot } from "../../tests/support/pulumi";
import { bundleEmulatorCli, spawnEmulator } from "../lib/process";
import { callsPerCreate, countByOperation, minimumCreateCalls, writes } from "./calls";
import { pluginScale } from "./plugin";
import { writeProgram, type Side } from "./programs";
import { rateLimitedUp } from "./rate-limited";
import { PeakRssSampler } from "./rss";
import { fmt, median } from "./stats";
import { stateFigures, type StateFigures } from "./state";

const COUNT = Number(process.env.SCALE_COUNT ?? 200);
const REPS = Number(process.env.SCALE_REPS ?? 2);
const ATTENDEES_PER_MEETING = 2;
/** Attendee counts around every batch boundary of the create path (20, then 100 per BatchCreateAttendee). */
const CREATE_SIZES = [0, 1, 20, 21, 120, 121, 221, 250];
const OPERATIONS = ["up", "no-op up", "refresh", "destroy"] as const;
type Operation = (typeof OPERATIONS)[number];

interface Sample { seconds: number; calls: Record<string, number>; writes: number; peakRss: Record<string, number> }

async function newStack(side: Side, env: Record<string, string>, name: string = side): Promise<Stack> {
  const workDir = newWorkDir(`scale-${name}`);
  writeProgram(side, workDir, repoRoot);
  return newLocalStack({ workDir, stackName: "scale", env });
}

/** `paced`: the provider's own pacing at its default; otherwise off, as the emulator here has no rate limit. */
async function configure(stack: Stack, count: number, attendeeCounts: number[], paced = false): Promise<void> {
  await stack.setConfig("scale:count", { value: String(count) });
  await stack.setConfig("scale:attendeeCounts", { value: JSON.stringify(attendeeCounts) });
  await stack.setConfig("chime-meetings:region", { value: "us-east-1" });
  if (!paced) await stack.setConfig("chime-meetings:requestsPerSecond", { value: "0" });
}

async function run(stack: Stack, op: Operation, admin: EmulatorAdminClient, parallel?: number): Promise<Sample> {
  await admin.clearRequests();
  const sampler = new PeakRssSampler();
  sampler.start();
  const t0 = process.hrtime.bigint();
  if (op === "up" || op === "no-op up") {
    const res = await stack.up({ parallel });
    if (res.summary.result !== "succeeded") throw new Error(`${op} ${res.summary.result}`);
  } else if (op === "refresh") await stack.refresh({ parallel });
  else await stack.destroy({ parallel });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const peakRss = sampler.stop();
  const requests = await admin.requests();
  return { seconds, calls: countByOperation(requests), writes: writes(requests).length, peakRss };
}

async function createCallsTable(env: Record<string, string>, admin: EmulatorAdminClient): Promise<string[]> {
  const stack = await newStack("meeting", env, "create-calls");
  await configure(stack, CREATE_SIZES.length, CREATE_SIZES);
  const up = await run(stack, "up", admin);
  const perCreate = callsPerCreate(await admin.requests(), await admin.listMeetings());
  const refresh = await run(stack, "refresh", admin);
  await run(stack, "destroy", admin);
  fs.rmSync(stack.workspace.workDir, { recursive: true, force: true });
  const lines = ["| attendees k | calls made | API minimum | operations |", "|---|---|---|---|"];
  CREATE_SIZES.forEach((k) => {
    const calls = perCreate.get(k) ?? [];
    lines.push(`| ${k} | ${calls.length} | ${minimumCreateCalls(k)} | ${summarize(calls)} |`);
  });
  lines.push("", `refresh of these ${CREATE_SIZES.length} meetings (${CREATE_SIZES.reduce((a, b) => a + b, 0)} attendees): ${JSON.stringify(refresh.calls)}; total up ${up.seconds.toFixed(1)} s`);
  return lines;
}

function summarize(ops: string[]): string {
  const counts = countByOperation(ops.map((operation) => ({ operation, method: "", path: "", status: 0, time: "" })));
  return Object.entries(counts).map(([op, n]) => `${n}× ${op}`).join(", ");
}

async function main(): Promise<void> {
  const cliJs = bundleEmulatorCli();
  const emulator = await spawnEmulator(cliJs, ["--port", "0", "--no-lifecycle"]);
  const admin = new EmulatorAdminClient(emulator.url);
  const env = {
    AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS: emulator.url, AWS_EC2_METADATA_DISABLED: "true",
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
  };
  const workDirs: string[] = [];
  try {
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}; N = ${COUNT} resources x ${ATTENDEES_PER_MEETING} attendees, ${REPS} rounds`);
    const stacks: Record<Side, Stack> = { meeting: await newStack("meeting", env), noop: await newStack("noop", env) };
    for (const s of Object.values(stacks)) {
      workDirs.push(s.workspace.workDir);
      await configure(s, COUNT, [ATTENDEES_PER_MEETING]);
    }
    const samples: Record<Side, Record<Operation, Sample[]>> = {
      meeting: { up: [], "no-op up": [], refresh: [], destroy: [] }, noop: { up: [], "no-op up": [], refresh: [], destroy: [] },
    };
    const state: Partial<Record<Side, StateFigures>> = {};
    for (let rep = 0; rep < REPS; rep += 1) {
      const order: Side[] = rep % 2 === 0 ? ["meeting", "noop"] : ["noop", "meeting"];
      for (const op of OPERATIONS) {
        for (const side of order) {
          const sample = await run(stacks[side], op, admin);
          samples[side][op].push(sample);
          console.log(`  round ${rep + 1} ${side} ${op}: ${fmt(sample.seconds)} s, calls ${JSON.stringify(sample.calls)}, peak RSS ${JSON.stringify(sample.peakRss)} (load ${loadavg()[0]!.toFixed(2)})`);
          if (op === "up" && rep === 0) state[side] = await stateFigures(stacks[side], COUNT);
        }
      }
    }
    console.log("\nCreate calls per meeting (one up, one meeting per attendee count)");
    for (const line of await createCallsTable(env, admin)) console.log(line);
    const limited = await rateLimitedUp(cliJs, env, COUNT, median(samples.noop.up.map((s) => s.seconds)), async (limitedEnv) => {
      const stack = await newStack("meeting", limitedEnv, "rate-limited");
      await configure(stack, COUNT, [ATTENDEES_PER_MEETING], true);
      return stack;
    });
    report(samples, state);
    console.log(`RESULT scale-rate-limited ${JSON.stringify(limited)}`);
    // SCALE_PLUGIN=1: also the provider plugin beside the dynamic Meeting and the floor (plugin.ts).
    if (process.env.SCALE_PLUGIN === "1") await pluginScale(emulator.url, COUNT, REPS);
  } finally {
    await emulator.stop();
    for (const dir of workDirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function report(samples: Record<Side, Record<Operation, Sample[]>>, state: Partial<Record<Side, StateFigures>>): void {
  const med = (side: Side, op: Operation) => median(samples[side][op].map((s) => s.seconds));
  console.log(`\n| operation (N = ${COUNT}) | Meeting provider, s | echo provider (floor), s | ratio | Meeting per resource, ms | API calls (Meeting) | writes |`);
  console.log("|---|---|---|---|---|---|---|");
  const result: Record<string, unknown> = {};
  for (const op of OPERATIONS) {
    const ours = med("meeting", op);
    const floor = med("noop", op);
    const last = samples.meeting[op].at(-1)!;
    console.log(`| ${op} | ${fmt(ours)} (${samples.meeting[op].map((s) => fmt(s.seconds)).join(", ")}) | ${fmt(floor)} (${samples.noop[op].map((s) => fmt(s.seconds)).join(", ")}) | ${fmt(ours / floor, 2)} | ${fmt((ours * 1000) / COUNT)} | ${JSON.stringify(last.calls)} | ${last.writes} |`);
    result[op] = { meetingSeconds: ours, floorSeconds: floor, ratio: ours / floor, calls: last.calls, writes: last.writes };
  }
  const rss = (side: Side) => Math.max(...Object.values(samples[side]).flat().map((s) => s.peakRss["provider (node)"] ?? 0));
  console.log(`\npeak RSS of the dynamic-provider node process: Meeting ${fmt(rss("meeting"))} MiB, echo ${fmt(rss("noop"))} MiB`);
  const all = (side: Side) => Object.values(samples[side]).flat().map((s) => s.peakRss);
  console.log(`peak RSS of every process in the run (max over runs, MiB): Meeting ${JSON.stringify(maxPerRole(all("meeting")))}, echo ${JSON.stringify(maxPerRole(all("noop")))}`);
  for (const side of ["meeting", "noop"] as const) {
    const s = state[side];
    if (s) console.log(`state (${side}): ${fmt(s.totalBytes / 1024)} KiB for ${COUNT} resources = ${fmt(s.bytesPerResource / 1024)} KiB per resource; __provider ${s.providerBytes} bytes, stored ${s.providerCopies}x per resource`);
  }
  console.log(`RESULT scale ${JSON.stringify({ count: COUNT, reps: REPS, ...result, rssMiB: { meeting: rss("meeting"), noop: rss("noop") }, state })}`);
}

function maxPerRole(runs: Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of runs) for (const [role, mib] of Object.entries(r)) out[role] = Math.round(Math.max(out[role] ?? 0, mib));
  return out;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
