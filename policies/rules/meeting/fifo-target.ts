import { resourceRule } from "../common/define";
import { knownString, meetingInputs, MEETING_TYPES } from "../common/meeting";
import { violationMessage } from "../common/message";
import { isRecord } from "../common/values";

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
    const notifications = meetingInputs(resource.props).notificationsConfiguration;
    if (!isRecord(notifications)) return [];
    const arn = knownString(notifications.sqsQueueArn);
    if (arn === undefined || !arn.endsWith(".fifo")) return [];
    return [violationMessage({
      resource, field: "notificationsConfiguration.sqsQueueArn", value: arn,
      problem: "it names a FIFO queue, which never receives meeting events",
      fix: "use a standard queue",
    })];
  },
});
