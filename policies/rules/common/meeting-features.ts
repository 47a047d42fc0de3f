import { CONTENT_RESOLUTIONS, MEETING_FEATURE_STATUSES, VIDEO_RESOLUTIONS, type MeetingFeatures } from "../../../chime";
import { containsUnknown } from "./unknown";
import { isRecord, type Props } from "./values";

const INVALID = Symbol("invalid");
type Read<T> = T | undefined | typeof INVALID;

/** `features[section][key]`: undefined when absent, INVALID when the section is no object or the value not allowed. */
function setting<T>(features: Props, section: string, key: string, accepts: (value: unknown) => value is T): Read<T> {
  const part = features[section];
  if (part === undefined) return undefined;
  if (!isRecord(part)) return INVALID;
  const value = part[key];
  if (value === undefined) return undefined;
  return accepts(value) ? value : INVALID;
}

function oneOf<T extends string>(allowed: readonly T[]): (value: unknown) => value is T {
  return (value): value is T => allowed.some((a) => a === value);
}

function isNumber(value: unknown): value is number {
  return typeof value === "number";
}

/**
 * The meeting features typed, when every value given has the service's type (absent features are `{}`: the service
 * defaults apply). Undefined while anything is unknown, or when a value is of another type or enum: that is
 * chime-meeting-enforce-feature-rules' violation, so the other rules skip the meeting.
 */
export function parseFeatures(value: unknown): MeetingFeatures | undefined {
  if (value === undefined) return {};
  if (!isRecord(value) || containsUnknown(value)) return undefined;
  const echoReduction = setting(value, "audio", "echoReduction", oneOf(MEETING_FEATURE_STATUSES));
  const video = setting(value, "video", "maxResolution", oneOf(VIDEO_RESOLUTIONS));
  const content = setting(value, "content", "maxResolution", oneOf(CONTENT_RESOLUTIONS));
  const maxCount = setting(value, "attendee", "maxCount", isNumber);
  if (echoReduction === INVALID || video === INVALID || content === INVALID || maxCount === INVALID) return undefined;
  const features: MeetingFeatures = {};
  if (echoReduction !== undefined) features.audio = { echoReduction };
  if (video !== undefined) features.video = { maxResolution: video };
  if (content !== undefined) features.content = { maxResolution: content };
  if (maxCount !== undefined) features.attendee = { maxCount };
  return features;
}
