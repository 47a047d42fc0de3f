export { Meeting } from "./meeting";
export { MeetingProvider, meetingProvider } from "./provider";
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
