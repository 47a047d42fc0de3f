import * as pulumi from "@pulumi/pulumi";
import type { NotificationsConfiguration } from "../chime/types";
import { MeetingNotifications, type MeetingNotificationsArgs } from "../components/notifications";
import { loadMeetings } from "./load";

/** Stack config key that turns on the stack's meeting notification targets. */
export const NOTIFICATIONS_KEY = "chime-meetings:notifications";

/** Whether `chime-meetings:notifications` is enabled (`true`, or an object with settings). */
export function notificationsEnabled(config = new pulumi.Config("chime-meetings")): boolean {
  const value = config.getObject<unknown>("notifications");
  if (value === undefined || value === false) return false;
  if (value === true) return true;
  return typeof value === "object" && value !== null && (value as { enabled?: unknown }).enabled !== false;
}

/** MeetingNotifications args settable under `chime-meetings:notifications`; region and meetingRegions are derived. */
export const NOTIFICATIONS_SETTINGS = ["topic", "handler", "eventBridge", "kmsKey", "queue", "deadLetterQueue", "tags"] as const;

type NotificationsSettings = Pick<MeetingNotificationsArgs, (typeof NOTIFICATIONS_SETTINGS)[number]>;

/** The settings object of `chime-meetings:notifications` (`true` → defaults); an unknown key is refused by name. */
export function notificationsSettings(config = new pulumi.Config("chime-meetings")): NotificationsSettings {
  const value = config.getObject<unknown>("notifications");
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const settings = Object.fromEntries(Object.entries(value).filter(([key]) => key !== "enabled"));
  const unknown = Object.keys(settings).find((key) => !(NOTIFICATIONS_SETTINGS as readonly string[]).includes(key));
  if (unknown !== undefined) {
    throw new Error(
      `${NOTIFICATIONS_KEY}.${unknown}: value ${JSON.stringify(settings[unknown])} is not a setting; ` +
        `use enabled or one of ${NOTIFICATIONS_SETTINGS.join(", ")}`,
    );
  }
  return settings;
}

/** One set of targets per stack and control region: targets must be in the region that creates the meeting. */
const targetsByRegion = new Map<string, MeetingNotifications>();

/** A meeting's control region as the Meeting provider resolves it; undefined leaves it to the AWS provider. */
function controlRegionOf(declared: string | undefined, config = new pulumi.Config("chime-meetings")): string | undefined {
  return declared ?? config.get("region");
}

function targetsFor(region: string | undefined): MeetingNotifications {
  const key = `${pulumi.getProject()}/${pulumi.getStack()}/${region ?? "(provider default)"}`;
  let targets = targetsByRegion.get(key);
  if (targets === undefined) {
    // Meeting ARNs appear to carry the media region (docs/API-NOTES.md#arns-and-identifiers): admit every media region of the meetings sent here.
    const mediaRegions = loadMeetings()
      .filter((d) => d.notifications && controlRegionOf(d.region) === region)
      .map((d) => d.mediaRegion);
    targets = new MeetingNotifications(region === undefined ? "notifications" : `notifications-${region}`, {
      ...notificationsSettings(),
      region,
      meetingRegions: region === undefined ? undefined : [...new Set([region, ...mediaRegions])],
    });
    targetsByRegion.set(key, targets);
  }
  return targets;
}

/**
 * The NotificationsConfiguration for a meeting declared with `notifications: true`: the queue (and topic, and
 * function when configured) of the MeetingNotifications in the meeting's control region. While
 * `chime-meetings:notifications` is not enabled the local stack needs no AWS resources, so this returns undefined.
 */
export function notificationsConfigurationFor(meetingName: string): pulumi.Input<NotificationsConfiguration> | undefined {
  if (!notificationsEnabled()) return undefined;
  const meeting = loadMeetings().find((d) => d.name === meetingName);
  if (meeting === undefined) throw new Error(`${NOTIFICATIONS_KEY}: meeting "${meetingName}" is not declared in chime-meetings:meetings`);
  return targetsFor(controlRegionOf(meeting.region)).notificationsConfiguration;
}
