import type { MediaPlacement } from "../meeting/types";

/** The meeting's join information as published: AWS's own `Meeting` shape, so clients use it as is. */
export interface PublishedMeeting {
  MeetingId: string;
  MeetingArn: string;
  MediaRegion: string;
  MediaPlacement: Record<string, string>;
}

const PLACEMENT_WIRE_NAMES: [keyof MediaPlacement, string][] = [
  ["audioHostUrl", "AudioHostUrl"],
  ["audioFallbackUrl", "AudioFallbackUrl"],
  ["signalingUrl", "SignalingUrl"],
  ["turnControlUrl", "TurnControlUrl"],
  ["screenDataUrl", "ScreenDataUrl"],
  ["screenViewingUrl", "ScreenViewingUrl"],
  ["screenSharingUrl", "ScreenSharingUrl"],
  ["eventIngestionUrl", "EventIngestionUrl"],
];

/**
 * The parameter value: `{ MeetingId, MeetingArn, MediaRegion, MediaPlacement }` as JSON with a fixed key order,
 * so the same meeting always gives the same text (no spurious updates). Never join tokens: applications
 * create their own attendees with CreateAttendee on MeetingId.
 */
export function addressValue(m: { meetingId: string; meetingArn: string; mediaRegion: string; mediaPlacement: MediaPlacement }): string {
  const placement: Record<string, string> = {};
  for (const [from, to] of PLACEMENT_WIRE_NAMES) {
    const url = m.mediaPlacement?.[from];
    if (url !== undefined) placement[to] = url;
  }
  const published: PublishedMeeting = {
    MeetingId: m.meetingId,
    MeetingArn: m.meetingArn,
    MediaRegion: m.mediaRegion,
    MediaPlacement: placement,
  };
  return JSON.stringify(published);
}
