export { Meeting } from "./meeting";
export { MeetingProvider, MEETING_PROVIDER_MODULE } from "./provider";
export { MeetingPartialFailure } from "./errors";
export type {
  AttendeeArgs,
  AttendeeCapabilitiesArgs,
  AttendeeInputs,
  AttendeeOutput,
  MediaPlacement,
  MeetingArgs,
  MeetingFeaturesArgs,
  MeetingInputs,
  MeetingOutputs,
  NotificationsConfigurationArgs,
} from "./types";
