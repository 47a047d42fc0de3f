import { LIMITS } from "./limits";
import type { AttendeeCapabilities, MeetingFeatures } from "./types";

/** Video FHD or content UHD lowers the attendee ceiling to 25 and makes MaxCount mandatory (docs/API-NOTES.md#meeting-features). */
export function isHighResolution(features?: MeetingFeatures): boolean {
  return features?.video?.maxResolution === "FHD" || features?.content?.maxResolution === "UHD";
}

/** Most attendees a meeting may hold: 25 with video FHD or content UHD, else 250, and never above MaxCount. */
export function attendeeCeiling(features?: MeetingFeatures): number {
  const base = isHighResolution(features) ? LIMITS.highResolutionCeiling : LIMITS.perMeeting;
  const maxCount = features?.attendee?.maxCount;
  return typeof maxCount === "number" && Number.isInteger(maxCount) && maxCount >= 1 ? Math.min(base, maxCount) : base;
}

/**
 * Capabilities given to an attendee created without any (docs/API-NOTES.md#attendee-capabilities): SendReceive everywhere, except
 * video None + content allowed → video Receive, content SendReceive (documented). For the cases the docs
 * leave open (content None, or both None) the defaults respect the meeting's features: a disabled
 * channel defaults to None (UNCONFIRMED, see docs/API-NOTES.md#unconfirmed-choices).
 */
export function defaultCapabilities(features?: MeetingFeatures): AttendeeCapabilities {
  const videoOff = features?.video?.maxResolution === "None";
  const contentOff = features?.content?.maxResolution === "None";
  if (videoOff && !contentOff) return { audio: "SendReceive", video: "Receive", content: "SendReceive" };
  return {
    audio: "SendReceive",
    video: videoOff ? "None" : "SendReceive",
    content: contentOff ? "None" : "SendReceive",
  };
}
