import { resourceRule } from "../common/define";
import { knownString, meetingInputs, MEETING_TYPES, notificationTargets } from "../common/meeting";
import { violationMessage } from "../common/message";

export type FifoTargetConfig = Record<string, never>;

/**
 * Severity high; the meetings service publishes without a MessageGroupId, so a FIFO queue receives nothing and the
 * API does not say so. The queue-side twin is sqs-queue-disallow-fifo-meeting-target.
 * https://docs.aws.amazon.com/chime-sdk/latest/dg/mtgs-sdk-notifications.html
 */
export const chimeMeetingDisallowFifoQueueTarget = resourceRule<FifoTargetConfig>({
  name: "chime-meeting-disallow-fifo-queue-target",
  description: "Checks that a meeting does not send its notifications to a FIFO SQS queue.",
  severity: "high",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/dg/mtgs-sdk-notifications.html",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  resourceTypes: MEETING_TYPES,
  check: (resource) => {
    const arn = knownString(notificationTargets(meetingInputs(resource.props))?.sqsQueueArn);
    if (arn === undefined || !arn.endsWith(".fifo")) return [];
    return [
      violationMessage({
        resource,
        field: "notificationsConfiguration.sqsQueueArn",
        value: arn,
        problem: "it names a FIFO queue, which never receives meeting events",
        fix: "use a standard queue",
      }),
    ];
  },
});
