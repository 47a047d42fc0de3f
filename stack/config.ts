import { LIMITS } from "../chime/limits";
import { formatViolation, type Violation } from "../chime/validate";
import { meetingViolations as providerViolations } from "../components/meeting/check";
import type { MeetingInputs } from "../components/meeting/types";
import { publishViolations } from "./publish";
import { toWindow, windowViolations, type MeetingWindow } from "./window";
import { isObject } from "../chime/checks";
import { DECLARED_FIELDS } from "../components/meeting/compare";

/** Stack config keys of this project. */
export const MEETINGS_KEY = "chime-meetings:meetings";
export const REGION_KEY = "chime-meetings:region";

/** One meeting as declared under `chime-meetings:meetings.<name>`. */
export interface MeetingDeclaration extends Omit<MeetingInputs, "idempotencySeed" | "clientRequestToken"> {
  /** The logical name (map key); also the Pulumi resource name. `externalMeetingId` defaults to it. */
  name: string;
  /** The logical name of another declared meeting this one replicates (`primaryMeetingId` is a literal one). */
  primary?: string;
  /** Opt in to the stack's notification targets (see stack/notifications.ts). */
  notifications?: boolean;
  /** Publish the current meeting's join information to SSM `/chime-meetings/<stack>/<name>` (stack/publish.ts). */
  publish?: boolean;
  /** Declare the meeting only while start <= now < end (stack/window.ts). */
  window?: MeetingWindow;
}

/** A meeting's settings: the Meeting's declared inputs, then what the stack adds (by name, per meeting). */
const SETTINGS = [...DECLARED_FIELDS.filter((f) => f !== "region"), "primary", "region", "notifications", "publish", "window"] as const;

/** Thrown for invalid stack config; the message lists every problem with its full config key path. */
export class StackConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid stack config:\n  ${problems.join("\n  ")}`);
    this.name = "StackConfigError";
  }
}

/** YAML turns `year: 2026` into a number; tag values are strings to the API, so scalars are stringified. */
function tagMap(value: unknown, at: string, out: Violation[]): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    out.push({ path: at, value, rule: "must be a map of tag key to tag value" });
    return undefined;
  }
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") tags[k] = String(v);
    else out.push({ path: `${at}.${k}`, value: v, rule: "must be a string" });
  }
  return tags;
}

/**
 * One meeting's settings checked with the provider's own check() rules (all from chime/), plus what only
 * the config has: unknown settings, scalar tag values, and the notifications opt-in.
 */
function meetingViolations(raw: Record<string, unknown>, defaultRegion: string | undefined): Violation[] {
  const out: Violation[] = [];
  for (const key of Object.keys(raw)) {
    if (!(SETTINGS as readonly string[]).includes(key))
      out.push({ path: key, value: raw[key], rule: `is not a meeting setting (known: ${SETTINGS.join(", ")})` });
  }
  const tags = tagMap(raw.tags, "tags", out);
  if (raw.region !== undefined && typeof raw.region !== "string") out.push({ path: "region", value: raw.region, rule: "must be a string" });
  const region = typeof raw.region === "string" ? raw.region : defaultRegion;
  for (const v of providerViolations({ ...raw, tags } as MeetingInputs, region)) {
    // Without a region in config the provider resolves one later (aws:region, the environment).
    if (region === undefined && v.path === "region") continue;
    out.push(v.path === "region" && raw.region === undefined ? { ...v, path: REGION_KEY } : v);
  }
  if (raw.notifications !== undefined && typeof raw.notifications !== "boolean") {
    out.push({ path: "notifications", value: raw.notifications, rule: "must be true or false" });
  }
  if (raw.notifications === true && raw.notificationsConfiguration !== undefined) {
    out.push({ path: "notifications", value: true, rule: "cannot be combined with notificationsConfiguration; choose one" });
  }
  return out;
}

function replicaViolations(decls: Map<string, Record<string, unknown>>): { name: string; v: Violation }[] {
  const out: { name: string; v: Violation }[] = [];
  const replicas = new Map<string, number>();
  for (const [name, raw] of decls) {
    const primary = raw.primary;
    if (primary === undefined) continue;
    const issue = (rule: string) => out.push({ name, v: { path: "primary", value: primary, rule } });
    if (typeof primary !== "string") issue("must be the logical name of another meeting in chime-meetings:meetings");
    else if (raw.primaryMeetingId !== undefined) issue("cannot be combined with primaryMeetingId; choose one");
    else if (primary === name) issue("must name another meeting, not the meeting itself");
    else if (!decls.has(primary)) issue(`must name a meeting declared in ${MEETINGS_KEY} (declared: ${[...decls.keys()].join(", ")})`);
    else if (decls.get(primary)?.primary !== undefined || decls.get(primary)?.primaryMeetingId !== undefined) {
      issue("must name a primary meeting; a replica cannot be the primary of another replica");
    } else {
      const count = (replicas.get(primary) ?? 0) + 1;
      replicas.set(primary, count);
      if (count > LIMITS.replicasPerPrimary) issue(`exceeds ${LIMITS.replicasPerPrimary} replicas per primary meeting`);
    }
  }
  return out;
}

function toDeclaration(name: string, raw: Record<string, unknown>): MeetingDeclaration {
  const decl = { ...raw, name, externalMeetingId: (raw.externalMeetingId as string | undefined) ?? name } as MeetingDeclaration;
  const tags = tagMap(raw.tags, "tags", []);
  if (tags) decl.tags = tags;
  if (raw.window !== undefined) decl.window = toWindow(raw.window);
  return decl;
}

/**
 * Parses `chime-meetings:meetings` (a map of logical name → meeting settings) and checks it with the
 * API's rules from chime/ before any resource is declared, so bad config fails the preview. Every
 * problem is reported with its full key path, e.g.
 * `chime-meetings:meetings.townhall.meetingFeatures.attendee.maxCount: value 300 must be an integer from 1 to 250`.
 */
export function parseMeetings(raw: unknown, defaultRegion?: string): MeetingDeclaration[] {
  if (raw === undefined || raw === null) return [];
  if (!isObject(raw))
    throw new StackConfigError([
      formatViolation({ path: MEETINGS_KEY, value: raw, rule: "must be a map of meeting name to meeting settings" }),
    ]);
  const problems: string[] = [];
  const decls = new Map<string, Record<string, unknown>>();
  for (const [name, settings] of Object.entries(raw)) {
    const at = `${MEETINGS_KEY}.${name}`;
    if (!isObject(settings)) {
      problems.push(formatViolation({ path: at, value: settings, rule: "must be a map of meeting settings" }));
      continue;
    }
    const withDefaults = { ...settings, externalMeetingId: settings.externalMeetingId ?? name };
    decls.set(name, settings);
    for (const v of [
      ...meetingViolations(withDefaults, defaultRegion),
      ...publishViolations(name, settings.publish),
      ...windowViolations(settings.window),
    ]) {
      problems.push(formatViolation({ ...v, path: v.path === REGION_KEY ? REGION_KEY : `${at}.${v.path}` }));
    }
  }
  for (const { name, v } of replicaViolations(decls)) problems.push(formatViolation({ ...v, path: `${MEETINGS_KEY}.${name}.${v.path}` }));
  if (problems.length > 0) throw new StackConfigError([...new Set(problems)]);
  return [...decls].map(([name, settings]) => toDeclaration(name, settings));
}

/** Primaries before their replicas, otherwise in declaration order. */
export function creationOrder(decls: MeetingDeclaration[]): MeetingDeclaration[] {
  return [...decls.filter((d) => d.primary === undefined), ...decls.filter((d) => d.primary !== undefined)];
}
