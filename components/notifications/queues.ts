import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DeadLetterQueueSettings, ExistingDeadLetterQueue, MeetingNotificationsArgs } from "./args";
import { childName } from "./names";
import { resolveOptionalResource } from "./optional-resource";
import type { Senders } from "./context";
import { deadLetterQueuePolicyDocument, queuePolicyDocument, redrivePolicy } from "./policies";

export const QUEUE_DEFAULTS = {
  messageRetentionSeconds: 345_600,
} as const;

/** Handler timeout assumed when there is no handler, so the default stays the same when one is added. */
const DEFAULT_CONSUMER_TIMEOUT_SECONDS = 30;

/** AWS advises a visibility timeout of six times the consuming function's timeout. */
export function defaultVisibilityTimeout(handlerTimeoutSeconds = DEFAULT_CONSUMER_TIMEOUT_SECONDS): number {
  return 6 * handlerTimeoutSeconds;
}

export const DEAD_LETTER_QUEUE_DEFAULTS = {
  maxReceiveCount: 5,
  messageRetentionSeconds: 1_209_600,
} as const;

/** SSE settings shared by both queues: a customer key when given, else SQS-managed keys. */
export function queueEncryption(kmsKeyArn: pulumi.Input<string> | undefined): aws.sqs.QueueArgs {
  return kmsKeyArn === undefined ? { sqsManagedSseEnabled: true } : { kmsMasterKeyId: kmsKeyArn, kmsDataKeyReusePeriodSeconds: 300 };
}

export interface Queues {
  queue: aws.sqs.Queue;
  /** Undefined when an existing dead-letter queue is used. */
  deadLetterQueue?: aws.sqs.Queue;
  deadLetterQueueArn: pulumi.Output<string>;
}

interface DeadLetterTarget {
  queue?: aws.sqs.Queue;
  arn: pulumi.Output<string>;
}

export function createQueues(
  name: string,
  args: Pick<MeetingNotificationsArgs, "queue" | "deadLetterQueue" | "tags">,
  consumer: { kmsKeyArn?: pulumi.Input<string>; handlerTimeoutSeconds?: number },
  opts: pulumi.CustomResourceOptions,
): Queues {
  const encryption = queueEncryption(consumer.kmsKeyArn);
  const dlqSettings: DeadLetterQueueSettings = { ...DEAD_LETTER_QUEUE_DEFAULTS, ...args.deadLetterQueue?.args };
  const dead = resolveOptionalResource<DeadLetterQueueSettings, ExistingDeadLetterQueue, DeadLetterTarget>(
    args.deadLetterQueue,
    { skip: false, args: dlqSettings },
    {
      create: (settings) => {
        const queue = new aws.sqs.Queue(
          childName(name, "deadLetterQueue"),
          {
            ...encryption,
            messageRetentionSeconds: settings.messageRetentionSeconds,
            tags: args.tags,
          },
          opts,
        );
        return { queue, arn: queue.arn };
      },
      adopt: (existing) => ({ arn: pulumi.output(existing.arn) }),
    },
  );
  if (dead === undefined) throw new Error("deadLetterQueue.skip: value true is not allowed");
  const maxReceiveCount = dlqSettings.maxReceiveCount ?? DEAD_LETTER_QUEUE_DEFAULTS.maxReceiveCount;
  const queue = new aws.sqs.Queue(
    childName(name, "queue"),
    {
      ...encryption,
      visibilityTimeoutSeconds: args.queue?.visibilityTimeoutSeconds ?? defaultVisibilityTimeout(consumer.handlerTimeoutSeconds),
      messageRetentionSeconds: args.queue?.messageRetentionSeconds ?? QUEUE_DEFAULTS.messageRetentionSeconds,
      redrivePolicy: dead.arn.apply((arn) => JSON.stringify(redrivePolicy(arn, maxReceiveCount))),
      tags: args.tags,
    },
    opts,
  );
  return { queue, deadLetterQueue: dead.queue, deadLetterQueueArn: dead.arn };
}

/** The queue policy: meetings, plus the topic and rule that deliver into the queue when there are any. */
export function attachQueuePolicy(
  name: string,
  queue: aws.sqs.Queue,
  senders: Senders,
  opts: pulumi.CustomResourceOptions,
): aws.sqs.QueuePolicy {
  return new aws.sqs.QueuePolicy(
    childName(name, "queuePolicy"),
    {
      queueUrl: queue.url,
      policy: pulumi
        .all([queue.arn, senders.source, senders.subscribedTopicArn, senders.eventRuleArn])
        .apply(([queueArn, source, subscribedTopicArn, eventRuleArn]) =>
          JSON.stringify(queuePolicyDocument({ queueArn, source, subscribedTopicArn, eventRuleArn })),
        ),
    },
    opts,
  );
}

/** Lets the topic's subscription and the EventBridge rule put what they cannot deliver in the dead-letter queue. */
export function attachDeadLetterQueuePolicy(
  name: string,
  deadLetterQueue: aws.sqs.Queue,
  senders: Omit<Senders, "source">,
  opts: pulumi.CustomResourceOptions,
): aws.sqs.QueuePolicy {
  return new aws.sqs.QueuePolicy(
    childName(name, "deadLetterQueuePolicy"),
    {
      queueUrl: deadLetterQueue.url,
      policy: pulumi
        .all([deadLetterQueue.arn, senders.subscribedTopicArn, senders.eventRuleArn])
        .apply(([queueArn, subscribedTopicArn, eventRuleArn]) =>
          JSON.stringify(deadLetterQueuePolicyDocument({ queueArn, subscribedTopicArn, eventRuleArn })),
        ),
    },
    opts,
  );
}
