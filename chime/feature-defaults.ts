import type { MeetingFeatures } from "./types";

/** Documented defaults of MeetingFeatures (docs/API-NOTES.md#meeting-features): video HD, content FHD. */
export const FEATURE_DEFAULTS = { videoMaxResolution: "HD", contentMaxResolution: "FHD" } as const;

/**
 * The features a meeting effectively has: documented defaults filled in and empty sections dropped, so that
 * a request without a section and a response that echoes the default compare equal. Echo reduction and
 * MaxCount have no documented default and are kept only when given.
 */
export function effectiveMeetingFeatures(features?: MeetingFeatures): MeetingFeatures {
  const out: MeetingFeatures = {
    video: { maxResolution: features?.video?.maxResolution ?? FEATURE_DEFAULTS.videoMaxResolution },
    content: { maxResolution: features?.content?.maxResolution ?? FEATURE_DEFAULTS.contentMaxResolution },
  };
  const echoReduction = features?.audio?.echoReduction;
  if (echoReduction !== undefined) out.audio = { echoReduction };
  const maxCount = features?.attendee?.maxCount;
  if (maxCount !== undefined) out.attendee = { maxCount };
  return out;
}
