/**
 * What a secret output costs the engine: the echo provider's `up` and `destroy` of N resources with the attendees
 * output plain and marked secret (as the Meeting marks it), alternating, SCALE_REPS rounds, medians. No API call,
 * no provider code: only the engine and the checkpoint.
 *   SCALE_COUNT=200 SCALE_REPS=2 node -r ts-node/register/transpile-only bench/scale/secret-outputs.ts
 */
import * as fs from "node:fs";
import { loadavg } from "node:os";
import type { Stack } from "@pulumi/pulumi/automation";
import { newLocalStack, newWorkDir, repoRoot } from "../../tests/support/pulumi";
import { writeProgram } from "./programs";
import { fmt, median } from "./stats";

const COUNT = Number(process.env.SCALE_COUNT ?? 200);
const REPS = Number(process.env.SCALE_REPS ?? 2);
const VARIANTS = ["plain", "secret"] as const;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

async function main(): Promise<void> {
  const stacks = new Map<string, Stack>();
  for (const variant of VARIANTS) {
    const workDir = newWorkDir(`scale-secret-${variant}`);
    writeProgram("noop", workDir, repoRoot);
    const stack = await newLocalStack({ workDir, stackName: "secret", env: { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } });
    await stack.setConfig("scale:count", { value: String(COUNT) });
    await stack.setConfig("scale:attendeeCounts", { value: "[2]" });
    await stack.setConfig("scale:secretAttendees", { value: String(variant === "secret") });
    stacks.set(variant, stack);
  }
  const times = new Map<string, number[]>();
  const add = (key: string, s: number) => times.set(key, [...(times.get(key) ?? []), s]);
  try {
    for (let rep = 0; rep < REPS; rep += 1) {
      const order = rep % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
      for (const v of order) add(`up ${v}`, await timed(() => stacks.get(v)!.up()));
      for (const v of order) add(`destroy ${v}`, await timed(() => stacks.get(v)!.destroy()));
      console.log(`round ${rep + 1} done (load ${loadavg()[0].toFixed(2)})`);
    }
    const result: Record<string, Record<string, number[]>> = {};
    for (const op of ["up", "destroy"]) {
      const [plain, secret] = VARIANTS.map((v) => times.get(`${op} ${v}`)!);
      result[op] = { plain, secret };
      console.log(
        `echo provider ${op} of ${COUNT}: ${fmt(median(plain))} s (${plain.map((s) => fmt(s)).join(", ")}) with attendees plain, ${fmt(median(secret))} s (${secret.map((s) => fmt(s)).join(", ")}) with attendees secret`,
      );
    }
    console.log(`RESULT secret-outputs ${JSON.stringify({ count: COUNT, reps: REPS, ...result })}`);
  } finally {
    for (const stack of stacks.values()) fs.rmSync(stack.workspace.workDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
