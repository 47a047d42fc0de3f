// `npm run keep -- --stack <name> [--interval 60s] [--once]`: keeps the stack's declared meetings alive.
import * as path from "node:path";
import { parseArgs, USAGE, UsageError } from "./args";
import { clearStaleLocks, localStackEnv, pulumiCommandAt, REPO_ROOT, toolchainBinDir } from "./environment";
import { runKeeper } from "./loop";
import type { StackOps } from "./round";
import { selectStack, stackOps } from "./stack-ops";
import { currentTime } from "../stack/window";

function log(line: string): void {
  process.stdout.write(`[keeper] ${new Date().toISOString()} ${line}\n`);
}

/** Clears stale file-backend locks before every step that takes the lock. */
function withLockHygiene(ops: StackOps, backendUrl: string | undefined): StackOps {
  const clean = () => {
    for (const lock of clearStaleLocks(backendUrl, ops.project, ops.stack)) log(`removed the lock of a pulumi process that no longer runs (${lock})`);
  };
  return {
    ...ops,
    refresh: async (targets, opts) => { clean(); await ops.refresh(targets, opts); },
    up: async (targets) => { clean(); await ops.up(targets); },
  };
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  const controller = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (controller.signal.aborted) process.exit(130);
      log(`${signal}: stopping after the current step (send again to exit now)`);
      controller.abort();
    });
  }
  const binDir = toolchainBinDir();
  const envVars: Record<string, string> = {
    PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}`,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    ...(args.stack === "local" ? await localStackEnv() : {}),
  };
  const stack = await selectStack({ stack: args.stack, workDir: path.resolve(args.workDir ?? REPO_ROOT), pulumiCommand: await pulumiCommandAt(binDir), envVars });
  const ops = await stackOps(stack, args.verbose ? (text) => process.stdout.write(text) : undefined);
  log(`keeping the meetings of stack ${args.stack} (${args.once ? "one round" : `every ${args.intervalMs / 1000}s`})`);
  return runKeeper(withLockHygiene(ops, envVars.PULUMI_BACKEND_URL ?? process.env.PULUMI_BACKEND_URL), {
    once: args.once, intervalMs: args.intervalMs, maxFailedRounds: args.maxFailedRounds,
    now: () => currentTime(), log, signal: controller.signal,
    retry: { attempts: 3, baseDelayMs: 2000, maxDelayMs: 30_000 },
  });
}

main().then((code) => process.exit(code), (err: unknown) => {
  log(`fatal: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
