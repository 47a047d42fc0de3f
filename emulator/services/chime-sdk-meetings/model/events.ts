import { randomUUID } from "node:crypto";
import {
  EVENT_DETAIL_TYPE,
  EVENT_SOURCE,
  type ChimeEventDetail,
  type ChimeEventEnvelope,
  type ChimeEventType,
} from "../../../../chime/events";
import type { Meeting } from "./meeting";
import type { AttendeeState } from "./types";

/** Keeps memory bounded: the oldest envelopes are dropped past this many. */
const MAX_EVENTS = 50_000;

/**
 * Records the events a meeting with a NotificationsConfiguration would deliver to its targets, as
 * EventBridge envelopes (docs/API-NOTES.md#event-envelope). Meetings without one are not recorded (EventBridge-only delivery
 * is not emulated), which keeps large runs cheap.
 */
export class EventLog {
  private events: ChimeEventEnvelope[] = [];

  constructor(private readonly accountId: string) {}

  meeting(m: Meeting, eventType: "chime:MeetingStarted" | "chime:MeetingEnded", now: number): void {
    this.push(m, now, { ...this.base(m, eventType, now), eventType, externalMeetingId: m.state.externalMeetingId });
  }

  attendee(m: Meeting, a: AttendeeState, eventType: "chime:AttendeeAdded" | "chime:AttendeeDeleted", now: number): void {
    this.push(m, now, { ...this.base(m, eventType, now), eventType, attendeeId: a.attendeeId, externalUserId: a.externalUserId });
  }

  connection(m: Meeting, a: AttendeeState, eventType: "chime:AttendeeJoined" | "chime:AttendeeLeft", now: number): void {
    this.push(m, now, {
      ...this.base(m, eventType, now),
      eventType,
      attendeeId: a.attendeeId,
      externalUserId: a.externalUserId,
      networkType: "Voip",
    });
  }

  transcription(
    m: Meeting,
    eventType: "chime:TranscriptionStarted" | "chime:TranscriptionStopped",
    region: string,
    config: unknown,
    now: number,
  ): void {
    this.push(m, now, {
      ...this.base(m, eventType, now),
      eventType,
      externalMeetingId: m.state.externalMeetingId,
      transcriptionRegion: region,
      transcriptionConfiguration: config,
    });
  }

  list(meetingId?: string): ChimeEventEnvelope[] {
    return meetingId === undefined ? [...this.events] : this.events.filter((e) => e.detail.meetingId === meetingId);
  }

  clear(): void {
    this.events = [];
  }

  private base(m: Meeting, eventType: ChimeEventType, now: number) {
    return { version: "0" as const, eventType, timestamp: now, meetingId: m.id, mediaRegion: m.state.mediaRegion };
  }

  private push(m: Meeting, now: number, detail: ChimeEventDetail): void {
    if (!m.state.notificationsConfiguration) return;
    this.events.push({
      version: "0",
      id: randomUUID(),
      "detail-type": EVENT_DETAIL_TYPE,
      source: EVENT_SOURCE,
      account: this.accountId,
      time: new Date(now).toISOString(),
      region: m.state.controlRegion,
      resources: [],
      detail,
    });
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
  }
}
