import type { WindowPhase } from "../stack/window";
import { DYNAMIC_MEETING_TYPE, isMeetingType } from "../components/meeting/type-tokens";
import { ADDRESS_TYPE, dependentsOf, isLive, nameOfUrn, resourceUrn, stackUrn, type Deployment, type StateMeeting } from "./state";

/** A meeting as stack config declares it, with where "now" falls in its window. */
export interface DeclaredMeeting {
  name: string;
  phase: WindowPhase;
  publish?: boolean;
  primary?: string;
}

export interface PlanInput {
  stack: string;
  project: string;
  declared: DeclaredMeeting[];
  /** The state before the refresh. */
  before: Deployment;
  beforeMeetings: Map<string, StateMeeting>;
  /** The meetings after the refresh (or as the probe found them): an ended one is absent or marked `ended`. */
  afterMeetings: Map<string, StateMeeting>;
  /** Every resource URN in the state after the refresh. */
  afterUrns: Set<string>;
  /** Meeting name → the MeetingId its address published, after the refresh (state/addressesInState). */
  afterAddresses: Map<string, string | undefined>;
}

export interface RoundPlan {
  /** Active meetings that ended (the probe or the refresh found them gone): recreated, as a replacement. */
  ended: string[];
  /** Active meetings not in the state at all (new, window just started, or an interrupted create): created. */
  missing: string[];
  /** Meetings in the state (live or just ended) whose window has ended or not begun: removed with their dependents. */
  retired: string[];
  /** Ended meetings that stack config no longer declares: left for the next full `pulumi up`. */
  ignored: string[];
  /** Live published meetings whose address is missing or names another meeting (an interrupted run): republished. */
  stale: string[];
  /**
   * Meetings whose replacement a killed run left half done: the old meeting still awaits deletion in the state. The
   * engine refuses a targeted up that would delete it without its URN, so the up targets it and finishes the job.
   */
  unfinished: string[];
  /** URNs for the targeted `up`; empty when nothing needs to change. */
  targets: string[];
}

/**
 * Which meetings need an `up` this round, and the exact URNs to target: those meetings, whatever depends
 * on them in the state (published addresses, replicas), their own addresses when published, and the stack
 * itself so its outputs follow. Pure.
 */
export function planRound(input: PlanInput): RoundPlan {
  const byName = new Map(input.declared.map((d) => [d.name, d]));
  const ended: string[] = [];
  const missing: string[] = [];
  const retired: string[] = [];
  const ignored: string[] = [];
  for (const [name] of input.beforeMeetings) {
    const phase = byName.get(name)?.phase;
    // Outside its window a meeting is never recreated; what is left of it (address, replicas) goes.
    if (phase !== undefined && phase !== "active") retired.push(name);
    else if (isLive(input.afterMeetings.get(name))) continue;
    else if (phase === "active") ended.push(name);
    else ignored.push(name);
  }
  const stale: string[] = [];
  for (const d of input.declared) {
    if (d.phase !== "active") continue;
    const found = input.afterMeetings.get(d.name);
    const live = isLive(found) ? found : undefined;
    if (!found && !input.beforeMeetings.has(d.name)) missing.push(d.name);
    if (live && d.publish === true && input.afterAddresses.get(d.name) !== live.id) stale.push(d.name);
  }
  const unfinished = [
    ...new Set((input.before.resources ?? []).filter((r) => isMeetingType(r.type) && r.delete === true).map((r) => r.urn)),
  ];
  const changing = [...ended, ...missing, ...retired];
  const result = { ended, missing, retired, ignored, stale, unfinished: unfinished.map(nameOfUrn) };
  if (changing.length === 0 && stale.length === 0 && unfinished.length === 0) return { ...result, targets: [] };

  // A meeting in the state is targeted by its own URN (any parent, either meeting type); one not yet in the
  // state can only be one this repository's program declares at top level, as a dynamic resource.
  const meetingUrn = (name: string) =>
    input.beforeMeetings.get(name)?.urn ?? resourceUrn(input.stack, input.project, DYNAMIC_MEETING_TYPE, name);
  const addressUrn = (name: string) => resourceUrn(input.stack, input.project, ADDRESS_TYPE, `${name}-address`);
  const roots = [...changing.map(meetingUrn), ...unfinished];
  const addresses = [...changing, ...stale].filter((n) => byName.get(n)?.publish === true).map(addressUrn);
  const candidates = [
    ...roots,
    ...addresses,
    ...dependentsOf(input.before, [...roots, ...addresses]),
    stackUrn(input.stack, input.project),
  ];
  // The engine refuses a target that is neither in the state nor registered by the program (e.g. a retired
  // meeting the refresh already dropped), so keep only those that exist or that the program will declare.
  const active = input.declared.filter((d) => d.phase === "active");
  const registered = new Set([
    ...active.map((d) => meetingUrn(d.name)),
    ...active.filter((d) => d.publish === true).map((d) => addressUrn(d.name)),
  ]);
  const targets = [...new Set(candidates)].filter((u) => input.afterUrns.has(u) || registered.has(u));
  return { ...result, targets };
}

/** `name: old id → new id` for each recreated meeting (the id after the up, or "(not created)"). */
export function recreationLines(names: string[], before: Map<string, StateMeeting>, after: Map<string, StateMeeting>): string[] {
  return names.map((n) => `${n}: ${before.get(n)?.id ?? "(none)"} → ${after.get(n)?.id ?? "(not created)"}`);
}
