import { parseMeetings, StackConfigError } from "../stack/config";
import { windowPhase } from "../stack/window";
import { planRound, recreationLines, type DeclaredMeeting, type RoundPlan } from "./plan";
import type { ProbeReport } from "./probe";
import { isStackLocked, lockHolder, summarizeError, withRetry, type RetryOptions } from "./retry";
import { addressesInState, meetingsInState, pendingOperationCount, urnsInState, type Deployment, type StateMeeting } from "./state";

/** The stack operations one round needs; implemented on the Automation API in stack-ops.ts, faked in tests. */
export interface StackOps {
  readonly stack: string;
  readonly project: string;
  exportDeployment(): Promise<Deployment>;
  /** Raw `chime-meetings:meetings` (parsed JSON; undefined when the program declares its meetings in code), `chime-meetings:region` and `chime-meetings:endpoint`. */
  meetingsConfig(): Promise<MeetingsConfig>;
  refresh(targets: string[], opts: { clearPendingCreates: boolean }): Promise<void>;
  /** A targeted `pulumi up`; with `refresh`, `up --refresh`, which refreshes only the targets first. */
  up(targets: string[], opts?: { refresh?: boolean }): Promise<void>;
}

export interface MeetingsConfig {
  meetings: unknown;
  region?: string;
  endpoint?: string;
}

/** The cheap check (keeper/probe.ts): which of the state's meetings the API still knows. */
export type Prober = (meetings: Map<string, StateMeeting>, config: MeetingsConfig) => Promise<ProbeReport>;

export interface RoundContext {
  ops: StackOps;
  /**
   * How a round learns which meetings ended: one GetMeeting each (`prober`), refreshing only those that
   * ended; without a prober, a `pulumi refresh` of every meeting (ListAttendees and ListTagsForResource each: `--check refresh`).
   */
  prober?: Prober;
  now: Date;
  log: (line: string) => void;
  retry: Pick<RetryOptions, "attempts" | "baseDelayMs" | "maxDelayMs">;
  /** Aborted by SIGINT/SIGTERM: the round stops after the step in progress. */
  signal?: AbortSignal;
}

