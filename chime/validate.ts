// The validators of the API's rules, gathered under the one module name other parts import.
export { formatViolation } from "./violation";
export type { Violation } from "./violation";
export { validateMeeting, validateMeetingFeatures } from "./validate-meeting";
export { validateTags, validateTagKeys } from "./validate-tags";
export { validateAttendee, validateCapabilities, validateAttendeeCount } from "./validate-attendee";
export {
  validateClientRequestToken,
  validateGuid,
  validateMaxResults,
  validateResourceArn,
  validateListLength,
  validateExcludedAttendeeIds,
  validateControlRegion,
  validateMediaPlacementNetworkType,
  validateMediaRegionForControlRegion,
  validateNotificationTargets,
} from "./validate-requests";
export { validateTranscriptionConfiguration } from "./validate-transcription";
export { attendeeCeiling, defaultCapabilities, isHighResolution } from "./features";
export { validateShape } from "./validate-shape";
export { OPERATION_INPUTS, SHAPES } from "./service-shapes";
export type { Shape, Member } from "./service-shapes";
