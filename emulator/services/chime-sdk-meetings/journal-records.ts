import type { Tag, TranscriptionConfiguration } from "../../../chime/types";
import { MAX_CLOCK_OFFSET_MS } from "../../core/clock";
import type { AttendeeState, MeetingSnapshot, StateChange } from "./model/types";
import { isJsonObject } from "../../core/json";

/**
 * How Chime SDK Meetings changes are written in the journal: one JSON object per line. The short keys
 * (`t`, `m`, `a`) are the on-disk format of every data directory written so far, so they stay; the model
 * works with StateChange and these two functions translate.
 */
export type JournalRecord =
  | { t: "meeting"; m: MeetingSnapshot }
  | { t: "attendee"; meetingId: string; a: AttendeeState; idleSince?: number }
  | { t: "attendeeDeleted"; meetingId: string; attendeeId: string; idleSince?: number }
  | { t: "meetingEnded"; meetingId: string }
  | { t: "tags"; meetingId: string; tags: Tag[] }
  | { t: "transcription"; meetingId: string; config?: TranscriptionConfiguration }
  | { t: "clock"; advancedMs: number }
  | { t: "reset" };

export function toRecord(c: StateChange): JournalRecord {
  switch (c.kind) {
    case "meeting":
      return { t: "meeting", m: c.meeting };
    case "attendee":
      return { t: "attendee", meetingId: c.meetingId, a: c.attendee, idleSince: c.idleSince };
    case "attendeeDeleted":
      return { t: "attendeeDeleted", meetingId: c.meetingId, attendeeId: c.attendeeId, idleSince: c.idleSince };
    case "meetingEnded":
      return { t: "meetingEnded", meetingId: c.meetingId };
    case "tags":
      return { t: "tags", meetingId: c.meetingId, tags: c.tags };
    case "transcription":
      return { t: "transcription", meetingId: c.meetingId, config: c.config };
    case "clock":
      return { t: "clock", advancedMs: c.advancedMs };
    case "reset":
      return { t: "reset" };
  }
}

function toChange(r: JournalRecord): StateChange {
  switch (r.t) {
    case "meeting":
      return { kind: "meeting", meeting: r.m };
    case "attendee":
      return { kind: "attendee", meetingId: r.meetingId, attendee: r.a, idleSince: r.idleSince };
    case "attendeeDeleted":
      return { kind: "attendeeDeleted", meetingId: r.meetingId, attendeeId: r.attendeeId, idleSince: r.idleSince };
    case "meetingEnded":
      return { kind: "meetingEnded", meetingId: r.meetingId };
    case "tags":
      return { kind: "tags", meetingId: r.meetingId, tags: r.tags };
    case "transcription":
      return { kind: "transcription", meetingId: r.meetingId, config: r.config };
    case "clock":
      return { kind: "clock", advancedMs: r.advancedMs };
    case "reset":
      return { kind: "reset" };
  }
}

/** A parsed journal line as a change, or why it is not a record this emulator wrote. */
export function decodeRecord(json: unknown): { record: StateChange } | { problem: string } {
  const problem = recordProblem(json);
  // recordProblem has checked every member the model reads, so the line is a JournalRecord.
  return problem === undefined ? { record: toChange(json as JournalRecord) } : { problem };
}

type Json = Record<string, unknown>;
const isObject: (v: unknown) => v is Json = isJsonObject;
const isString = (v: unknown): v is string => typeof v === "string";
const isTime = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const optional = (v: unknown, check: (x: unknown) => boolean) => v === undefined || check(v);

function attendeeProblem(a: unknown, at: string): string | undefined {
  if (!isObject(a)) return `${at} is not an object`;
  if (!isString(a.attendeeId) || !isString(a.externalUserId)) return `${at} needs string attendeeId and externalUserId`;
  const c = a.capabilities;
  if (!isObject(c) || !isString(c.audio) || !isString(c.video) || !isString(c.content))
    return `${at}.capabilities needs audio, video and content`;
  if (typeof a.joined !== "boolean") return `${at}.joined is not true or false`;
  return undefined;
}

function meetingProblem(m: unknown): string | undefined {
  if (!isObject(m)) return "m is not an object";
  for (const field of ["meetingId", "externalMeetingId", "mediaRegion", "controlRegion"]) {
    if (!isString(m[field])) return `m.${field} is not a string`;
  }
  if (!Array.isArray(m.tenantIds) || !m.tenantIds.every(isString)) return "m.tenantIds is not a list of strings";
  if (!Array.isArray(m.tags) || !m.tags.every((t) => isObject(t) && isString(t.key) && isString(t.value)))
    return "m.tags is not a list of tags";
  if (!isTime(m.createdAt) || !optional(m.idleSince, isTime)) return "m.createdAt or m.idleSince is not a time";
  if (!Array.isArray(m.attendees)) return "m.attendees is not a list";
  for (let i = 0; i < m.attendees.length; i++) {
    const problem = attendeeProblem(m.attendees[i], `m.attendees[${i}]`);
    if (problem) return problem;
  }
  return undefined;
}

/** Why `r` is not a journal record this emulator wrote, or undefined when it is one. */
function recordProblem(r: unknown): string | undefined {
  if (!isObject(r)) return `is ${JSON.stringify(r)?.slice(0, 40)}, not a record object`;
  const needsMeetingId = () => (isString(r.meetingId) ? undefined : "meetingId is not a string");
  switch (r.t) {
    case "meeting":
      return meetingProblem(r.m);
    case "attendee":
      return needsMeetingId() ?? attendeeProblem(r.a, "a") ?? (optional(r.idleSince, isTime) ? undefined : "idleSince is not a time");
    case "attendeeDeleted":
      return (
        needsMeetingId() ??
        (isString(r.attendeeId) ? undefined : "attendeeId is not a string") ??
        (optional(r.idleSince, isTime) ? undefined : "idleSince is not a time")
      );
    case "meetingEnded":
      return needsMeetingId();
    case "tags":
      return (
        needsMeetingId() ??
        (Array.isArray(r.tags) && r.tags.every((t) => isObject(t) && isString(t.key) && isString(t.value))
          ? undefined
          : "tags is not a list of tags")
      );
    case "transcription":
      return needsMeetingId() ?? (optional(r.config, isObject) ? undefined : "config is not an object");
    case "clock":
      return typeof r.advancedMs === "number" && r.advancedMs >= 0 && r.advancedMs <= MAX_CLOCK_OFFSET_MS
        ? undefined
        : `advancedMs must be a number from 0 to ${MAX_CLOCK_OFFSET_MS}`;
    case "reset":
      return undefined;
    default:
      return `has an unknown record type ${JSON.stringify(r.t)?.slice(0, 40)}`;
  }
}
