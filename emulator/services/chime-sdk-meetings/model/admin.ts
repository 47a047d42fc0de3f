import type { AttendeeCapabilities, MeetingFeatures, NotificationsConfiguration, Tag } from "../../../../chime/types";
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
    externalMeetingId: m.state.externalMeetingId,
    mediaRegion: m.state.mediaRegion,
    controlRegion: m.state.controlRegion,
    primaryMeetingId: m.state.primaryMeetingId,
    meetingFeatures: m.state.meetingFeatures,
    tenantIds: m.state.tenantIds,
    tags: m.state.tags,
    notificationsConfiguration: m.state.notificationsConfiguration,
    attendees: [...m.attendees.values()].map((a) => ({
      attendeeId: a.attendeeId,
      externalUserId: a.externalUserId,
      capabilities: a.capabilities,
      joined: a.joined,
    })),
    transcriptionActive: m.state.transcription !== undefined,
    createdAt: new Date(m.state.createdAt).toISOString(),
  }));
}

/** Ends a meeting now, as if its time were up (MeetingEnded is recorded). */
export function expireMeeting(store: MeetingStore, meetingId: string): void {
  store.end(store.find(meetingId));
}

/** Moves the clock forward (checked first, so a refused value is neither applied nor journaled), then ends what is due. */
export function advanceClock(store: MeetingStore, seconds: unknown): void {
  store.commit([{ kind: "clock", advancedMs: store.clock.advancedAfter(seconds) }]);
  store.sweep();
}

/** Simulates a client connecting (joined=true) or disconnecting; records AttendeeJoined / AttendeeLeft. */
export function setAttendeeJoined(store: MeetingStore, meetingId: string, attendeeId: string, joined: boolean): void {
  const m = store.find(meetingId);
  const a = findAttendee(m, attendeeId);
  const now = store.now();
  if (a.joined === joined) return;
  // The same timer rule as Meeting.setJoined: idle from the moment nobody is joined.
  const idleSince = m.joined + (joined ? 1 : -1) === 0 ? now : undefined;
  store.commit([{ kind: "attendee", meetingId, attendee: { ...a, joined }, idleSince }]);
  store.events.connection(m, findAttendee(m, attendeeId), joined ? "chime:AttendeeJoined" : "chime:AttendeeLeft", now);
}

export function reset(store: MeetingStore): void {
  store.reset();
  store.events.clear();
}
