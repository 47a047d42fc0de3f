/**
 * Type tokens and input names of the notification-target resources, as declared by the installed
 * @pulumi/aws 7.48.0 and @pulumi/aws-native 1.79.0 (`__pulumiType` and the `*Args` interfaces).
 * aws-native 1.79.0 has no sqs:QueuePolicy (only QueueInlinePolicy), so none is listed.
 */
export const AWS = {
  queue: "aws:sqs/queue:Queue",
  queuePolicy: "aws:sqs/queuePolicy:QueuePolicy",
  redrivePolicy: "aws:sqs/redrivePolicy:RedrivePolicy",
  redriveAllowPolicy: "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy",
  topic: "aws:sns/topic:Topic",
  topicPolicy: "aws:sns/topicPolicy:TopicPolicy",
  permission: "aws:lambda/permission:Permission",
  key: "aws:kms/key:Key",
  keyPolicy: "aws:kms/keyPolicy:KeyPolicy",
  eventRule: "aws:cloudwatch/eventRule:EventRule",
  eventTarget: "aws:cloudwatch/eventTarget:EventTarget",
} as const;

export const NATIVE = {
  queue: "aws-native:sqs:Queue",
  queueInlinePolicy: "aws-native:sqs:QueueInlinePolicy",
  topic: "aws-native:sns:Topic",
  topicPolicy: "aws-native:sns:TopicPolicy",
  topicInlinePolicy: "aws-native:sns:TopicInlinePolicy",
  permission: "aws-native:lambda:Permission",
  key: "aws-native:kms:Key",
  rule: "aws-native:events:Rule",
} as const;

/** Which input holds the resource policy document, per type. */
export const POLICY_DOCUMENT_INPUTS = {
  sqs: { [AWS.queue]: "policy", [AWS.queuePolicy]: "policy", [NATIVE.queueInlinePolicy]: "policyDocument" },
  sns: {
    [AWS.topic]: "policy",
    [AWS.topicPolicy]: "policy",
    [NATIVE.topicPolicy]: "policyDocument",
    [NATIVE.topicInlinePolicy]: "policyDocument",
  },
  kms: { [AWS.key]: "policy", [AWS.keyPolicy]: "policy", [NATIVE.key]: "keyPolicy" },
} as const satisfies Record<string, Record<string, string>>;

export const QUEUE_TYPES: readonly string[] = [AWS.queue, NATIVE.queue];
export const TOPIC_TYPES: readonly string[] = [AWS.topic, NATIVE.topic];
export const PERMISSION_TYPES: readonly string[] = [AWS.permission, NATIVE.permission];

export type PolicyService = keyof typeof POLICY_DOCUMENT_INPUTS;

const RESOURCE_WORD: Record<PolicyService, string> = { sqs: "queue", sns: "topic", kms: "key" };
const ARTICLE: Record<PolicyService, string> = { sqs: "an", sns: "an", kms: "a" };

/** How the per-service rules over resource-policy documents name and find what they check. */
export interface PolicyHolder {
  /** `sqs-queue`, `sns-topic`, `kms-key`: the start of the rule name. */
  rulePrefix: string;
  /** "an SQS queue", for descriptions. */
  phrase: string;
  /** Type token → the input holding the policy document. */
  inputs: Readonly<Record<string, string>>;
}

export function policyHolder(service: PolicyService): PolicyHolder {
  const word = RESOURCE_WORD[service];
  return {
    rulePrefix: `${service}-${word}`,
    phrase: `${ARTICLE[service]} ${service.toUpperCase()} ${word}`,
    inputs: POLICY_DOCUMENT_INPUTS[service],
  };
}
