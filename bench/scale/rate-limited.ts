import * as fs from "node:fs";
import type { EngineEvent, Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient } from "../../emulator";
import { spawnEmulator } from "../lib/process";
import { countByOperation } from "./calls";
import { fmt } from "./stats";

/** Requests per second per operation the emulator allows in this run (the service's default quota). */
export const RATE_LIMIT = 10;

export interface RateLimitedResult {
  count: number;
  rateLimit: number;
  seconds: number;
  /** The quota's own floor: one create call per meeting at RATE_LIMIT per second. */
  quotaFloorSeconds: number;
  /** The engine's floor for the same up (echo provider, unlimited emulator, median of the main run). */
  engineFloorSeconds: number;
  /** seconds / (quota floor + engine floor); the goal is at most 1.3. */
  ratio: number;
  failedSteps: number;
  /** Calls the emulator answered 429, per operation (each was retried by the SDK). */
  throttled: Record<string, number>;
  calls: Record<string, number>;
}

/**
 * `up` of `count` meetings against an emulator started with `--rate-limit 10`, the provider pacing itself at its
 * default (chime-meetings:requestsPerSecond unset): how close to the quota's floor it gets, and how often it was
 * throttled. Each meeting takes one CreateMeetingWithAttendees, so the floor is count / 10 seconds.
 */
export async function rateLimitedUp(
  cliJs: string,
  baseEnv: Record<string, string>,
  count: number,
  engineFloorSeconds: number,
  newStack: (env: Record<string, string>) => Promise<Stack>,
): Promise<RateLimitedResult> {
  const emulator = await spawnEmulator(cliJs, ["--port", "0", "--no-lifecycle", "--rate-limit", String(RATE_LIMIT)]);
  const admin = new EmulatorAdminClient(emulator.url);
  let stack: Stack | undefined;
  try {
    stack = await newStack({ ...baseEnv, AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS: emulator.url });
    let failedSteps = 0;
    const onEvent = (e: EngineEvent) => {
      if (e.resOpFailedEvent) failedSteps += 1;
    };
    const t0 = process.hrtime.bigint();
    const res = await stack.up({ onEvent });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (res.summary.result !== "succeeded") failedSteps = Math.max(failedSteps, 1);
    const requests = await admin.requests();
    const throttled = countByOperation(requests.filter((r) => r.status === 429));
    const quotaFloorSeconds = count / RATE_LIMIT;
    const result: RateLimitedResult = {
      count,
      rateLimit: RATE_LIMIT,
      seconds,
      quotaFloorSeconds,
      engineFloorSeconds,
      ratio: seconds / (quotaFloorSeconds + engineFloorSeconds),
      failedSteps,
      throttled,
      calls: countByOperation(requests),
    };
    console.log(
      `\nUnder --rate-limit ${RATE_LIMIT}: up of ${count} meetings ${fmt(seconds)} s vs floor ${fmt(quotaFloorSeconds)} s (quota) + ${fmt(engineFloorSeconds)} s (engine) = ratio ${fmt(result.ratio, 2)}; failed steps ${failedSteps}; throttled calls ${JSON.stringify(throttled)}; calls ${JSON.stringify(result.calls)}`,
    );
    return result;
  } finally {
    await emulator.stop();
    if (stack) fs.rmSync(stack.workspace.workDir, { recursive: true, force: true });
  }
}
