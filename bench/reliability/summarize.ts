// Renders the figures the reliability suites recorded (JSON lines, see tests/reliability/support/figures.ts)
// as the Markdown tables used in docs/RELIABILITY.md. Usage: summarize.ts <figures.jsonl>
import * as fs from "node:fs";

type Figure = Record<string, unknown> & { suite: string };

function table(header: string[], rows: unknown[][]): string {
  const line = (cells: unknown[]) => `| ${cells.map((c) => String(c)).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function calls(c: unknown): string {
  return Object.entries((c ?? {}) as Record<string, number>)
    .map(([op, n]) => `${op} ${n}`)
    .join(", ");
}

function main(): void {
  const file = process.argv[2];
  if (!file || !fs.existsSync(file)) {
    process.stderr.write("usage: summarize.ts <figures.jsonl>\n");
    process.exit(2);
  }
  const figures: Figure[] = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Figure);
  const of = (suite: string) => figures.filter((f) => f.suite === suite);
  const out: string[] = [];

  const faults = of("faults");
  if (faults.length > 0) {
    out.push(
      "### Faults (20% throttle, 5% 5xx, 2% dropped connections)",
      table(
        ["meetings x attendees", "up runs (last = no-change check)", "runs", "seconds", "API calls", "injected failures"],
        faults.map((f) => [
          `${String(f.meetings)} x ${String(f.attendees)}`,
          f.upRuns,
          (f.runs as string[]).join(" → "),
          f.seconds,
          f.apiCalls,
          f.injectedFailures,
        ]),
      ),
    );
    for (const d of of("faults-destroy"))
      out.push(`destroy of ${String(d.meetings)} meetings under the same faults: ${String(d.destroyRuns)} run(s)`);
  }
  for (const c of of("crash")) {
    const rows = (c.outcomes as Record<string, unknown>[]).map((o) => [
      o.case,
      o.killedProcesses,
      o.writesBeforeKill,
      o.staleLock ? "yes" : "no",
      o.pendingOperations,
      o.differencesAfterKill,
      o.recoverySeconds,
      o.differencesAfterRecovery === 0 ? "exact" : `${String(o.differencesAfterRecovery)} differences`,
    ]);
    out.push(
      `### Crashes (${String(c.points)} kill points)`,
      table(
        [
          "kill point",
          "processes killed",
          "writes before kill",
          "stale lock",
          "pending ops",
          "differences after kill",
          "recovery s",
          "after recovery",
        ],
        rows,
      ),
    );
  }
  const expiry = [...of("expiry-some"), ...of("expiry-all")];
  if (expiry.length > 0) {
    out.push(
      "### Expiry (up --refresh)",
      table(
        ["scenario", "meetings", "ended", "API calls by operation", "total", "seconds"],
        expiry.map((e) => [
          e.suite === "expiry-all" ? "clock past 24 h" : "k expired",
          e.meetings,
          e.expired ?? e.meetings,
          calls(e.calls),
          e.total,
          e.seconds,
        ]),
      ),
    );
  }
  process.stdout.write(out.join("\n\n") + "\n");
}

main();
