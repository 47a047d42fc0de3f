/**
 * The provider plugin beside the dynamic Meeting and the engine's floor (an echo-only dynamic provider): the same
 * N meetings (scale:count, two attendees each) through the real CLI against the emulator in its own process:
 * `up`, no-op `up`, `refresh`, `destroy`, medians over SCALE_REPS rounds (alternating order), API calls, and
 * state bytes per meeting. The plugin side is a TypeScript program on the Node.js SDK generated from the schema.
 *
 *   node -r ts-node/register/transpile-only bench/scale/plugin.ts      (SCALE_COUNT=200, SCALE_REPS=2)
 * or from scale.ts with SCALE_PLUGIN=1.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { cpus, loadavg } from "node:os";
import type { Stack } from "@pulumi/pulumi/automation";
import { PLUGIN_MEETING_TYPE } from "../../components/meeting/type-tokens";
import { EmulatorAdminClient } from "../../emulator";
import { newLocalStack, newWorkDir, repoRoot } from "../../tests/support/pulumi";
import { generateSdk } from "../../tests/provider-plugin/sdk";
import { PLUGIN_DIR } from "../../tests/provider-plugin/yaml-program";
import { bundleEmulatorCli, spawnEmulator } from "../lib/process";
import { countByOperation } from "./calls";
import { configureScaleStack, writeProgram } from "./programs";
import { fmt, median } from "./stats";

const OPERATIONS = ["up", "no-op up", "refresh", "destroy"] as const;
type Operation = (typeof OPERATIONS)[number];
const SIDES = ["plugin", "meeting", "noop"] as const;
type PluginSide = (typeof SIDES)[number];
const LABELS: Record<PluginSide, string> = { plugin: "provider plugin", meeting: "dynamic Meeting", noop: "echo dynamic (floor)" };

function writePluginProgram(workDir: string): void {
  generateSdk(path.join(workDir, "sdk"), "nodejs");
  fs.writeFileSync(
    path.join(workDir, "Pulumi.yaml"),
    [
      "name: scale-plugin",
      "runtime:",
      "  name: nodejs",
      "  options:",
      "    typescript: true",
      "main: index.ts",
      "plugins:",
      "  providers:",
      "    - name: chime-meetings",
      `      path: ${PLUGIN_DIR}`,
      "",
    ].join("\n"),
  );
  fs.writeFileSync(
    path.join(workDir, "index.ts"),
    `import * as pulumi from "@pulumi/pulumi";
import * as chime from "./sdk/nodejs";
const config = new pulumi.Config("scale");
const count = config.requireNumber("count");
const attendeeCounts = config.requireObject<number[]>("attendeeCounts");
for (let i = 0; i < count; i += 1) {
  const k = attendeeCounts[i % attendeeCounts.length]!;
  new chime.Meeting("m" + i, {
    mediaRegion: "us-east-1",
    externalMeetingId: "scale-" + i,
    tags: { bench: "scale", index: String(i) },
    attendees: Array.from({ length: k }, (_, j) => ({ externalUserId: "user-" + i + "-" + j })),
  });
}
`,
  );
}

async function newStack(side: PluginSide, env: Record<string, string>, count: number): Promise<Stack> {
  const workDir = newWorkDir(`scale-plugin-${side}`);
  if (side === "plugin") writePluginProgram(workDir);
  else writeProgram(side, workDir, repoRoot);
  const stack = await newLocalStack({ workDir, stackName: "scale", env });
  await configureScaleStack(stack, count, [2]);
  return stack;
}

async function timed(stack: Stack, op: Operation): Promise<number> {
  const t0 = process.hrtime.bigint();
  if (op === "up" || op === "no-op up") {
    const res = await stack.up();
    if (res.summary.result !== "succeeded") throw new Error(`${op} ${res.summary.result}`);
  } else if (op === "refresh") await stack.refresh();
  else await stack.destroy();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Bytes of the exported checkpoint per meeting (or echo resource), counting only the N resources of the program. */
async function stateBytesPerResource(stack: Stack): Promise<number> {
  const exported = await stack.exportStack();
  const resources = ((exported.deployment as { resources?: { type: string }[] }).resources ?? []).filter(
    (r) => r.type === PLUGIN_MEETING_TYPE || r.type.startsWith("pulumi-nodejs:dynamic"),
  );
  return resources.reduce((sum, r) => sum + JSON.stringify(r).length, 0) / Math.max(1, resources.length);
}

