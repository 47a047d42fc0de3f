import type { AttendeeCapabilities, MeetingFeatures, NotificationsConfiguration, Tag } from "../../../chime";
import { containsUnknown, isUnknown } from "./unknown";
import { isRecord, type Props } from "./values";

/** The type tokens of a meeting: the dynamic resource and the provider plugin's `chime-meetings:index:Meeting`. */
export { isMeetingType, MEETING_TYPES } from "../../../components/meeting/type-tokens";

export interface DeclaredAttendee {
  externalUserId?: unknown;
  capabilities?: AttendeeCapabilities;
}

/** The Meeting inputs (camelCase, tags as a key→value map), as rules read them. */
export interface MeetingInputs {
  mediaRegion?: unknown;
  externalMeetingId?: unknown;
  meetingHostId?: unknown;
  meetingFeatures?: MeetingFeatures;
  notificationsConfiguration?: NotificationsConfiguration;
  tags?: Record<string, string>;
  attendees?: DeclaredAttendee[];
  region?: unknown;
}

/** Returns `value` when it is fully known, otherwise undefined (a rule then skips what it cannot check yet). */
export function known<T>(value: T): T | undefined {
  return containsUnknown(value) ? undefined : value;
}

export function meetingInputs(props: Props): MeetingInputs {
  return props as MeetingInputs;
}

/** The features when known (absent features are `{}`: the service defaults apply). */
export function knownFeatures(inputs: MeetingInputs): MeetingFeatures | undefined {
  if (inputs.meetingFeatures === undefined) return {};
  return isRecord(inputs.meetingFeatures) ? known(inputs.meetingFeatures) : undefined;
}

/** The tag map as the API's tag list, when known. */
export function knownTags(inputs: MeetingInputs): Tag[] | undefined {
  if (inputs.tags === undefined) return [];
  if (!isRecord(inputs.tags) || containsUnknown(inputs.tags)) return undefined;
  return Object.entries(inputs.tags).map(([key, value]) => ({ key, value: value as string }));
}

/** Runs `check` on the features and the declared attendees once both can be read; nothing while either is unknown. */
export function withFeaturesAndAttendees(
  props: Props, check: (features: MeetingFeatures, attendees: DeclaredAttendee[]) => string[],
): string[] {
  const inputs = meetingInputs(props);
  const features = knownFeatures(inputs);
  const attendees = declaredAttendees(inputs);
  return features === undefined || attendees === undefined ? [] : check(features, attendees);
}

/** The attendee list when it is a known list (single unknown attendees are skipped by the rules). */
export function declaredAttendees(inputs: MeetingInputs): DeclaredAttendee[] | undefined {
  if (inputs.attendees === undefined) return [];
  return Array.isArray(inputs.attendees) ? inputs.attendees : undefined;
}

export function knownString(value: unknown): string | undefined {
  return typeof value === "string" && !isUnknown(value) ? value : undefined;
}
