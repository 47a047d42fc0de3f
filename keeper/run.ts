// What the keeper command does once its arguments are parsed (loaded only then, so that --help and
// --version answer without loading the Pulumi and AWS SDKs).
import * as fs from "node:fs";
import * as path from "node:path";
import type { KeeperArgs } from "./args";
import {
  clearEmptySidecars,
  clearStaleLocks,
  isRepositoryLocalStack,
  localStack,
  resolvePulumi,
  SetupError,
  type LocalStack,
} from "./environment";
import { meetingReader } from "./get-meeting";
import { runKeeper } from "./loop";
import { probeMeetings } from "./probe";
import type { Prober, StackOps } from "./round";
import { setupError } from "./setup-errors";
import { selectStack, stackOps } from "./stack-ops";
import { currentTime } from "../stack/window";

export { SetupError, type LocalStack };

export function log(line: string): void {
  process.stdout.write(`[keeper] ${new Date().toISOString()} ${line}\n`);
}

function repairFileBackend(backendUrl: string | undefined): void {
  for (const file of clearEmptySidecars(backendUrl)) log(`removed an empty metadata file a killed pulumi process left (${file})`);
}

/** Repairs what a killed pulumi process leaves on a file backend before every step that takes the lock. */
function withLockHygiene(ops: StackOps, backendUrl: string | undefined): StackOps {
  const clean = () => {
    repairFileBackend(backendUrl);
    for (const lock of clearStaleLocks(backendUrl, ops.project, ops.stack))
      log(`removed the lock of a pulumi process that no longer runs (${lock})`);
  };
  return {
    ...ops,
    refresh: async (targets, opts) => {
      clean();
      await ops.refresh(targets, opts);
    },
    up: async (targets, opts) => {
      clean();
      await ops.up(targets, opts);
    },
  };
}

/** One GetMeeting per meeting through the AWS SDK, paced at `rate` per second. */
function sdkProber(rate: number, signal: AbortSignal): Prober {
  return async (meetings, config) => {
    const reader = meetingReader({ endpoint: config.endpoint, defaultRegion: config.region });
    try {
      return await probeMeetings(meetings, { getMeeting: reader.getMeeting, requestsPerSecond: rate, signal });
    } finally {
      reader.close();
    }
  };
}

export async function keep(args: KeeperArgs, local: { current?: LocalStack }, signal: AbortSignal): Promise<number> {
  const workDir = path.resolve(args.cwd ?? process.cwd());
  if (!fs.existsSync(workDir)) throw new SetupError(`--cwd: directory ${JSON.stringify(workDir)} does not exist`);
  if (!["Pulumi.yaml", "Pulumi.yml"].some((f) => fs.existsSync(path.join(workDir, f)))) {
    throw new SetupError(
      `${workDir} is not a Pulumi project (no Pulumi.yaml): run the keeper there or pass --cwd with your project's directory`,
    );
  }
  const repositoryLocal = isRepositoryLocalStack(args.stack, workDir);
  const envVars: Record<string, string> = { PULUMI_SKIP_UPDATE_CHECK: "true" };
  const pulumiCommand = await resolvePulumi(args.pulumi, envVars);
  if (repositoryLocal) {
    local.current = await localStack();
    Object.assign(envVars, local.current.env);
  }
  const backendUrl = envVars.PULUMI_BACKEND_URL ?? process.env.PULUMI_BACKEND_URL;
  repairFileBackend(backendUrl);
  let stack;
  try {
    stack = await selectStack({ stack: args.stack, workDir, pulumiCommand, envVars });
  } catch (err) {
    throw setupError(err, { stack: args.stack, workDir, repositoryLocal });
  }
  const ops = await stackOps(stack, args.verbose ? (text) => process.stdout.write(text) : undefined);
  const how = args.check === "probe" ? `probing at most ${args.probeRate} GetMeeting/s` : "refreshing every meeting";
  log(
    `keeping the meetings of stack ${args.stack} in ${workDir} (${args.once ? "one round" : `every ${args.intervalMs / 1000}s`}, ${how})`,
  );
  return runKeeper(withLockHygiene(ops, backendUrl), {
    once: args.once,
    intervalMs: args.intervalMs,
    maxFailedRounds: args.maxFailedRounds,
    now: () => currentTime(),
    log,
    signal,
    retry: { attempts: 3, baseDelayMs: 2000, maxDelayMs: 30_000 },
    ...(args.check === "probe" ? { prober: sdkProber(args.probeRate, signal) } : {}),
  });
}
