/**
 * Provider scale and cost through the real Pulumi CLI (file backend, offline) against the emulator in its own
 * process on 127.0.0.1: `pulumi up` / no-op `up` / `refresh` / `destroy` of N meetings with the Meeting provider
 * side by side with the same engine and an echo-only dynamic provider (the floor), alternating, REPS rounds,
 * medians. Also API calls per operation against the API's minimum, peak RSS of the provider process, and state
 * size per meeting; then `up` of N meetings under the emulator's `--rate-limit 10` with the provider's default pacing
 * (rate-limited.ts). Bounded by SCALE_COUNT (default 200) and SCALE_REPS (default 2).
 * The Meeting side loads the compiled package, as a user's project does (package.ts); SCALE_MEETING_FROM=source
 * loads this tree's TypeScript sources instead. SCALE_BEFORE_ROOT=<a checkout of an earlier commit, e.g. a git
 * worktree with node_modules linked> builds that checkout as a package too, and SCALE_BEFORE_DIR=<a components/meeting
 * folder of sources> loads those sources; either adds a
 * third side in every round, "before", for before/after figures under the same load.
 */
import * as fs from "node:fs";
import { loadavg, cpus } from "node:os";
import type { Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient } from "../../emulator";
import { newLocalStack, newWorkDir, repoRoot, transpiledProgramEnv } from "../../tests/support/pulumi";
import { bundleEmulatorCli, spawnEmulator } from "../lib/process";
import { callsPerCreate, countByOperation, minimumCreateCalls, writes } from "./calls";
import { pluginScale } from "./plugin";
import { buildPackage } from "./package";
import { configureScaleStack, writeProgram, type MeetingFrom, type Side } from "./programs";
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

interface Sample {
  seconds: number;
  calls: Record<string, number>;
  writes: number;
  peakRss: Record<string, number>;
  /** CPU seconds per process role of the run (the emulator's is counted separately, by the caller). */
  cpu: Record<string, number>;
}

const BEFORE_DIR = process.env.SCALE_BEFORE_DIR;
const BEFORE_ROOT = process.env.SCALE_BEFORE_ROOT;
const HAS_BEFORE = BEFORE_DIR !== undefined || BEFORE_ROOT !== undefined;
let beforeFrom: MeetingFrom | undefined;
// SCALE_MEETING_DIR (another copy of components/meeting, programs.ts) names sources, so it implies them.
const FROM_SOURCE = process.env.SCALE_MEETING_FROM === "source" || process.env.SCALE_MEETING_DIR !== undefined;
let meetingFrom: MeetingFrom | undefined;

async function newStack(side: Side, env: Record<string, string>, name: string = side): Promise<Stack> {
  const workDir = newWorkDir(`scale-${name}`);
  writeProgram(side, workDir, repoRoot, side === "before" ? beforeFrom : meetingFrom);
  return newLocalStack({ workDir, stackName: "scale", env });
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
  return { seconds, calls: countByOperation(requests), writes: writes(requests).length, peakRss, cpu: sampler.cpuByRole() };
}

async function createCallsTable(env: Record<string, string>, admin: EmulatorAdminClient): Promise<string[]> {
  const stack = await newStack("meeting", env, "create-calls");
  await configureScaleStack(stack, CREATE_SIZES.length, CREATE_SIZES);
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
  lines.push(
    "",
    `refresh of these ${CREATE_SIZES.length} meetings (${CREATE_SIZES.reduce((a, b) => a + b, 0)} attendees): ${JSON.stringify(refresh.calls)}; total up ${up.seconds.toFixed(1)} s`,
  );
  return lines;
}

function summarize(ops: string[]): string {
  const counts = countByOperation(ops.map((operation) => ({ operation, method: "", path: "", status: 0, time: "" })));
  return Object.entries(counts)
    .map(([op, n]) => `${n}× ${op}`)
    .join(", ");
}

