import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { MeetingNotificationsArgs, NotificationsConfigurationOutput } from "./args";
import { enabled, notificationsConfigurationFor } from "./args";
import { meetingSourceOf, targetContext } from "./context";
import { attachKeyPolicy, resolveCustomerKey } from "./encryption";
import { createEventRule } from "./event-rule";
import { createHandlerFunction } from "./handler-function";
import { childName } from "./names";
import { attachDeadLetterQueuePolicy, attachQueuePolicy, createQueues } from "./queues";
import { createTopic } from "./topic";
import { assertValidArgs } from "./validation";

export const MEETING_NOTIFICATIONS_TYPE = "chime-meetings:notifications:MeetingNotifications";

/**
 * Notification targets for Chime SDK meetings, in the meetings' control region: an encrypted SQS queue with a
 * dead-letter queue, and optionally an SNS topic, the Lambda event handler and an EventBridge rule. Every grant to a
 * service is scoped to this account's meetings (or to the topic/rule that delivers). Pass
 * `notificationsConfiguration` to a Meeting as is.
 */
export class MeetingNotifications extends pulumi.ComponentResource {
  public readonly queue: aws.sqs.Queue;
  /** Undefined when `deadLetterQueue.existing` is used. */
  public readonly deadLetterQueue?: aws.sqs.Queue;
  public readonly deadLetterQueueArn: pulumi.Output<string>;
  public readonly kmsKeyArn?: pulumi.Output<string>;
  public readonly topic?: aws.sns.Topic;
  public readonly handlerFunction?: aws.lambda.Function;
  public readonly eventRule?: aws.cloudwatch.EventRule;
  /** `{ sqsQueueArn, snsTopicArn?, lambdaFunctionArn? }` for a Meeting's `notificationsConfiguration`. */
  public readonly notificationsConfiguration: pulumi.Output<NotificationsConfigurationOutput>;

  constructor(name: string, args: MeetingNotificationsArgs = {}, opts: pulumi.ComponentResourceOptions = {}) {
    super(MEETING_NOTIFICATIONS_TYPE, name, {}, opts);
    assertValidArgs(name, args);
    const { region, meetingRegions, tags } = args;
    const topicSettings = enabled(args.topic);
    const handlerSettings = enabled(args.handler);
    const eventBridgeSettings = enabled(args.eventBridge);

    const provider = region === undefined ? undefined : new aws.Provider(childName(name, "provider"), { region }, { parent: this });
    const childOpts: pulumi.CustomResourceOptions = { parent: this, provider };
    const context = targetContext(region, { parent: this, provider });
    const source = meetingSourceOf(context, meetingRegions);
    const key = resolveCustomerKey(name, args, childOpts);
    const queues = createQueues(name, args, { kmsKeyArn: key?.arn, handlerTimeoutSeconds: handlerSettings?.timeoutSeconds }, childOpts);
    const topic =
      topicSettings &&
      createTopic(
        name,
        topicSettings,
        { kmsKeyArn: key?.arn, queue: queues.queue, deadLetterQueueArn: queues.deadLetterQueueArn, source, tags },
        childOpts,
      );
    const invokedAsynchronously = handlerSettings?.directTarget === true || eventBridgeSettings?.target === "handler";
    const handler =
      handlerSettings &&
      createHandlerFunction(
        name,
        handlerSettings,
        {
          queue: queues.queue,
          deadLetterQueueArn: invokedAsynchronously ? queues.deadLetterQueueArn : undefined,
          kmsKeyArn: key?.arn,
          source,
          meetingRegions,
          tags,
        },
        childOpts,
      );
    const events =
      eventBridgeSettings &&
      createEventRule(
        name,
        eventBridgeSettings,
        {
          queue: queues.queue,
          deadLetterQueueArn: queues.deadLetterQueueArn,
          handler: handler?.function,
          tags,
        },
        childOpts,
      );
    // Services that deliver into the queues need the queue policies (and the key policy, for a customer key).
    const subscribedTopicArn = topic?.subscription ? topic.topic.arn : undefined;
    const queueRuleArn = events && eventBridgeSettings?.target !== "handler" ? events.rule.arn : undefined;
    attachQueuePolicy(name, queues.queue, { source, subscribedTopicArn, eventRuleArn: queueRuleArn }, childOpts);
    if ((subscribedTopicArn || events) && queues.deadLetterQueue) {
      attachDeadLetterQueuePolicy(name, queues.deadLetterQueue, { subscribedTopicArn, eventRuleArn: events?.rule.arn }, childOpts);
    }
    if (key?.key) attachKeyPolicy(name, key.key, { source, subscribedTopicArn, eventRuleArn: events?.rule.arn }, childOpts);

    this.queue = queues.queue;
    this.deadLetterQueue = queues.deadLetterQueue;
    this.deadLetterQueueArn = queues.deadLetterQueueArn;
    this.kmsKeyArn = key?.arn;
    this.topic = topic?.topic;
    this.handlerFunction = handler?.function;
    this.eventRule = events?.rule;
    const directLambdaArn = handlerSettings?.directTarget === true ? handler?.function.arn : undefined;
    this.notificationsConfiguration = pulumi
      .all([this.queue.arn, this.topic?.arn, directLambdaArn])
      .apply(([sqsQueueArn, snsTopicArn, lambdaFunctionArn]) =>
        notificationsConfigurationFor({ sqsQueueArn, snsTopicArn, lambdaFunctionArn }),
      );
    this.registerOutputs({
      queueArn: this.queue.arn,
      deadLetterQueueArn: this.deadLetterQueueArn,
      topicArn: this.topic?.arn,
      handlerFunctionArn: this.handlerFunction?.arn,
      eventRuleArn: this.eventRule?.arn,
      notificationsConfiguration: this.notificationsConfiguration,
    });
  }
}
