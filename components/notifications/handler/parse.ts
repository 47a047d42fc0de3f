import type { ChimeEventDetail, ChimeEventType } from "../../../chime/events";
import { EVENT_DETAIL_TYPE, EVENT_SOURCE, isChimeEventType } from "../../../chime/events";
import { isObject } from "../../../chime/checks";
import type { ChimeMeetingEvent } from "./event";

type Json = Record<string, unknown>;

/** Fields every detail carries (docs/API-NOTES.md#event-envelope). */
const COMMON_FIELDS = ["version", "meetingId", "mediaRegion"] as const;
const MEETING = ["externalMeetingId"] as const;
const ATTENDEE = ["attendeeId", "externalUserId"] as const;
const CONNECTION = ["attendeeId", "externalUserId", "networkType"] as const;
const TRANSCRIPTION = ["externalMeetingId", "transcriptionRegion"] as const;

/**
 * Extra string fields per event type (docs/API-NOTES.md#event-envelope). Keyed by ChimeEventType so a type added to chime/events.ts
 * fails compilation here until its fields are listed.
 */
export const REQUIRED_DETAIL_FIELDS: Record<ChimeEventType, readonly string[]> = {
  "chime:MeetingStarted": MEETING,
  "chime:MeetingEnded": MEETING,
  "chime:AttendeeAdded": ATTENDEE,
  "chime:AttendeeDeleted": ATTENDEE,
  "chime:AttendeeAuthorized": ATTENDEE,
  "chime:AttendeeJoined": CONNECTION,
  "chime:AttendeeLeft": CONNECTION,
  "chime:AttendeeDropped": CONNECTION,
  "chime:AttendeeVideoStarted": ATTENDEE,
  "chime:AttendeeVideoStopped": ATTENDEE,
  "chime:AttendeeContentJoined": CONNECTION,
  "chime:AttendeeContentLeft": CONNECTION,
  "chime:AttendeeContentDropped": CONNECTION,
  "chime:AttendeeContentVideoStarted": ATTENDEE,
  "chime:AttendeeContentVideoStopped": ATTENDEE,
  "chime:TranscriptionStarted": TRANSCRIPTION,
  "chime:TranscriptionStopped": TRANSCRIPTION,
  "chime:TranscriptionInterrupted": TRANSCRIPTION,
  "chime:TranscriptionResumed": TRANSCRIPTION,
  "chime:TranscriptionFailed": [...TRANSCRIPTION, "message"],
};

export type ParseResult = { ok: true; event: ChimeMeetingEvent } | { ok: false; reason: string };

function fail(reason: string): ParseResult {
  return { ok: false, reason };
}

/** Problems with a detail object, as `detail.<field>` sentences; empty when valid. */
export function detailProblems(detail: Json): string[] {
  if (!isChimeEventType(detail.eventType)) {
    return [`detail.eventType: value ${JSON.stringify(detail.eventType) ?? "undefined"} is not a Chime meeting event type`];
  }
  const problems: string[] = [];
  for (const field of [...COMMON_FIELDS, ...REQUIRED_DETAIL_FIELDS[detail.eventType]]) {
    const value = detail[field];
    if (typeof value !== "string" || value.length === 0) {
      problems.push(`detail.${field}: value ${JSON.stringify(value) ?? "undefined"} must be a non-empty string`);
    }
  }
  if (typeof detail.timestamp !== "number" || !Number.isInteger(detail.timestamp) || detail.timestamp < 0) {
    problems.push(`detail.timestamp: value ${JSON.stringify(detail.timestamp) ?? "undefined"} must be epoch milliseconds`);
  }
  if (detail.eventType.startsWith("chime:Transcription") && detail.transcriptionConfiguration === undefined) {
    problems.push("detail.transcriptionConfiguration: value undefined is required for transcription events");
  }
  return problems;
}

/** A detail in which detailProblems found nothing has every field its event type declares. */
function isCheckedDetail(detail: Json, problems: readonly string[]): detail is Json & ChimeEventDetail {
  return problems.length === 0;
}

/** Idempotency key for payloads without an envelope id: the fields that identify one occurrence. */
export function detailFingerprint(detail: ChimeEventDetail): string {
  const attendee = "attendeeId" in detail ? detail.attendeeId : "";
  return `${detail.eventType}/${detail.meetingId}/${attendee}/${detail.timestamp}`;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** Validates an EventBridge-shaped meeting event (docs/API-NOTES.md#event-envelope) and types its detail. */
export function parseChimeEvent(payload: unknown): ParseResult {
  if (!isObject(payload)) return fail("payload: must be a JSON object");
  if (payload.source !== EVENT_SOURCE) {
    return fail(`source: value ${JSON.stringify(payload.source) ?? "undefined"} must be "${EVENT_SOURCE}"`);
  }
  if (payload["detail-type"] !== EVENT_DETAIL_TYPE) {
    return fail(`detail-type: value ${JSON.stringify(payload["detail-type"]) ?? "undefined"} must be "${EVENT_DETAIL_TYPE}"`);
  }
  if (!isObject(payload.detail)) return fail("detail: must be a JSON object");
  const detail = payload.detail;
  const problems = detailProblems(detail);
  if (!isCheckedDetail(detail, problems)) return fail(problems.join("; "));
  return {
    ok: true,
    event: {
      eventId: optionalString(payload.id) ?? detailFingerprint(detail),
      account: optionalString(payload.account),
      region: optionalString(payload.region),
      time: optionalString(payload.time),
      detail,
    },
  };
}
