import { stackRule, type StackFinding, type StackRuleResource } from "../common/define";
import { resourceLabel } from "../common/message";
import { isSet } from "../common/values";
import { deadLetterTarget, queuesOf, REDRIVE_ALLOW_RESOURCE, REDRIVE_RESOURCE, refersTo, type QueueView } from "./queues";

export interface DeadLetterQueueConfig {
  /** A tag that marks a queue as a dead-letter queue (exempt), for DLQs the stack cannot link otherwise. */
  deadLetterTag: { key: string; value: string };
}

/**
 * A queue is a dead-letter queue when it declares a redrive-allow policy (inline or an aws.sqs.RedriveAllowPolicy),
 * carries the configured tag, or another queue's redrive policy names it (by ARN once known, by property
 * dependency during preview).
 */
function isDeadLetterQueue(queue: QueueView, queues: QueueView[], resources: StackRuleResource[], config: DeadLetterQueueConfig): boolean {
  if (isSet(queue.resource.props.redriveAllowPolicy)) return true;
  if (queue.tags[config.deadLetterTag.key] === config.deadLetterTag.value) return true;
  const namedBy = (r: StackRuleResource) =>
    (r.propertyDependencies.redrivePolicy ?? []).includes(queue.resource.urn) ||
    (queue.arn !== undefined && deadLetterTarget(r.props.redrivePolicy) === queue.arn);
  if (queues.some((other) => other !== queue && namedBy(other.resource))) return true;
  return resources.some(
    (r) =>
      (r.type === REDRIVE_RESOURCE && namedBy(r)) ||
      (r.type === REDRIVE_ALLOW_RESOURCE && refersTo(r, "queueUrl", queue, r.props.queueUrl, queue.url)),
  );
}

function redriveProblem(queue: QueueView, resources: StackRuleResource[]): string | undefined {
  const inline = queue.resource.props.redrivePolicy;
  if (deadLetterTarget(inline) !== undefined) return undefined;
  const attached = resources.some(
    (r) =>
      r.type === REDRIVE_RESOURCE &&
      refersTo(r, "queueUrl", queue, r.props.queueUrl, queue.url) &&
      deadLetterTarget(r.props.redrivePolicy) !== undefined,
  );
  if (attached) return undefined;
  return isSet(inline)
    ? "redrivePolicy has no deadLetterTargetArn"
    : "redrivePolicy is not set and no aws.sqs.RedrivePolicy targets the queue";
}

/**
 * Severity medium; a message that keeps failing (e.g. a handler bug) is retried until retention expires, then lost.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
 */
export const sqsQueueConfigureDeadLetterQueue = stackRule<DeadLetterQueueConfig>({
  name: "sqs-queue-configure-dead-letter-queue",
  description: "Checks that every SQS queue that is not itself a dead-letter queue has a redrive policy naming a dead-letter queue.",
  severity: "medium",
  url: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html",
  enforcementLevel: "advisory",
  configSchema: {
    properties: {
      deadLetterTag: {
        type: "object",
        properties: { key: { type: "string" }, value: { type: "string" } },
        required: ["key", "value"],
        default: { key: "chime-meetings:role", value: "dead-letter-queue" },
      },
    },
  },
  check: (resources, config) => {
    const queues = queuesOf(resources);
    const findings: StackFinding[] = [];
    for (const queue of queues) {
      if (isDeadLetterQueue(queue, queues, resources, config)) continue;
      const problem = redriveProblem(queue, resources);
      if (problem === undefined) continue;
      const { key, value } = config.deadLetterTag;
      findings.push({
        urn: queue.resource.urn,
        message:
          `${resourceLabel(queue.resource)}: ${problem} but every queue except dead-letter queues needs one. ` +
          "Fix: set redrivePolicy { deadLetterTargetArn, maxReceiveCount } (or attach an aws.sqs.RedrivePolicy); " +
          `if this queue is a dead-letter queue, give it a redriveAllowPolicy or the tag ${key}=${value}.`,
      });
    }
    return findings;
  },
});
