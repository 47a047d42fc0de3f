// Package entry of "chime-meetings": re-exports only.
export { Meeting, MeetingPartialFailure } from "../components/meeting";
export type { AttendeeArgs, AttendeeOutput, MediaPlacement, MeetingArgs } from "../components/meeting";
export { MeetingNotifications, kmsStatementsForMeetings, type MeetingNotificationsArgs, type NotificationsConfigurationOutput } from "../components/notifications";
export { MeetingAddress, addressParameterName, type MeetingAddressArgs, type PublishedMeeting } from "../components/address";
