import type * as pulumi from "@pulumi/pulumi";

/**
 * An optional supporting resource: leave it out for the default, `skip` it, adopt an `existing` one, or create one
 * from `args`. Every optional child takes this one shape, so each is configured the same way.
 */
export interface OptionalResource<TArgs, TExisting> {
  /** Do not create or use this resource. */
  readonly skip?: boolean;
  /** Use a resource that already exists instead of creating one. */
  readonly existing?: TExisting;
  /** Settings for the resource the component creates. */
  readonly args?: TArgs;
}

export interface KmsKeySettings {
  /** Shown in the KMS console. @default "Encrypts Chime meeting notifications" */
  readonly description?: pulumi.Input<string>;
  /** Days a scheduled deletion waits (7–30). @default 30 */
  readonly deletionWindowInDays?: pulumi.Input<number>;
}

export interface ExistingKmsKey {
  /** ARN of the key. Its key policy is not changed: add `kmsStatementsForMeetings(...)` to it yourself. */
  readonly arn: pulumi.Input<string>;
}

export interface DeadLetterQueueSettings {
  /** Receives before a message moves to the dead-letter queue. @default 5 */
  readonly maxReceiveCount?: number;
  /** How long failed messages are kept. @default 1209600 (14 days, the SQS maximum) */
  readonly messageRetentionSeconds?: pulumi.Input<number>;
}

export interface ExistingDeadLetterQueue {
  /** ARN of a standard queue in the same region. */
  readonly arn: pulumi.Input<string>;
}

export interface QueueSettings {
  /** Must be at least the handler timeout. @default six times the handler timeout (180 for the default 30), as AWS advises */
  readonly visibilityTimeoutSeconds?: pulumi.Input<number>;
  /** How long undelivered messages are kept. @default 345600 (4 days) */
  readonly messageRetentionSeconds?: pulumi.Input<number>;
}

export interface TopicSettings {
  /** Subscribe the queue to the topic (raw message delivery). @default true */
  readonly subscribeQueue?: boolean;
}

export interface LogGroupSettings {
  /** Days the handler's logs are kept. @default 30 */
  readonly retentionInDays?: pulumi.Input<number>;
}

export interface ExistingLogGroup {
  /** Name of the group the function logs to. */
  readonly name: pulumi.Input<string>;
  /** ARN of the same group, for the role's log permissions. */
  readonly arn: pulumi.Input<string>;
}

export interface HandlerSettings {
  /** The Lambda runtime; the bundle targets Node.js 20 and later. @default "nodejs22.x" */
  readonly runtime?: pulumi.Input<string>;
  /** Function timeout, 1–900 s; the queue's visibility timeout follows it. @default 30 */
  readonly timeoutSeconds?: number;
  /** Function memory in MB. @default 256 */
  readonly memorySize?: pulumi.Input<number>;
  /** Messages per invocation from the queue. @default 10 */
  readonly batchSize?: pulumi.Input<number>;
  /** Its log group; `existing` takes the group's name and ARN. @default a group with 30 days' retention */
  readonly logGroup?: OptionalResource<LogGroupSettings, ExistingLogGroup>;
  /**
   * Also put the function in `notificationsConfiguration` and let meetings invoke it directly (the API accepts a
   * `LambdaFunctionArn`, but its delivery is not documented; docs/API-NOTES.md#notifications). @default false
   */
  readonly directTarget?: boolean;
  /** Extra environment variables for the function. */
  readonly environment?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

export interface EventBridgeSettings {
  /** Where the rule sends meeting events. "handler" needs `handler`. @default "queue" */
  readonly target?: "queue" | "handler";
}

export interface MeetingNotificationsArgs {
  /**
   * The control (API) region of the meetings that will use these targets; targets must be there (docs/API-NOTES.md#notifications).
   * When set, the component creates an `aws.Provider` for it (credentials from the environment).
   * @default the region of the provider passed in `opts`, or the default provider
   */
  readonly region?: pulumi.Input<string>;
  /**
   * Region segment of the meeting ARNs allowed to send (`aws:SourceArn`). Meeting ARNs appear to carry the media
   * region (docs/API-NOTES.md#arns-and-identifiers), so list the media regions your meetings use, or "*". Plain values: one Lambda permission is
   * created per entry. @default [region]
   */
  readonly meetingRegions?: readonly string[];
  /** The main queue. */
  readonly queue?: QueueSettings;
  /** The dead-letter queue behind the main queue (cannot be skipped). @default a queue with the same encryption */
  readonly deadLetterQueue?: OptionalResource<DeadLetterQueueSettings, ExistingDeadLetterQueue>;
  /**
   * A customer-managed KMS key for the queues (and topic). Skipped by default: the queues then use SQS-managed SSE
   * and the topic `alias/aws/sns`.
   * @default { skip: true }
   */
  readonly kmsKey?: OptionalResource<KmsKeySettings, ExistingKmsKey>;
  /** An SNS topic meetings can publish to. `true` takes the defaults. @default no topic */
  readonly topic?: boolean | TopicSettings;
  /** The Lambda event handler, fed from the queue. `true` takes the defaults. @default no handler */
  readonly handler?: boolean | HandlerSettings;
  /** An EventBridge rule on the default bus for `aws.chime` meeting events. `true` takes the defaults. @default no rule */
  readonly eventBridge?: boolean | EventBridgeSettings;
  /** Tags for every taggable child. */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** What a `Meeting` takes as its `notificationsConfiguration` input (the Meeting resource's camelCase shape). */
export interface NotificationsConfigurationOutput {
  sqsQueueArn: string;
  snsTopicArn?: string;
  lambdaFunctionArn?: string;
}

/** `true` → `{}`, `false`/absent → undefined: options that accept a boolean shorthand. */
export function enabled<T extends object>(option: boolean | T | undefined): Partial<T> | undefined {
  if (option === undefined || option === false) return undefined;
  return option === true ? {} : option;
}

/** The configuration a Meeting takes, without keys for targets that do not exist. */
export function notificationsConfigurationFor(targets: {
  sqsQueueArn: string;
  snsTopicArn?: string;
  lambdaFunctionArn?: string;
}): NotificationsConfigurationOutput {
  const configuration: NotificationsConfigurationOutput = { sqsQueueArn: targets.sqsQueueArn };
  if (targets.snsTopicArn !== undefined) configuration.snsTopicArn = targets.snsTopicArn;
  if (targets.lambdaFunctionArn !== undefined) configuration.lambdaFunctionArn = targets.lambdaFunctionArn;
  return configuration;
}
