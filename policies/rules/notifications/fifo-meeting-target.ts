import { stackRule, type StackFinding } from "../common/define";
import { isMeetingType, knownString, meetingInputs, notificationTargets } from "../common/meeting";
import { resourceLabel } from "../common/message";
import { queuesOf, refersTo } from "./queues";

export interface FifoMeetingTargetConfig {
  /** A tag key that marks a queue as a meeting-notification target (any value but "false"). */
  targetTagKey: string;
}

/**
 * Severity high; the meetings service sends without a MessageGroupId, so a FIFO queue receives nothing. This
 * catches queues the meetings reach through a dependency (unknown ARN at preview) or that are tagged as targets.
 * https://docs.aws.amazon.com/chime-sdk/latest/dg/mtgs-sdk-notifications.html
 */
export const sqsQueueDisallowFifoMeetingTarget = stackRule<FifoMeetingTargetConfig>({
  name: "sqs-queue-disallow-fifo-meeting-target",
  description: "Checks that no FIFO SQS queue is tagged as, or used as, a meeting notification target.",
  severity: "high",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/dg/mtgs-sdk-notifications.html",
  enforcementLevel: "mandatory",
  configSchema: { properties: { targetTagKey: { type: "string", default: "chime-meetings:notification-target" } } },
  check: (resources, config) => {
    const meetings = resources.filter((r) => isMeetingType(r.type));
    const findings: StackFinding[] = [];
    for (const queue of queuesOf(resources).filter((q) => q.fifo)) {
      const tag = queue.tags[config.targetTagKey];
      const users = meetings.filter((m) => {
        const arn = knownString(notificationTargets(meetingInputs(m.props))?.sqsQueueArn);
        return refersTo(m, "notificationsConfiguration", queue, arn, queue.arn);
      });
      if (users.length === 0 && (tag === undefined || tag === "false")) continue;
      const why =
        users.length > 0
          ? `meetings ${users.map((m) => `'${m.name}'`).join(", ")} send their notifications to it`
          : `it is tagged ${config.targetTagKey}=${tag}`;
      findings.push({
        urn: queue.resource.urn,
        message:
          `${resourceLabel(queue.resource)}: fifoQueue is true but ${why} and a FIFO queue never receives meeting events. ` +
          "Fix: use a standard queue as the meeting target.",
      });
    }
    return findings;
  },
});
