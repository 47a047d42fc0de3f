import type { AttendeeCapabilities, MeetingFeatures } from "../../chime/types";
import type { Violation } from "../../chime/violation";
import { mediaPlacementFor, type MediaPlacement } from "./media-placement";
import type { AttendeeState, Meeting } from "./meeting";
import type { MeetingStore } from "./store";

/** What the API returns for a meeting (GetMeeting's Meeting shape: no tags, no notification settings). */
export interface MeetingView {
  meetingId: string;
  meetingHostId?: string;
  externalMeetingId: string;
  mediaRegion: string;
  mediaPlacement: MediaPlacement;
  meetingFeatures?: MeetingFeatures;
  primaryMeetingId?: string;
  tenantIds: string[];
  meetingArn: string;
}

export interface AttendeeView {
  externalUserId: string;
  attendeeId: string;
  joinToken: string;
  capabilities: AttendeeCapabilities;
}

/** A per-item failure of CreateMeetingWithAttendees / BatchCreateAttendee. */
export interface AttendeeError {
  externalUserId: string;
  errorCode: string;
  violations: Violation[];
}

export function meetingView(store: MeetingStore, m: Meeting): MeetingView {
  const s = m.s;
  return {
    meetingId: s.meetingId,
    meetingHostId: s.meetingHostId,
    externalMeetingId: s.externalMeetingId,
    mediaRegion: s.mediaRegion,
    mediaPlacement: mediaPlacementFor(s.meetingId, s.mediaRegion),
    meetingFeatures: s.meetingFeatures,
    primaryMeetingId: s.primaryMeetingId,
    tenantIds: s.tenantIds,
    meetingArn: store.arnOf(m),
  };
}

/** The meeting view, built once per meeting on first read (hot path of GetMeeting). */
export function cachedMeetingView(store: MeetingStore, m: Meeting): MeetingView {
  return (m.cachedView ??= meetingView(store, m));
}

export function attendeeView(store: MeetingStore, m: Meeting, a: AttendeeState): AttendeeView {
  return {
    externalUserId: a.externalUserId,
    attendeeId: a.attendeeId,
    joinToken: store.o.minter.mint(m.id, a.attendeeId),
    capabilities: a.capabilities,
  };
}
