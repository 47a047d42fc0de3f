import * as pulumi from "@pulumi/pulumi";
import type { NotificationsConfiguration } from "../chime/types";

/** Stack config key that turns on the stack's meeting notification targets. */
export const NOTIFICATIONS_KEY = "chime-meetings:notifications";

/** Whether `chime-meetings:notifications` is enabled (`true`, or an object with settings). */
export function notificationsEnabled(config = new pulumi.Config("chime-meetings")): boolean {
  const value = config.getObject<unknown>("notifications");
  if (value === undefined || value === false) return false;
  if (value === true) return true;
  return typeof value === "object" && value !== null && (value as { enabled?: unknown }).enabled !== false;
}

/**
 * The NotificationsConfiguration for a meeting declared with `notifications: true`.
 *
 * Wiring point for the MeetingNotifications component (components/notifications): while
 * `chime-meetings:notifications` is not enabled the local stack needs no AWS resources, so this returns
 * undefined. Enabled, it must return the component's SNS/SQS/Lambda ARNs; until that wiring lands it
 * fails loudly instead of creating meetings that silently get no events.
 */
export function notificationsConfigurationFor(meetingName: string): pulumi.Input<NotificationsConfiguration> | undefined {
  if (!notificationsEnabled()) return undefined;
  throw new Error(
    `${NOTIFICATIONS_KEY} is enabled and meeting "${meetingName}" asks for notifications, but stack/notifications.ts does not create the notification targets yet`,
  );
}
