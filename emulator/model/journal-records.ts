import type { Tag, TranscriptionConfiguration } from "../../chime/types";
import type { AttendeeState, MeetingSnapshot } from "./meeting";

/** One durable change. Records are domain data only: no wire format, no join tokens. */
export type JournalRecord =
  | { t: "meeting"; m: MeetingSnapshot }
  | { t: "attendee"; meetingId: string; a: AttendeeState; idleSince?: number }
  | { t: "attendeeDeleted"; meetingId: string; attendeeId: string; idleSince?: number }
  | { t: "meetingEnded"; meetingId: string }
  | { t: "tags"; meetingId: string; tags: Tag[] }
  | { t: "transcription"; meetingId: string; config?: TranscriptionConfiguration }
  | { t: "clock"; advancedMs: number }
  | { t: "reset" };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";
const isTime = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const optional = (v: unknown, check: (x: unknown) => boolean) => v === undefined || check(v);

/** Largest clock offset a record may carry: far beyond any test, far below what breaks Date (±8.64e15 ms). */
export const MAX_CLOCK_OFFSET_MS = 100 * 365 * 24 * 3600 * 1000;

function attendeeProblem(a: unknown, at: string): string | undefined {
  if (!isObject(a)) return `${at} is not an object`;
  if (!isString(a.attendeeId) || !isString(a.externalUserId)) return `${at} needs string attendeeId and externalUserId`;
  const c = a.capabilities;
  if (!isObject(c) || !isString(c.audio) || !isString(c.video) || !isString(c.content)) return `${at}.capabilities needs audio, video and content`;
  if (typeof a.joined !== "boolean") return `${at}.joined is not true or false`;
  return undefined;
}

function meetingProblem(m: unknown): string | undefined {
  if (!isObject(m)) return "m is not an object";
  for (const field of ["meetingId", "externalMeetingId", "mediaRegion", "controlRegion"]) {
    if (!isString(m[field])) return `m.${field} is not a string`;
  }
  if (!Array.isArray(m.tenantIds) || !m.tenantIds.every(isString)) return "m.tenantIds is not a list of strings";
  if (!Array.isArray(m.tags) || !m.tags.every((t) => isObject(t) && isString(t.key) && isString(t.value))) return "m.tags is not a list of tags";
  if (!isTime(m.createdAt) || !optional(m.idleSince, isTime)) return "m.createdAt or m.idleSince is not a time";
  if (!Array.isArray(m.attendees)) return "m.attendees is not a list";
  for (let i = 0; i < m.attendees.length; i++) {
    const problem = attendeeProblem(m.attendees[i], `m.attendees[${i}]`);
    if (problem) return problem;
  }
  return undefined;
}

/** Why `r` is not a journal record this emulator wrote, or undefined when it is one. */
export function recordProblem(r: unknown): string | undefined {
  if (!isObject(r)) return `is ${JSON.stringify(r)?.slice(0, 40)}, not a record object`;
  const needsMeetingId = () => (isString(r.meetingId) ? undefined : "meetingId is not a string");
  switch (r.t) {
    case "meeting": return meetingProblem(r.m);
    case "attendee": return needsMeetingId() ?? attendeeProblem(r.a, "a") ?? (optional(r.idleSince, isTime) ? undefined : "idleSince is not a time");
    case "attendeeDeleted":
      return needsMeetingId() ?? (isString(r.attendeeId) ? undefined : "attendeeId is not a string") ??
        (optional(r.idleSince, isTime) ? undefined : "idleSince is not a time");
    case "meetingEnded": return needsMeetingId();
    case "tags": return needsMeetingId() ?? (Array.isArray(r.tags) && r.tags.every((t) => isObject(t) && isString(t.key) && isString(t.value)) ? undefined : "tags is not a list of tags");
    case "transcription": return needsMeetingId() ?? (optional(r.config, isObject) ? undefined : "config is not an object");
    case "clock":
      return typeof r.advancedMs === "number" && r.advancedMs >= 0 && r.advancedMs <= MAX_CLOCK_OFFSET_MS
        ? undefined : `advancedMs must be a number from 0 to ${MAX_CLOCK_OFFSET_MS}`;
    case "reset": return undefined;
    default: return `has an unknown record type ${JSON.stringify(r.t)?.slice(0, 40)}`;
  }
}
