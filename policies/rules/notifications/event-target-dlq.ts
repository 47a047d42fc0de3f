import { resourceRule } from "../common/define";
import { violationMessage } from "../common/message";
import { isRecord, isSet } from "../common/values";
import { isUnknown } from "../common/unknown";
import { AWS, NATIVE } from "./resource-types";

export type EventTargetDlqConfig = Record<string, never>;

function hasDeadLetterArn(target: unknown): boolean {
  if (isUnknown(target)) return true;
  if (!isRecord(target)) return false;
  const config = target.deadLetterConfig;
  return isUnknown(config) || (isRecord(config) && isSet(config.arn));
}

/**
 * Severity medium; EventBridge drops an event after its retries unless the target has a dead-letter queue, and
 * meeting events arrive on EventBridge whether or not SNS/SQS targets are configured.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
 */
export const eventsTargetConfigureDeadLetterQueue = resourceRule<EventTargetDlqConfig>({
  name: "events-target-configure-dead-letter-queue",
  description: "Checks that every EventBridge rule target has a dead-letter queue for events it fails to deliver.",
  severity: "medium",
  url: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html",
  enforcementLevel: "advisory",
  configSchema: { properties: {} },
  resourceTypes: [AWS.eventTarget, NATIVE.rule],
  check: (resource) => {
    const fix = "set deadLetterConfig.arn to an SQS queue that events.amazonaws.com may send to";
    if (resource.type === AWS.eventTarget) {
      if (hasDeadLetterArn(resource.props)) return [];
      return [
        violationMessage({
          resource,
          field: "deadLetterConfig.arn",
          value: undefined,
          problem: "the target has no dead-letter queue",
          fix,
        }),
      ];
    }
    const targets = resource.props.targets;
    if (!Array.isArray(targets)) return [];
    return targets.flatMap((target, i) =>
      hasDeadLetterArn(target)
        ? []
        : [
            violationMessage({
              resource,
              field: `targets[${i}].deadLetterConfig.arn`,
              value: undefined,
              problem: "the target has no dead-letter queue",
              fix,
            }),
          ],
    );
  },
});
