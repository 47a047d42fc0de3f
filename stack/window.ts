import type { Violation } from "../chime/violation";
import { isObject } from "../chime/checks";

/** A meeting's active window: the program declares it (and the keeper holds it) only while start <= now < end. */
export interface MeetingWindow {
  /** ISO 8601 date-time with a time zone, e.g. "2026-12-01T08:00:00Z". */
  start: string;
  end: string;
}

/**
 * Test hook: `CHIME_MEETINGS_NOW=<ISO date-time>` replaces the wall clock for window decisions in the
 * program and the keeper. Never set it in production.
 */
export const NOW_ENV = "CHIME_MEETINGS_NOW";

// A time zone is required: "08:00" without one would mean different instants on different machines.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function instant(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime(); // YAML parsers may hand over an unquoted timestamp as a Date
  if (typeof value !== "string" || !ISO_DATE_TIME.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

const DATE_TIME_RULE = 'must be an ISO 8601 date-time with a time zone, e.g. "2026-12-01T08:00:00Z"';

/** Problems with a `window` setting; paths are relative to the meeting ("window.start"). */
export function windowViolations(raw: unknown): Violation[] {
  if (raw === undefined) return [];
  if (!isObject(raw)) {
    return [{ path: "window", value: raw, rule: "must be a map with start and end (ISO 8601 date-times)" }];
  }
  const w = raw;
  const out: Violation[] = [];
  for (const key of Object.keys(w)) {
    if (key !== "start" && key !== "end")
      out.push({ path: `window.${key}`, value: w[key], rule: "is not a window setting (known: start, end)" });
  }
  const start = instant(w.start);
  const end = instant(w.end);
  if (start === undefined) out.push({ path: "window.start", value: w.start, rule: DATE_TIME_RULE });
  if (end === undefined) out.push({ path: "window.end", value: w.end, rule: DATE_TIME_RULE });
  if (start !== undefined && end !== undefined && end <= start)
    out.push({ path: "window.end", value: w.end, rule: `must be later than window.start (${String(w.start)})` });
  return out;
}

/** Normalises a validated window (Dates from YAML become ISO strings). */
export function toWindow(raw: unknown): MeetingWindow | undefined {
  if (!isObject(raw)) return undefined;
  const w = raw;
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
  return { start: iso(w.start), end: iso(w.end) };
}

export type WindowPhase = "before" | "active" | "after";

/** Where `now` falls relative to the window; a meeting without a window is always active. */
export function windowPhase(window: MeetingWindow | undefined, now: Date): WindowPhase {
  if (!window) return "active";
  const t = now.getTime();
  if (t < Date.parse(window.start)) return "before";
  return t < Date.parse(window.end) ? "active" : "after";
}

/** "now" for window decisions: CHIME_MEETINGS_NOW when set (tests), else the wall clock. */
export function currentTime(env: NodeJS.ProcessEnv = process.env): Date {
  const raw = env[NOW_ENV];
  if (raw === undefined || raw === "") return new Date();
  const ms = instant(raw);
  if (ms === undefined) throw new Error(`${NOW_ENV}: value ${JSON.stringify(raw)} ${DATE_TIME_RULE}`);
  return new Date(ms);
}

/**
 * The meetings to declare now: those inside their window. A replica follows its primary: when the
 * primary is outside its window the replica is not declared either (it could not exist without it).
 */
export function activeMeetings<T extends { name: string; window?: MeetingWindow; primary?: string }>(decls: T[], now: Date): T[] {
  const active = new Set(decls.filter((d) => windowPhase(d.window, now) === "active").map((d) => d.name));
  return decls.filter((d) => active.has(d.name) && (d.primary === undefined || active.has(d.primary)));
}
