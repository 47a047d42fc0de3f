// The keeper's cost per round for a stack of N meetings (default 50), every one published: API calls by
// operation and wall time, for a round where nothing ended, one where 5 ended, and one where all ended.
// Run: npx ts-node --transpile-only tests/keeper/cost-bench.ts [meetings]   (not part of npm test)
import * as fs from "node:fs";
import { EmulatorAdminClient, startEmulator } from "../../emulator";
import { runRound, type RoundReport } from "../../keeper/round";
import { stackOps } from "../../keeper/stack-ops";
import { newLocalStack, newWorkDir } from "../support/pulumi";
import { emulatorEnv, writeProgramProject } from "./support";

const COUNT = Number(process.argv[2] ?? 50);
const NOW = "2026-12-02T12:00:00Z";

function byOperation(ops: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const op of ops) counts[op] = (counts[op] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort());
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: 0 });
  const admin = new EmulatorAdminClient(emulator.url);
  const workDir = newWorkDir("keeper-cost");
  try {
    writeProgramProject(workDir);
    const stack = await newLocalStack({ workDir, stackName: "cost", env: emulatorEnv(emulator.url, NOW) });
    const meetings = Object.fromEntries(Array.from({ length: COUNT }, (_, i) => [`room-${String(i).padStart(2, "0")}`, {
      mediaRegion: "us-east-1", publish: true, tags: { team: "bench" },
      attendees: [{ externalUserId: `host-${i}` }, { externalUserId: `guest-${i}` }],
    }]));
    await stack.setConfig("chime-meetings:region", { value: "us-east-1" });
    await stack.setConfig("chime-meetings:meetings", { value: JSON.stringify(meetings) });
    let t = Date.now();
    await stack.up();
    const upSeconds = (Date.now() - t) / 1000;
    const ops = await stackOps(stack);
    const rows: { scenario: string; report: RoundReport; calls: Record<string, number>; seconds: number }[] = [];
    const measure = async (scenario: string) => {
      await admin.clearRequests();
      t = Date.now();
      const report = await runRound({ ops, now: new Date(NOW), log: () => {}, retry: { attempts: 1, baseDelayMs: 1000, maxDelayMs: 1000 } });
      rows.push({ scenario, report, calls: byOperation((await admin.requests()).map((r) => r.operation)), seconds: (Date.now() - t) / 1000 });
    };
    await measure("nothing ended");
    const live = await admin.listMeetings();
    for (const m of live.slice(0, 5)) await admin.expireMeeting(m.meetingId);
    await measure("5 ended");
    await admin.advanceClock(301);
    await measure(`all ${COUNT} ended`);
    // Baseline: what npm start or a drift remediation does instead, a full `pulumi up --refresh` (nothing ended).
    await admin.clearRequests();
    t = Date.now();
    await stack.up({ refresh: true });
    const baseline = { scenario: "baseline: full up --refresh, nothing ended", seconds: (Date.now() - t) / 1000, calls: byOperation((await admin.requests()).map((r) => r.operation)) };
    const result = {
      meetings: COUNT, initialUpSeconds: upSeconds, load: fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
      rounds: rows.map((r) => ({ scenario: r.scenario, seconds: r.seconds, steps: r.report.steps.map((name, i) => `${name} ${(r.report.stepMs[i] / 1000).toFixed(1)}s`).join(", "), recreated: r.report.recreations.length, calls: r.calls })),
      baseline,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await emulator.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