export interface PluginScaleResult {
  count: number;
  reps: number;
  seconds: Record<PluginSide, Record<Operation, number>>;
  calls: Record<PluginSide, Record<Operation, Record<string, number>>>;
  stateBytesPerResource: Record<PluginSide, number>;
}

/** Runs the three sides against the emulator at `emulatorUrl` and prints a table and a RESULT line. */
export async function pluginScale(emulatorUrl: string, count: number, reps: number): Promise<PluginScaleResult> {
  const admin = new EmulatorAdminClient(emulatorUrl);
  const env = {
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS: emulatorUrl,
    AWS_EC2_METADATA_DISABLED: "true",
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
  };
  const stacks = {} as Record<PluginSide, Stack>;
  for (const side of SIDES) stacks[side] = await newStack(side, env, count);
  const samples = Object.fromEntries(SIDES.map((s) => [s, Object.fromEntries(OPERATIONS.map((o) => [o, [] as number[]]))])) as Record<
    PluginSide,
    Record<Operation, number[]>
  >;
  const calls = Object.fromEntries(SIDES.map((s) => [s, {}])) as PluginScaleResult["calls"];
  const stateBytes = {} as Record<PluginSide, number>;
  try {
    for (let rep = 0; rep < reps; rep += 1) {
      const order = rep % 2 === 0 ? [...SIDES] : [...SIDES].reverse();
      for (const op of OPERATIONS) {
        for (const side of order) {
          await admin.clearRequests();
          const seconds = await timed(stacks[side], op);
          samples[side][op].push(seconds);
          calls[side][op] = countByOperation(await admin.requests());
          console.log(
            `  round ${rep + 1} ${side} ${op}: ${fmt(seconds)} s, calls ${JSON.stringify(calls[side][op])} (load ${loadavg()[0].toFixed(2)})`,
          );
          if (op === "up" && rep === 0) stateBytes[side] = await stateBytesPerResource(stacks[side]);
        }
      }
    }
  } finally {
    for (const s of Object.values(stacks)) fs.rmSync(s.workspace.workDir, { recursive: true, force: true });
  }
  const seconds = Object.fromEntries(
    SIDES.map((s) => [s, Object.fromEntries(OPERATIONS.map((o) => [o, median(samples[s][o])]))]),
  ) as PluginScaleResult["seconds"];
  console.log(`\n| operation (N = ${count}) | ${SIDES.map((s) => `${LABELS[s]}, s`).join(" | ")} | plugin / floor | dynamic / floor |`);
  console.log(`|---|${SIDES.map(() => "---|").join("")}---|---|`);
  for (const op of OPERATIONS) {
    const row = SIDES.map((s) => `${fmt(seconds[s][op])} (${samples[s][op].map((v) => fmt(v)).join(", ")})`);
    console.log(
      `| ${op} | ${row.join(" | ")} | ${fmt(seconds.plugin[op] / seconds.noop[op], 2)} | ${fmt(seconds.meeting[op] / seconds.noop[op], 2)} |`,
    );
  }
  console.log(
    `| state bytes per resource | ${SIDES.map((s) => String(Math.round(stateBytes[s]))).join(" | ")} | ${fmt(stateBytes.plugin / stateBytes.noop, 2)} | ${fmt(stateBytes.meeting / stateBytes.noop, 2)} |`,
  );
  const result = { count, reps, seconds, calls, stateBytesPerResource: stateBytes };
  console.log(`RESULT scale-plugin ${JSON.stringify(result)}`);
  return result;
}

async function main(): Promise<void> {
  const count = Number(process.env.SCALE_COUNT ?? 200);
  const reps = Number(process.env.SCALE_REPS ?? 2);
  const emulator = await spawnEmulator(bundleEmulatorCli(), ["--port", "0", "--no-lifecycle"]);
  try {
    console.log(
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}; N = ${count} resources x 2 attendees, ${reps} rounds`,
    );
    await pluginScale(emulator.url, count, reps);
  } finally {
    await emulator.stop();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