export interface RoundReport {
  checked: number;
  /** The probe's findings, when the round probed. */
  probe?: ProbeReport;
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
export function declaredMeetings(raw: MeetingsConfig, now: Date): DeclaredMeeting[] {
  const decls = parseMeetings(raw.meetings, raw.region);
  const phases = new Map(decls.map((d) => [d.name, windowPhase(d.window, now)]));
  return decls.map((d) => {
    const own = phases.get(d.name)!;
    const phase = own === "active" && d.primary !== undefined ? (phases.get(d.primary) ?? own) : own;
    return { name: d.name, phase, publish: d.publish, primary: d.primary };
  });
}

/**
 * What to keep when stack config declares nothing (a consumer's program declares its meetings in code):
 * every meeting of the state, always active.
 */
function declaredOrInState(raw: MeetingsConfig, before: Map<string, StateMeeting>, now: Date): DeclaredMeeting[] {
  if (raw.meetings !== undefined) return declaredMeetings(raw, now);
  return [...before.keys()].map((name) => ({ name, phase: "active" as const }));
}

/** Fails the round when the probe learnt nothing at all: the keeper would be blind, not quiet. */
function assertProbeSaw(report: ProbeReport): void {
  const total = report.live.length + report.ended.length + report.unknown.length;
  if (total === 0 || report.unknown.length < total) return;
  throw new Error(
    `probe: none of the ${total} meetings could be read (${report.unknown[0].error}); check the keeper's AWS credentials, region and endpoint, or use --check refresh`,
  );
}

/**
 * One keeper round: read the state and the declared meetings, probe the meetings (one GetMeeting each), and
 * when meetings ended (or must start or retire) run one `up --refresh` targeted at exactly those and what
 * depends on them. Without a prober, or with pending operations, every meeting is refreshed first instead.
 * Each stack step is retried with backoff; a locked stack is reported and retried, never unlocked.
 */
export async function runRound(ctx: RoundContext): Promise<RoundReport> {
  const started = Date.now();
  const steps: string[] = [];
  const stepMs: number[] = [];
  const step = async <T>(name: string, fn: () => Promise<T>, retried = true): Promise<T> => {
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
    if (!retried) return timed();
    return withRetry(timed, {
      ...ctx.retry,
      signal: ctx.signal,
      isPermanent: (err) => err instanceof StackConfigError,
      onRetry: (err, attempt, delay) =>
        ctx.log(
          isStackLocked(err)
            ? `${name}: stack ${ctx.ops.stack} is locked (${lockHolder(err)}); waiting ${Math.round(delay / 1000)}s before attempt ${attempt + 1}`
            : `${name} failed (attempt ${attempt}): ${summarizeError(err)}; retrying in ${Math.round(delay / 1000)}s`,
        ),
    });
  };
  const empty: RoundPlan = { ended: [], missing: [], retired: [], ignored: [], stale: [], unfinished: [], targets: [] };
  try {
    const [before, config] = await Promise.all([
      step("export", () => ctx.ops.exportDeployment()),
      step("config", () => ctx.ops.meetingsConfig()),
    ]);
    const beforeMeetings = meetingsInState(before);
    const declared = declaredOrInState(config, beforeMeetings, ctx.now);
    const pending = pendingOperationCount(before);
    let probe: ProbeReport | undefined;
    let after = before;
    let refreshInUp = false;
    const planFrom = (state: Deployment, meetings: Map<string, StateMeeting>, urns: Set<string>) =>
      planRound({
        stack: ctx.ops.stack,
        project: ctx.ops.project,
        declared,
        before,
        beforeMeetings,
        afterMeetings: meetings,
        afterUrns: urns,
        afterAddresses: addressesInState(state),
      });
    let plan: RoundPlan | undefined;
    if (ctx.prober && beforeMeetings.size > 0 && pending === 0) {
      // The probe retries each meeting itself (backoff with jitter); the step is not retried as a whole.
      probe = await step("probe", () => ctx.prober!(beforeMeetings, config), false);
      for (const u of probe.unknown) ctx.log(`${u.name}: could not be probed, treated as live this round (${u.error})`);
      assertProbeSaw(probe);
      const ended = probe.ended;
      const afterProbe = new Map([...beforeMeetings].filter(([name]) => !ended.includes(name)));
      // Plan as if a refresh had dropped the ended meetings; every resource is still in the state when the up runs.
      plan = planFrom(before, afterProbe, urnsInState(before));
      // When every ended meeting is to be recreated (and none retires), the up refreshes exactly its targets
      // (`up --refresh --target …`): one engine run instead of two; the refresh marks them ended and the up
      // replaces them. Otherwise (an ended meeting outside its window, or no longer declared) the ended meetings
      // the state does not yet mark are refreshed first, so that the state records them before the plan (an
      // undeclared one then stays, marked, for the next full `pulumi up`, and later rounds need no refresh for it).
      refreshInUp = ended.length > 0 && plan.ended.length === ended.length && plan.retired.length === 0;
      const unmarked = ended.filter((name) => beforeMeetings.get(name)?.ended !== true);
      if (unmarked.length > 0 && !refreshInUp) {
        await step("refresh", () =>
          ctx.ops.refresh(
            unmarked.map((name) => beforeMeetings.get(name)!.urn),
            { clearPendingCreates: false },
          ),
        );
        after = await step("export", () => ctx.ops.exportDeployment());
        plan = undefined;
      }
    } else if (beforeMeetings.size > 0 || pending > 0) {
      await step("refresh", () =>
        ctx.ops.refresh(
          [...beforeMeetings.values()].map((m) => m.urn),
          { clearPendingCreates: pending > 0 },
        ),
      );
      after = await step("export", () => ctx.ops.exportDeployment());
    }
    plan ??= planFrom(after, meetingsInState(after), urnsInState(after));
    const targets = plan.targets;
    let recreations: string[] = [];
    if (targets.length > 0) {
      await step("up", () => ctx.ops.up(targets, { refresh: refreshInUp }));
      const final = meetingsInState(await step("export", () => ctx.ops.exportDeployment()));
      recreations = recreationLines([...plan.ended, ...plan.missing], beforeMeetings, final);
      for (const line of recreations) ctx.log(line);
      for (const name of plan.stale) ctx.log(`${name}: address republished for ${final.get(name)?.id ?? "(gone)"}`);
      for (const name of plan.retired) ctx.log(`${name}: outside its window, removed ${beforeMeetings.get(name)?.id ?? ""}`.trimEnd());
    }
    return { checked: beforeMeetings.size, probe, plan, recreations, steps, stepMs, stopped: false, ms: Date.now() - started };
  } catch (err) {
    if (err instanceof RoundStopped)
      return { checked: 0, plan: empty, recreations: [], steps, stepMs, stopped: true, ms: Date.now() - started };
    throw err;
  }
}

/** The per-round status line. */
export function statusLine(round: number, r: RoundReport): string {
  const p = r.plan;
  const parts = [`${r.checked} meetings checked`, `${p.ended.length} ended`, `${r.recreations.length} (re)created`];
  if (r.probe) parts.splice(1, 0, `${r.probe.calls} GetMeeting call(s)${r.probe.retried > 0 ? ` (${r.probe.retried} retried)` : ""}`);
  if (r.probe && r.probe.unknown.length > 0) parts.push(`${r.probe.unknown.length} not probed (kept)`);
  if (p.stale.length > 0) parts.push(`${p.stale.length} address(es) republished`);
  if (p.unfinished.length > 0) parts.push(`${p.unfinished.length} interrupted replacement(s) finished`);
  if (p.retired.length > 0) parts.push(`${p.retired.length} removed (outside their window)`);
  if (p.ignored.length > 0) parts.push(`${p.ignored.length} left alone (${p.ignored.join(", ")})`);
  return `round ${round}: ${parts.join(", ")} in ${(r.ms / 1000).toFixed(1)}s${r.stopped ? " (stopped by signal)" : ""}`;
}
