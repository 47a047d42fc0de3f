import { validateNotificationTargets, type NotificationsConfiguration } from "../../../chime";
import { resourceRule } from "../common/define";
import { knownString, meetingInputs, MEETING_TYPES, notificationTargets } from "../common/meeting";
import { violationMessage } from "../common/message";
import { regionOfArn } from "../common/values";
import { controlRegionOf, DEFAULT_REGION_SCHEMA } from "./control-region";

export interface NotificationRegionConfig {
  /** Control region assumed for meetings without a `region` input; "" compares the SNS and SQS targets with each other. */
  defaultRegion: string;
}

/**
 * Severity high; SNS and SQS targets outside the control region never receive the meeting's events, and the API
 * does not say so (chime/ validateNotificationTargets).
 * https://docs.aws.amazon.com/chime-sdk/latest/dg/mtgs-sdk-notifications.html
 */
export const chimeMeetingEnforceNotificationRegion = resourceRule<NotificationRegionConfig>({
  name: "chime-meeting-enforce-notification-region",
  description: "Checks that a meeting's SNS and SQS notification targets are ARNs of their service in the meeting's control region.",
  severity: "high",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/dg/mtgs-sdk-notifications.html",
  enforcementLevel: "mandatory",
  configSchema: { properties: { defaultRegion: { ...DEFAULT_REGION_SCHEMA } } },
  resourceTypes: MEETING_TYPES,
  check: (resource, config) => {
    const inputs = meetingInputs(resource.props);
    const given = notificationTargets(inputs);
    if (given === undefined) return [];
    // Each target is checked once it is known; the others may still be unknown in preview.
    const targets: NotificationsConfiguration = {};
    for (const key of TARGET_KEYS) {
      const value = knownString(given[key]);
      if (value !== undefined) targets[key] = value;
    }
    const region = controlRegionOf(inputs, config.defaultRegion) ?? sharedTargetRegion(targets);
    if (region === undefined) return [];
    const source =
      inputs.region !== undefined
        ? "the meeting's region"
        : config.defaultRegion !== ""
          ? "policy config defaultRegion"
          : "the SNS topic's region";
    return validateNotificationTargets(targets, region).map((v) =>
      violationMessage({
        resource,
        field: v.path,
        value: v.value,
        problem: `it ${v.rule} (${source})`,
        fix: `point it at a target in ${region}, or create the meeting through the target's region`,
      }),
    );
  },
});

const TARGET_KEYS = ["snsTopicArn", "sqsQueueArn", "lambdaFunctionArn"] as const satisfies readonly (keyof NotificationsConfiguration)[];

/** Without a known control region, the SNS topic's region is the reference the SQS queue must match. */
function sharedTargetRegion(targets: NotificationsConfiguration): string | undefined {
  if (targets.snsTopicArn === undefined || targets.sqsQueueArn === undefined) return undefined;
  return regionOfArn(targets.snsTopicArn);
}
