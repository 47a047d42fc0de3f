/**
 * What the dynamic-provider process spends before its first call, for this TypeScript source tree: registering
 * ts-node (transpile-only, as the loader in components/meeting/provider.ts does), then requiring operations.ts (each module
 * it reaches is transpiled on first require), then the AWS SDK; against the same modules loaded through esbuild's
 * transform (a runtime dependency), and against the SDK alone. Fresh node processes, alternating, medians.
 * `STARTUP_RUNS` (default 5) rounds. Run from the repository root:
 * node -r ts-node/register/transpile-only bench/scale/startup.ts
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { fmt, median } from "./stats";

const RUNS = Number(process.env.STARTUP_RUNS ?? 5);
const ROOT = path.join(__dirname, "..", "..");
const OPERATIONS = path.join(ROOT, "components", "meeting", "operations.ts");

const LAP = `let t = performance.now(); const out = {}; const lap = (k) => { const n = performance.now(); out[k] = n - t; t = n; };`;
const VARIANTS: Record<string, string> = {
  "ts-node": `${LAP}
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } }); lap("register");
require(${JSON.stringify(OPERATIONS)}); lap("operations");
require("@aws-sdk/client-chime-sdk-meetings"); lap("sdk");
console.log(JSON.stringify(out));`,
  esbuild: `${LAP}
const esbuild = require("esbuild"); const fs = require("fs");
require.extensions[".ts"] = (m, f) => m._compile(esbuild.transformSync(fs.readFileSync(f, "utf8"), { loader: "ts", format: "cjs", target: "node20", sourcefile: f }).code, f);
lap("register");
require(${JSON.stringify(OPERATIONS)}); lap("operations");
require("@aws-sdk/client-chime-sdk-meetings"); lap("sdk");
console.log(JSON.stringify(out));`,
  "sdk only": `${LAP}
require("@aws-sdk/client-chime-sdk-meetings"); lap("sdk");
console.log(JSON.stringify(out));`,
};

function runOnce(code: string): Record<string, number> {
  return JSON.parse(execFileSync(process.execPath, ["-e", code], { cwd: ROOT, encoding: "utf8" })) as Record<string, number>;
}

function main(): void {
  const samples: Record<string, Record<string, number>[]> = {};
  for (let i = 0; i < RUNS; i += 1) {
    for (const [name, code] of Object.entries(VARIANTS)) (samples[name] ??= []).push(runOnce(code));
  }
  const result: Record<string, Record<string, number>> = {};
  console.log(
    `| variant (${RUNS} fresh processes each, medians) | register, ms | require operations.ts, ms | require the SDK, ms | total, ms |`,
  );
  console.log("|---|---|---|---|---|");
  for (const [name, runs] of Object.entries(samples)) {
    const keys = ["register", "operations", "sdk"];
    const med = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k] ?? 0))]));
    const total = median(runs.map((r) => keys.reduce((a, k) => a + (r[k] ?? 0), 0)));
    result[name] = { ...med, total };
    console.log(`| ${name} | ${fmt(med.register, 0)} | ${fmt(med.operations, 0)} | ${fmt(med.sdk, 0)} | ${fmt(total, 0)} |`);
  }
  console.log(`RESULT provider-startup ${JSON.stringify(result)}`);
}

main();
