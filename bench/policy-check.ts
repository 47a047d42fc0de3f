// Cost of the offline policy check on a generated stack of 1,000 meetings: the program run under mocks alone
// (what the check costs without policies) vs the evaluation of every rule over the recorded resources.
//   node -r ts-node/register/transpile-only bench/policy-check.ts [meetings=1000] [evaluationRuns=5]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Meeting } from "../components/meeting";
import { collectResources } from "../policies/offline/collect";
import { evaluatePolicies } from "../policies/offline/evaluate";
import { allPolicies } from "../policies/rules/catalog";

const MEETINGS = Number(process.argv[2] ?? 1000);
const RUNS = Number(process.argv[3] ?? 5);
const REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-central-1"];

/** Meetings like the shipped stacks': features, 4 tags, 5 attendees, a quarter of them high-resolution. */
function program(): void {
  for (let i = 0; i < MEETINGS; i++) {
    const highRes = i % 4 === 0;
    new Meeting(`bench-${i}`, {
      externalMeetingId: `bench-meeting-${i}`,
      mediaRegion: REGIONS[i % REGIONS.length],
      region: "us-east-1",
      meetingFeatures: highRes
        ? { video: { maxResolution: "FHD" }, content: { maxResolution: "UHD" }, attendee: { maxCount: 25 } }
        : { audio: { echoReduction: "AVAILABLE" }, video: { maxResolution: "HD" }, attendee: { maxCount: 100 } },
      tags: { team: `team-${i % 7}`, event: "bench", "cost-center": `cc-${i % 13}`, index: String(i) },
      attendees: Array.from({ length: 5 }, (_, j) => ({
        externalUserId: `user-${i}-${j}`,
        capabilities: { audio: "SendReceive", video: j === 0 ? "SendReceive" : "Receive", content: j === 0 ? "SendReceive" : "Receive" },
      })),
    });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const packConfig = JSON.parse(readFileSync(join(__dirname, "..", "policies", "config", "dev.json"), "utf8")) as Record<string, unknown>;
  // CPU time next to wall time: on a shared machine the wall clock also measures the neighbours.
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const resources = await collectResources({
    program,
    project: "chime-meetings",
    stack: "bench",
    config: { "chime-meetings:region": "us-east-1" },
  });
  const collect = { wall: performance.now() - started, cpu: cpuMs(startedCpu) };
  const evaluations: { wall: number; cpu: number }[] = [];
  let violations = 0;
  for (let run = 0; run < RUNS; run++) {
    const t = performance.now();
    const c = process.cpuUsage();
    violations = (await evaluatePolicies(allPolicies, resources, packConfig)).length;
    evaluations.push({ wall: performance.now() - t, cpu: cpuMs(c) });
  }
  const evaluation = { wall: median(evaluations.map((e) => e.wall)), cpu: median(evaluations.map((e) => e.cpu)) };
  const perResource = (ms: number) => `${((ms * 1000) / resources.length).toFixed(0)} µs/resource`;
  console.log(
    `policy check, ${resources.length} resources (${MEETINGS} meetings), ${allPolicies.length} rules, dev config, node ${process.version}`,
  );
  console.log(`  program under mocks (no policies): wall ${collect.wall.toFixed(0)} ms, cpu ${collect.cpu.toFixed(0)} ms`);
  console.log(
    `  rule evaluation, median of ${RUNS}: wall ${evaluation.wall.toFixed(0)} ms (${perResource(evaluation.wall)}), ` +
      `cpu ${evaluation.cpu.toFixed(0)} ms (${perResource(evaluation.cpu)}), ${violations} violations`,
  );
  console.log(`  evaluation adds ${((evaluation.cpu / collect.cpu) * 100).toFixed(1)}% cpu to the program run`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
