// "chime-meetings/notifications": the notification targets of meetings (needs the @pulumi/aws peer dependency).
export {
  MeetingNotifications,
  kmsStatementsForMeetings,
  type MeetingNotificationsArgs,
  type NotificationsConfigurationOutput,
} from "../components/notifications";
