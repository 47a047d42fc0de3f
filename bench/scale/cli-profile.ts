/**
 * Where the `pulumi` CLI's own CPU goes for one operation on N resources of each side (the Meeting, as the compiled
 * package, and the echo floor): the stack is brought up through the Automation API, then the operation runs as a
 * plain CLI command with Pulumi's `--profiling` flag, and `go tool pprof` prints the CLI's CPU by function, with the
 * share spent persisting checkpoints. Loopback only; the emulator and the stacks are removed at the end.
 *   SCALE_COUNT=200 SCALE_PROFILE_OP=destroy node -r ts-node/register/transpile-only bench/scale/cli-profile.ts
 * SCALE_PROFILE_OP is `destroy` (default), `up` (from an empty stack) or `refresh`; profiles stay in SCALE_PROFILE_DIR
 * (default .test-work/cli-profile) for further `go tool pprof` use.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { newLocalStack, newWorkDir, offlineEnv, pulumiCommand, repoRoot, transpiledProgramEnv } from "../../tests/support/pulumi";
import { bundleEmulatorCli, spawnEmulator } from "../lib/process";
import { buildPackage } from "./package";
import { configureScaleStack, writeProgram, type Side } from "./programs";

const COUNT = Number(process.env.SCALE_COUNT ?? 200);
const OP = process.env.SCALE_PROFILE_OP ?? "destroy";
const OUT = path.resolve(process.env.SCALE_PROFILE_DIR ?? path.join(repoRoot, ".test-work", "cli-profile"));
const SIDES: Side[] = ["meeting", "noop"];

/** `go tool pprof -top` of one CPU profile: the total and the cumulative lines that name these functions. */
function summary(cli: string, profile: string): string[] {
  const top = execFileSync("go", ["tool", "pprof", "-top", "-cum", "-nodecount=400", cli, profile], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const wanted =
    /Total samples|saveSnapshot$|diyBackend\)\.saveCheckpoint$|backupTarget$|SerializeDeploymentWithMetadata$|compactJSONMarshaler\.Marshal$|crypto\/md5\.\(\*digest\)\.Write$|wrappedBucket\)\.WriteAll$/;
  return top.split("\n").filter((line) => wanted.test(line.trim()));
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const cli = (await pulumiCommand()).command;
  const packageDir = path.join(repoRoot, ".test-work", `cli-profile-package-${process.pid}`);
  const from = { packageDir: buildPackage(repoRoot, packageDir) };
  const emulator = await spawnEmulator(bundleEmulatorCli(), ["--port", "0", "--no-lifecycle"]);
  const env = transpiledProgramEnv({ url: emulator.url, accessKeyId: "test", secretAccessKey: "test" });
  const workDirs: string[] = [];
  try {
    for (const side of SIDES) {
      const workDir = newWorkDir(`cli-profile-${side}`);
      workDirs.push(workDir);
      writeProgram(side, workDir, repoRoot, from);
      const stack = await newLocalStack({ workDir, stackName: "scale", env });
      await configureScaleStack(stack, COUNT, [2]);
      if (OP !== "up") await stack.up();
      const prefix = path.join(OUT, `${side}-${OP}`);
      const t0 = process.hrtime.bigint();
      const run = spawnSync(cli, [OP, "--yes", "--skip-preview", "--stack", "scale", "--profiling", prefix], {
        cwd: workDir,
        env: { ...process.env, ...offlineEnv(path.join(workDir, ".state"), env) },
        encoding: "utf8",
      });
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (run.status !== 0) throw new Error(`pulumi ${OP} (${side}) exited ${run.status}: ${run.stderr.slice(-2000)}`);
      const profile = fs.readdirSync(OUT).find((f) => f.startsWith(`${side}-${OP}.`) && f.endsWith(".cpu"));
      console.log(`\n${side} ${OP} of ${COUNT}: ${seconds.toFixed(1)} s; CLI CPU profile ${profile}`);
      for (const line of summary(cli, path.join(OUT, profile!))) console.log(`  ${line.trim()}`);
      if (OP !== "destroy") await stack.destroy();
      for (const f of fs.readdirSync(OUT)) if (f.startsWith(`${side}-${OP}.`) && !f.endsWith(".cpu")) fs.rmSync(path.join(OUT, f));
    }
  } finally {
    await emulator.stop();
    for (const dir of [...workDirs, packageDir]) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
