import { LIMITS } from "../../chime/limits";
import type { LoggedRequest } from "../../emulator";

const CREATE_OPERATIONS = new Set(["CreateMeeting", "CreateMeetingWithAttendees"]);

/** The fewest calls the API allows to create a meeting with k attendees: one call carries 20, then 100 per batch. */
export function minimumCreateCalls(k: number): number {
  const rest = Math.max(0, k - LIMITS.createWithAttendeesBatch);
  return 1 + Math.ceil(rest / LIMITS.batchCreateAttendee);
}

/** The fewest reads for a refresh of one meeting: GetMeeting + one ListAttendees page per 100 (at least one). */
export function minimumRefreshReads(k: number): number {
  return 1 + Math.max(1, Math.ceil(k / LIMITS.maxResults.max));
}

export function countByOperation(requests: LoggedRequest[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of requests) out[r.operation] = (out[r.operation] ?? 0) + 1;
  return out;
}

export function writes(requests: LoggedRequest[]): LoggedRequest[] {
  return requests.filter((r) => r.method !== "GET");
}

/**
 * API calls each meeting's create took: one create call per meeting (checked) plus the BatchCreateAttendee calls
 * whose path names the meeting. Keyed by the meeting's attendee count as the emulator holds it.
 */
export function callsPerCreate(requests: LoggedRequest[], meetings: { meetingId: string; attendees: unknown[] }[]): Map<number, string[]> {
  const creates = requests.filter((r) => CREATE_OPERATIONS.has(r.operation));
  if (creates.length !== meetings.length) throw new Error(`${creates.length} create calls for ${meetings.length} meetings`);
  const out = new Map<number, string[]>();
  for (const m of meetings) {
    const batches = requests.filter((r) => r.operation === "BatchCreateAttendee" && r.path.includes(m.meetingId)).map((r) => r.operation);
    const created = m.attendees.length === 0 ? "CreateMeeting" : "CreateMeetingWithAttendees";
    out.set(m.attendees.length, [created, ...batches]);
  }
  return out;
}
