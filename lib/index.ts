// Package entry of "chime-meetings": re-exports only. MeetingNotifications needs @pulumi/aws and lives in
// "chime-meetings/notifications"; the policy rules in "chime-meetings/policies"; the emulator in
// "chime-meetings/emulator".
export { Meeting, MeetingPartialFailure } from "../components/meeting";
export type {
  AttendeeArgs,
  AttendeeOutput,
  MediaPlacement,
  MeetingArgs,
  MeetingFeaturesArgs,
  NotificationsConfigurationArgs,
} from "../components/meeting";
export { MeetingAddress, addressParameterName, type MeetingAddressArgs, type PublishedMeeting } from "../components/address";
export { DYNAMIC_MEETING_TYPE, PLUGIN_MEETING_TYPE, MEETING_TYPES, isMeetingType } from "../components/meeting/type-tokens";
