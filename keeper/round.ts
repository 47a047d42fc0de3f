import { parseMeetings, StackConfigError } from "../stack/config";
import { windowPhase } from "../stack/window";
import { planRound, recreationLines, type DeclaredMeeting, type RoundPlan } from "./plan";
import { isStackLocked, lockHolder, summarizeError, withRetry, type RetryOptions } from "./retry";
import { addressesInState, meetingsInState, pendingOperationCount, urnsInState, type Deployment } from "./state";

/** The stack operations one round needs; implemented on the Automation API in stack-ops.ts, faked in tests. */
export interface StackOps {
  readonly stack: string;
  readonly project: string;
  exportDeployment(): Promise<Deployment>;
  /** Raw `chime-meetings:meetings` (parsed JSON) and `chime-meetings:region`. */
  meetingsConfig(): Promise<{ meetings: unknown; region?: string }>;
  refresh(targets: string[], opts: { clearPendingCreates: boolean }): Promise<void>;
  up(targets: string[]): Promise<void>;
}

export interface RoundContext {
  ops: StackOps;
  now: Date;
  log: (line: string) => void;
  retry: Pick<RetryOptions, "attempts" | "baseDelayMs" | "maxDelayMs">;
  /** Aborted by SIGINT/SIGTERM: the round stops after the step in progress. */
  signal?: AbortSignal;
}

export interface RoundReport {
  checked: number;
  plan: RoundPlan;
  /** `name: old id → new id` per recreated or created meeting. */
  recreations: string[];
  /** The stack operations run, in order (e.g. export, config, refresh, export, up, export). */
  steps: string[];
  /** Wall time of each step in milliseconds, in the order of `steps` (retries included). */
  stepMs: number[];
  /** True when a signal stopped the round between steps. */
  stopped: boolean;
  ms: number;
}

export class RoundStopped extends Error {}

/** The meetings stack config declares, each with its window phase; a replica is only as active as its primary (stack/window.ts). */
export function declaredMeetings(raw: { meetings: unknown; region?: string }, now: Date): DeclaredMeeting[] {
  const decls = parseMeetings(raw.meetings, raw.region);
  const phases = new Map(decls.map((d) => [d.name, windowPhase(d.window, now)]));
  return decls.map((d) => {
    const own = phases.get(d.name)!;
    const phase = own === "active" && d.primary !== undefined ? phases.get(d.primary) ?? own : own;
    return { name: d.name, phase, publish: d.publish, primary: d.primary };
  });
}

/**
 * One keeper round: read the state and the declared meetings, refresh only the Meeting resources, and
 * when meetings ended (or must start or retire) run one `up` targeted at exactly those and what depends
 * on them. Each step is retried with backoff; a locked stack is reported and retried, never unlocked.
 */
export async function runRound(ctx: RoundContext): Promise<RoundReport> {
  const started = Date.now();
  const steps: string[] = [];
  const stepMs: number[] = [];
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    if (ctx.signal?.aborted) throw new RoundStopped(`stopped before ${name}`);
    const index = steps.push(name) - 1;
    const t0 = Date.now();
    const timed = async () => {
      try {
        return await fn();
      } finally {
        stepMs[index] = Date.now() - t0;
      }
    };
    return withRetry(timed, {
      ...ctx.retry,
      signal: ctx.signal,
      isPermanent: (err) => err instanceof StackConfigError,
      onRetry: (err, attempt, delay) => ctx.log(isStackLocked(err)
        ? `${name}: stack ${ctx.ops.stack} is locked (${lockHolder(err)}); waiting ${Math.round(delay / 1000)}s before attempt ${attempt + 1}`
        : `${name} failed (attempt ${attempt}): ${summarizeError(err)}; retrying in ${Math.round(delay / 1000)}s`),
    });
  };
  const empty: RoundPlan = { ended: [], missing: [], retired: [], ignored: [], stale: [], targets: [] };
  try {
    const before = await step("export", () => ctx.ops.exportDeployment());
    const declared = declaredMeetings(await step("config", () => ctx.ops.meetingsConfig()), ctx.now);
    const beforeMeetings = meetingsInState(before);
    const pending = pendingOperationCount(before);
    let after = before;
    if (beforeMeetings.size > 0 || pending > 0) {
      await step("refresh", () => ctx.ops.refresh([...beforeMeetings.values()].map((m) => m.urn), { clearPendingCreates: pending > 0 }));
      after = await step("export", () => ctx.ops.exportDeployment());
    }
    const afterMeetings = meetingsInState(after);
    const plan = planRound({ stack: ctx.ops.stack, project: ctx.ops.project, declared, before, beforeMeetings, afterMeetings, afterUrns: urnsInState(after), afterAddresses: addressesInState(after) });
    let recreations: string[] = [];
    if (plan.targets.length > 0) {
      await step("up", () => ctx.ops.up(plan.targets));
      const final = meetingsInState(await step("export", () => ctx.ops.exportDeployment()));
      recreations = recreationLines([...plan.ended, ...plan.missing], beforeMeetings, final);
      for (const line of recreations) ctx.log(line);
      for (const name of plan.stale) ctx.log(`${name}: address republished for ${final.get(name)?.id ?? "(gone)"}`);
      for (const name of plan.retired) ctx.log(`${name}: outside its window, removed ${beforeMeetings.get(name)?.id ?? ""}`.trimEnd());
    }
    return { checked: beforeMeetings.size, plan, recreations, steps, stepMs, stopped: false, ms: Date.now() - started };
  } catch (err) {
    if (err instanceof RoundStopped) return { checked: 0, plan: empty, recreations: [], steps, stepMs, stopped: true, ms: Date.now() - started };
    throw err;
  }
}

/** The per-round status line. */
export function statusLine(round: number, r: RoundReport): string {
  const p = r.plan;
  const parts = [`${r.checked} meetings checked`, `${p.ended.length} ended`, `${r.recreations.length} (re)created`];
  if (p.stale.length > 0) parts.push(`${p.stale.length} address(es) republished`);
  if (p.retired.length > 0) parts.push(`${p.retired.length} removed (outside their window)`);
  if (p.ignored.length > 0) parts.push(`${p.ignored.length} left alone (${p.ignored.join(", ")})`);
  return `round ${round}: ${parts.join(", ")} in ${(r.ms / 1000).toFixed(1)}s${r.stopped ? " (stopped by signal)" : ""}`;
}
