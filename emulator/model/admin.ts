import type {
  AttendeeCapabilities, MeetingFeatures, NotificationsConfiguration, Tag,
} from "../../chime/types";
import { findAttendee } from "./attendees";
import type { MeetingStore } from "./store";

/** A meeting as the admin API shows it: everything the emulator knows, except join tokens. */
export interface AdminMeeting {
  meetingId: string;
  meetingArn: string;
  externalMeetingId: string;
  mediaRegion: string;
  controlRegion: string;
  primaryMeetingId?: string;
  meetingFeatures?: MeetingFeatures;
  tenantIds: string[];
  tags: Tag[];
  notificationsConfiguration?: NotificationsConfiguration;
  attendees: { attendeeId: string; externalUserId: string; capabilities: AttendeeCapabilities; joined: boolean }[];
  transcriptionActive: boolean;
  /** ISO-8601, emulator clock. */
  createdAt: string;
}

export function listMeetings(store: MeetingStore): AdminMeeting[] {
  return store.all().map((m) => ({
    meetingId: m.id,
    meetingArn: store.arnOf(m),
    externalMeetingId: m.s.externalMeetingId,
    mediaRegion: m.s.mediaRegion,
    controlRegion: m.s.controlRegion,
    primaryMeetingId: m.s.primaryMeetingId,
    meetingFeatures: m.s.meetingFeatures,
    tenantIds: m.s.tenantIds,
    tags: m.s.tags,
    notificationsConfiguration: m.s.notificationsConfiguration,
    attendees: [...m.attendees.values()].map((a) => ({
      attendeeId: a.attendeeId, externalUserId: a.externalUserId, capabilities: a.capabilities, joined: a.joined,
    })),
    transcriptionActive: m.s.transcription !== undefined,
    createdAt: new Date(m.s.createdAt).toISOString(),
  }));
}

/** Ends a meeting now, as if its time were up (MeetingEnded is recorded). */
export function expireMeeting(store: MeetingStore, meetingId: string): void {
  store.end(store.find(meetingId));
}

export function advanceClock(store: MeetingStore, seconds: number): void {
  store.o.clock.advance(seconds);
  store.commit([{ t: "clock", advancedMs: store.o.clock.advancedMs }]);
  store.sweep();
}

/** Simulates a client connecting (joined=true) or disconnecting; records AttendeeJoined / AttendeeLeft. */
export function setAttendeeJoined(store: MeetingStore, meetingId: string, attendeeId: string, joined: boolean): void {
  const m = store.find(meetingId);
  const a = findAttendee(m, attendeeId);
  const now = store.now();
  if (!m.setJoined(a, joined, now)) return;
  store.commit([{ t: "attendee", meetingId, a: { ...a }, idleSince: m.s.idleSince }]);
  store.o.events.connection(m, a, joined ? "chime:AttendeeJoined" : "chime:AttendeeLeft", now);
}

export function reset(store: MeetingStore): void {
  store.reset();
  store.o.events.clear();
}
