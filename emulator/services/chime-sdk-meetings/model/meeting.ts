import { LIMITS } from "../../../../chime/limits";
import type { AttendeeCapabilities } from "../../../../chime/types";
import type { AttendeeState, MeetingSnapshot, MeetingState, MeetingView } from "./types";

const interned = new Map<string, AttendeeCapabilities>();

/** Capabilities are shared frozen objects: 64 combinations serve any number of attendees. */
function internCapabilities(c: AttendeeCapabilities): AttendeeCapabilities {
  const key = `${c.audio}|${c.video}|${c.content}`;
  let shared = interned.get(key);
  if (!shared) {
    shared = Object.freeze({ audio: c.audio, video: c.video, content: c.content });
    interned.set(key, shared);
  }
  return shared;
}

/** A live meeting: its attendees, tags, transcription and the timers of its lifecycle. */
export class Meeting {
  readonly attendees = new Map<string, AttendeeState>();
  private joinedCount = 0;
  /** GetMeeting's answer never changes for a live meeting, so it is built once, on first read. */
  cachedView?: MeetingView;

  constructor(readonly state: MeetingState) {}

  get id(): string {
    return this.state.meetingId;
  }

  get isReplica(): boolean {
    return this.state.primaryMeetingId !== undefined;
  }

  get joined(): number {
    return this.joinedCount;
  }

  /** A scan, not an index: at most 250 attendees, and one Map less per meeting keeps large runs small. */
  attendeeByExternalUserId(externalUserId: string): AttendeeState | undefined {
    for (const a of this.attendees.values()) if (a.externalUserId === externalUserId) return a;
    return undefined;
  }

  addAttendee(a: AttendeeState): AttendeeState {
    const state = { ...a, capabilities: internCapabilities(a.capabilities) };
    this.attendees.set(a.attendeeId, state);
    if (a.joined) this.joinedCount++;
    return state;
  }

  /** Adds an attendee or replaces the one with its id in place (the listing order stays the order of creation). */
  putAttendee(a: AttendeeState): AttendeeState {
    const previous = this.attendees.get(a.attendeeId);
    if (!previous) return this.addAttendee(a);
    const state = { ...a, capabilities: internCapabilities(a.capabilities) };
    this.joinedCount += Number(state.joined) - Number(previous.joined);
    this.attendees.set(a.attendeeId, state);
    return state;
  }

  removeAttendee(attendeeId: string, now: number): AttendeeState | undefined {
    const a = this.attendees.get(attendeeId);
    if (!a) return undefined;
    if (a.joined) this.setJoined(a, false, now);
    this.attendees.delete(attendeeId);
    return a;
  }

  /** Joined attendees keep a meeting alive; the idle timer restarts when the last one leaves. */
  setJoined(a: AttendeeState, joined: boolean, now: number): boolean {
    if (a.joined === joined) return false;
    a.joined = joined;
    this.joinedCount += joined ? 1 : -1;
    this.state.idleSince = this.joinedCount === 0 ? now : undefined;
    return true;
  }

  /**
   * When the meeting ends by itself (docs/API-NOTES.md#meeting-lifecycle): 24 h after creation, or 5 min after it became idle.
   * Replicas end only with their primary.
   */
  deadline(): number {
    if (this.isReplica) return Infinity;
    const maxAge = this.state.createdAt + LIMITS.maxDurationSeconds * 1000;
    const idle = this.state.idleSince === undefined ? Infinity : this.state.idleSince + LIMITS.idleEndSeconds * 1000;
    return Math.min(maxAge, idle);
  }

  snapshot(): MeetingSnapshot {
    return { ...this.state, attendees: [...this.attendees.values()].map((a) => ({ ...a })) };
  }

  static fromSnapshot(snap: MeetingSnapshot): Meeting {
    const { attendees, ...fields } = snap;
    const m = new Meeting(fields);
    for (const a of attendees) m.addAttendee(a);
    return m;
  }
}
