import type { AttendeeCapabilities, MeetingFeatures, Tag } from "../../../chime";
import { parseFeatures } from "./meeting-features";
import { containsUnknown, isUnknown } from "./unknown";
import { isRecord, type Props } from "./values";

/** The type tokens of a meeting: the dynamic resource and the provider plugin's `chime-meetings:index:Meeting`. */
export { isMeetingType, MEETING_TYPES } from "../../../components/meeting/type-tokens";

export interface DeclaredAttendee {
  externalUserId?: unknown;
  /** As given: chime/'s validateCapabilities checks the object and each of its values. */
  capabilities?: AttendeeCapabilities;
}

/**
 * The Meeting inputs (camelCase, tags as a key→value map) as the engine gives them, unchecked: each rule reads
 * what it needs through the readers below, which type a value only once it has been checked.
 */
export interface MeetingInputs {
  mediaRegion?: unknown;
  externalMeetingId?: unknown;
  meetingHostId?: unknown;
  meetingFeatures?: unknown;
  notificationsConfiguration?: unknown;
  tags?: unknown;
  attendees?: unknown;
  region?: unknown;
}

/** Returns `value` when it is fully known, otherwise undefined (a rule then skips what it cannot check yet). */
export function known<T>(value: T): T | undefined {
  return containsUnknown(value) ? undefined : value;
}

export function meetingInputs(props: Props): MeetingInputs {
  const { mediaRegion, externalMeetingId, meetingHostId, meetingFeatures, notificationsConfiguration, tags, attendees, region } = props;
  return { mediaRegion, externalMeetingId, meetingHostId, meetingFeatures, notificationsConfiguration, tags, attendees, region };
}

/** The features typed once known and well-typed (see parseFeatures). */
export function knownFeatures(inputs: MeetingInputs): MeetingFeatures | undefined {
  return parseFeatures(inputs.meetingFeatures);
}

/** The tag map as the API's tag list, when known and every value is a string. */
export function knownTags(inputs: MeetingInputs): Tag[] | undefined {
  if (inputs.tags === undefined) return [];
  if (!isRecord(inputs.tags) || containsUnknown(inputs.tags)) return undefined;
  const tags: Tag[] = [];
  for (const [key, value] of Object.entries(inputs.tags)) {
    if (typeof value !== "string") return undefined;
    tags.push({ key, value });
  }
  return tags;
}

/** The notification targets as an object of unchecked values, when given as one. */
export function notificationTargets(inputs: MeetingInputs): Props | undefined {
  return isRecord(inputs.notificationsConfiguration) ? inputs.notificationsConfiguration : undefined;
}

/** Runs `check` on the features and the declared attendees once both can be read; nothing while either is unknown. */
export function withFeaturesAndAttendees(
  props: Props,
  check: (features: MeetingFeatures, attendees: (DeclaredAttendee | undefined)[]) => string[],
): string[] {
  const inputs = meetingInputs(props);
  const features = knownFeatures(inputs);
  const attendees = declaredAttendees(inputs);
  return features === undefined || attendees === undefined ? [] : check(features, attendees);
}

/** The attendee list when it is a known list (single unknown attendees are skipped by the rules). */
export function declaredAttendees(inputs: MeetingInputs): (DeclaredAttendee | undefined)[] | undefined {
  if (inputs.attendees === undefined) return [];
  if (!Array.isArray(inputs.attendees)) return undefined;
  return inputs.attendees.map((attendee: unknown) => (isRecord(attendee) ? declaredAttendee(attendee) : undefined));
}

function declaredAttendee(attendee: Props): DeclaredAttendee {
  const { externalUserId, capabilities } = attendee;
  // validateCapabilities is written for unchecked input: it reports a missing object, field or value itself.
  return { externalUserId, capabilities: capabilities as AttendeeCapabilities | undefined };
}

export function knownString(value: unknown): string | undefined {
  return typeof value === "string" && !isUnknown(value) ? value : undefined;
}
