import { mediaPlacementFor } from "./media-placement";
import type { Meeting } from "./meeting";
import type { MeetingStore } from "./store";
import type { AttendeeState, AttendeeView, MeetingView } from "./types";

export function meetingView(store: MeetingStore, m: Meeting): MeetingView {
  const s = m.state;
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
    joinToken: store.minter.mint(m.id, a.attendeeId),
    capabilities: a.capabilities,
  };
}
