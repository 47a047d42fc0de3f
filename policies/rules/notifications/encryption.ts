import { resourceRule } from "../common/define";
import { violationMessage } from "../common/message";
import { isSet } from "../common/values";
import { QUEUE_TYPES, TOPIC_TYPES } from "./resource-types";

export interface QueueEncryptionConfig {
  /** Whether SQS-managed SSE (sqsManagedSseEnabled) is enough; false requires a KMS key (kmsMasterKeyId). */
  allowSqsManagedSse: boolean;
}

export type TopicEncryptionConfig = Record<string, never>;

/**
 * Severity medium; meeting events carry attendee identities. Explicit, because an implicit default would not show
 * in review. With KMS, the key policy must let meetings.chime.amazonaws.com use the key (docs/API-NOTES.md#notifications).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
 */
export const sqsQueueEnforceEncryption = resourceRule<QueueEncryptionConfig>({
  name: "sqs-queue-enforce-encryption",
  description: "Checks that an SQS queue is encrypted at rest with SQS-managed SSE or a KMS key.",
  severity: "medium",
  url: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
  enforcementLevel: "advisory",
  configSchema: { properties: { allowSqsManagedSse: { type: "boolean", default: true } } },
  resourceTypes: QUEUE_TYPES,
  check: (resource, config) => {
    const { kmsMasterKeyId, sqsManagedSseEnabled } = resource.props;
    if (isSet(kmsMasterKeyId)) return [];
    if (config.allowSqsManagedSse) {
      if (sqsManagedSseEnabled === true || (isSet(sqsManagedSseEnabled) && typeof sqsManagedSseEnabled !== "boolean")) return [];
      return [
        violationMessage({
          resource,
          field: "sqsManagedSseEnabled/kmsMasterKeyId",
          value: sqsManagedSseEnabled,
          problem: "the queue must be encrypted at rest",
          fix: "set sqsManagedSseEnabled: true, or kmsMasterKeyId to a KMS key that meetings.chime.amazonaws.com may use",
        }),
      ];
    }
    return [
      violationMessage({
        resource,
        field: "kmsMasterKeyId",
        value: kmsMasterKeyId,
        problem: "this environment requires a KMS key (policy config allowSqsManagedSse=false)",
        fix: "set kmsMasterKeyId to a KMS key whose policy lets meetings.chime.amazonaws.com call kms:GenerateDataKey and kms:Decrypt",
      }),
    ];
  },
});

/**
 * Severity medium; SNS encrypts only with KMS.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html
 */
export const snsTopicEnforceEncryption = resourceRule<TopicEncryptionConfig>({
  name: "sns-topic-enforce-encryption",
  description: "Checks that an SNS topic is encrypted at rest with a KMS key.",
  severity: "medium",
  url: "https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html",
  enforcementLevel: "advisory",
  configSchema: { properties: {} },
  resourceTypes: TOPIC_TYPES,
  check: (resource) => {
    if (isSet(resource.props.kmsMasterKeyId)) return [];
    return [
      violationMessage({
        resource,
        field: "kmsMasterKeyId",
        value: undefined,
        problem: "the topic must be encrypted at rest",
        fix: "set kmsMasterKeyId to a KMS key (alias/aws/sns, or a key whose policy lets meetings.chime.amazonaws.com use it)",
      }),
    ];
  },
});