async function main(): Promise<void> {
  const cliJs = bundleEmulatorCli();
  const packageDir = `${repoRoot}/.test-work/scale-package-${process.pid}`;
  if (!FROM_SOURCE) meetingFrom = { packageDir: buildPackage(repoRoot, packageDir) };
  const beforePackageDir = `${repoRoot}/.test-work/scale-before-package-${process.pid}`;
  if (BEFORE_ROOT) beforeFrom = { packageDir: buildPackage(BEFORE_ROOT, beforePackageDir) };
  else if (BEFORE_DIR) beforeFrom = { sourceDir: BEFORE_DIR };
  const emulator = await spawnEmulator(cliJs, ["--port", "0", "--no-lifecycle"]);
  const admin = new EmulatorAdminClient(emulator.url);
  const env = transpiledProgramEnv({ url: emulator.url, accessKeyId: "test", secretAccessKey: "test" });
  const workDirs: string[] = [];
  try {
    console.log(
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(
          " ",
        )}; N = ${COUNT} resources x ${ATTENDEES_PER_MEETING} attendees, ${REPS} rounds; Meeting from ${FROM_SOURCE ? "TypeScript sources" : "the compiled package"}${HAS_BEFORE ? `, before from ${BEFORE_ROOT ? `the package built from ${BEFORE_ROOT}` : BEFORE_DIR}` : ""}`,
    );
    const sides: Side[] = HAS_BEFORE ? ["meeting", "noop", "before"] : ["meeting", "noop"];
    const stacks = {} as Record<Side, Stack>;
    for (const side of sides) stacks[side] = await newStack(side, env);
    for (const s of Object.values(stacks)) {
      workDirs.push(s.workspace.workDir);
      await configureScaleStack(s, COUNT, [ATTENDEES_PER_MEETING]);
    }
    const samples = {} as Record<Side, Record<Operation, Sample[]>>;
    for (const side of sides) samples[side] = { up: [], "no-op up": [], refresh: [], destroy: [] };
    const state: Partial<Record<Side, StateFigures>> = {};
    for (let rep = 0; rep < REPS; rep += 1) {
      // Each side goes first in turn, so that none always runs on a machine the others just warmed or loaded.
      const order = sides.map((_, i) => sides[(i + rep) % sides.length]);
      for (const op of OPERATIONS) {
        for (const side of order) {
          const sample = await run(stacks[side], op, admin);
          samples[side][op].push(sample);
          console.log(
            `  round ${rep + 1} ${side} ${op}: ${fmt(sample.seconds)} s, calls ${JSON.stringify(sample.calls)}, peak RSS ${JSON.stringify(sample.peakRss)}, CPU s ${JSON.stringify(sample.cpu, (_, v: unknown) => (typeof v === "number" ? Number(v.toFixed(2)) : v))} (load ${loadavg()[0].toFixed(2)})`,
          );
          if (op === "up" && rep === 0) state[side] = await stateFigures(stacks[side], COUNT);
        }
      }
    }
    console.log("\nCreate calls per meeting (one up, one meeting per attendee count)");
    for (const line of await createCallsTable(env, admin)) console.log(line);
    const limited = await rateLimitedUp(cliJs, env, COUNT, median(samples.noop.up.map((s) => s.seconds)), async (limitedEnv) => {
      const stack = await newStack("meeting", limitedEnv, "rate-limited");
      await configureScaleStack(stack, COUNT, [ATTENDEES_PER_MEETING], true);
      return stack;
    });
    report(sides, samples, state);
    console.log(`RESULT scale-rate-limited ${JSON.stringify(limited)}`);
    // SCALE_PLUGIN=1: also the provider plugin beside the dynamic Meeting and the floor (plugin.ts).
    if (process.env.SCALE_PLUGIN === "1") await pluginScale(emulator.url, COUNT, REPS);
  } finally {
    await emulator.stop();
    for (const dir of [...workDirs, packageDir, beforePackageDir]) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Per-round ratios of `side` to the floor (both ran in the same round, under the same load), and their median. */
function roundRatios(samples: Record<Side, Record<Operation, Sample[]>>, side: Side, op: Operation): { rounds: number[]; median: number } {
  const rounds = samples[side][op].map((s, i) => s.seconds / samples.noop[op][i].seconds);
  return { rounds, median: median(rounds) };
}

function report(sides: Side[], samples: Record<Side, Record<Operation, Sample[]>>, state: Partial<Record<Side, StateFigures>>): void {
  const med = (side: Side, op: Operation) => median(samples[side][op].map((s) => s.seconds));
  const list = (side: Side, op: Operation) => samples[side][op].map((s) => fmt(s.seconds)).join(", ");
  const hasBefore = sides.includes("before");
  console.log(
    `\n| operation (N = ${COUNT}) | Meeting provider, s | echo provider (floor), s | ratio of medians | per-round ratios → median |${hasBefore ? " before, s | before: per-round ratios → median |" : ""} Meeting per resource, ms | API calls (Meeting) | writes |`,
  );
  console.log(`|---|---|---|---|---|${hasBefore ? "---|---|" : ""}---|---|---|`);
  const result: Record<string, unknown> = {};
  for (const op of OPERATIONS) {
    const ours = med("meeting", op);
    const floor = med("noop", op);
    const paired = roundRatios(samples, "meeting", op);
    const before = hasBefore ? roundRatios(samples, "before", op) : undefined;
    const last = samples.meeting[op].at(-1)!;
    const beforeCells = before
      ? ` ${fmt(med("before", op))} (${list("before", op)}) | ${before.rounds.map((r) => fmt(r, 2)).join(", ")} → ${fmt(before.median, 2)} |`
      : "";
    console.log(
      `| ${op} | ${fmt(ours)} (${list("meeting", op)}) | ${fmt(floor)} (${list("noop", op)}) | ${fmt(ours / floor, 2)} | ${paired.rounds.map((r) => fmt(r, 2)).join(", ")} → ${fmt(paired.median, 2)} |${beforeCells} ${fmt((ours * 1000) / COUNT)} | ${JSON.stringify(last.calls)} | ${last.writes} |`,
    );
    result[op] = {
      meetingSeconds: ours,
      floorSeconds: floor,
      ratio: ours / floor,
      roundRatios: paired.rounds,
      medianRoundRatio: paired.median,
      ...(before ? { beforeSeconds: med("before", op), beforeRoundRatios: before.rounds, beforeMedianRoundRatio: before.median } : {}),
      calls: last.calls,
      writes: last.writes,
    };
  }
  const rss = (side: Side) =>
    Math.max(
      ...Object.values(samples[side])
        .flat()
        .map((s) => s.peakRss["provider (node)"] ?? 0),
    );
  const rssMiB = Object.fromEntries(sides.map((side) => [side, rss(side)]));
  console.log(`\npeak RSS of the dynamic-provider node process (MiB): ${JSON.stringify(rssMiB)}`);
  const all = (side: Side) =>
    Object.values(samples[side])
      .flat()
      .map((s) => s.peakRss);
  console.log(
    `peak RSS of every process in the run (max over runs, MiB): ${sides.map((side) => `${side} ${JSON.stringify(maxPerRole(all(side)))}`).join(", ")}`,
  );
  for (const side of sides) {
    const s = state[side];
    if (s)
      console.log(
        `state (${side}): ${fmt(s.totalBytes / 1024)} KiB for ${COUNT} resources = ${fmt(s.bytesPerResource / 1024)} KiB per resource; __provider ${s.providerBytes} bytes, stored ${s.providerCopies}x per resource`,
      );
  }
  console.log(
    `RESULT scale ${JSON.stringify({ count: COUNT, reps: REPS, meetingFrom: FROM_SOURCE ? "source" : "package", load: loadavg(), ...result, rssMiB, state })}`,
  );
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
