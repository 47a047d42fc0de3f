/**
 * Does state size alone explain the Meeting provider's cost? The echo provider's `up` and `destroy` of N
 * resources, without and with SCALE_PADDING bytes added to each resource's inputs (stored again in its
 * outputs), alternating, SCALE_REPS rounds. Loopback only; no API calls.
 *   SCALE_PADDING=13000 node -r ts-node/register/transpile-only bench/scale/padding.ts
 */
import * as fs from "node:fs";
import { loadavg } from "node:os";
import type { Stack } from "@pulumi/pulumi/automation";
import { newLocalStack, newWorkDir, repoRoot } from "../../tests/support/pulumi";
import { writeProgram } from "./programs";
import { median } from "./stats";

const COUNT = Number(process.env.SCALE_COUNT ?? 200);
const REPS = Number(process.env.SCALE_REPS ?? 2);
const PADDING = Number(process.env.SCALE_PADDING ?? 13000);

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

async function main(): Promise<void> {
  const stacks = new Map<number, Stack>();
  for (const padding of [0, PADDING]) {
    const workDir = newWorkDir(`scale-padding-${padding}`);
    writeProgram("noop", workDir, repoRoot);
    const stack = await newLocalStack({ workDir, stackName: "padding", env: { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } });
    await stack.setConfig("scale:count", { value: String(COUNT) });
    await stack.setConfig("scale:attendeeCounts", { value: "[2]" });
    await stack.setConfig("scale:padding", { value: String(padding) });
    stacks.set(padding, stack);
  }
  const times = new Map<string, number[]>();
  const add = (key: string, s: number) => times.set(key, [...(times.get(key) ?? []), s]);
  try {
    for (let rep = 0; rep < REPS; rep += 1) {
      const order = rep % 2 === 0 ? [0, PADDING] : [PADDING, 0];
      for (const padding of order) add(`up ${padding}`, await timed(() => stacks.get(padding)!.up()));
      for (const padding of order) add(`destroy ${padding}`, await timed(() => stacks.get(padding)!.destroy()));
      console.log(`round ${rep + 1} done (load ${loadavg()[0].toFixed(2)})`);
    }
    for (const op of ["up", "destroy"]) {
      const plain = times.get(`${op} 0`)!;
      const padded = times.get(`${op} ${PADDING}`)!;
      console.log(
        `echo provider ${op} of ${COUNT}: ${median(plain).toFixed(1)} s (${plain.map((s) => s.toFixed(1)).join(", ")}) without padding, ${median(padded).toFixed(1)} s (${padded.map((s) => s.toFixed(1)).join(", ")}) with ${PADDING} bytes more per resource input`,
      );
    }
  } finally {
    for (const stack of stacks.values()) fs.rmSync(stack.workspace.workDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
