import { meetingArn } from "../../chime/arn";
import type { Partition } from "../../chime/regions";
import { EVENT_DETAIL_TYPE, EVENT_SOURCE } from "../../chime/events";
import type { ConditionBlock, PolicyDocument, PolicyStatement } from "./policy-document";
import { policyDocument } from "./policy-document";

/**
 * Pure builders for every policy document the MeetingNotifications component writes.
 * Inputs are plain strings so each document can be table-tested; the component feeds them resolved outputs.
 */

/** The service principal of the `meetings` namespace (docs/API-NOTES.md#notifications; the legacy namespace used `chime.amazonaws.com`). */
export const MEETINGS_SERVICE_PRINCIPAL = "meetings.chime.amazonaws.com";
export const SNS_SERVICE_PRINCIPAL = "sns.amazonaws.com";
export const EVENTS_SERVICE_PRINCIPAL = "events.amazonaws.com";
export const LAMBDA_SERVICE_PRINCIPAL = "lambda.amazonaws.com";

/** The only actions the meetings service needs on each target type (docs/API-NOTES.md#notifications). */
export const MEETINGS_QUEUE_ACTIONS = ["sqs:SendMessage", "sqs:GetQueueUrl"];
export const MEETINGS_TOPIC_ACTIONS = ["SNS:Publish"];
export const MEETINGS_KEY_ACTIONS = ["kms:GenerateDataKey", "kms:Decrypt"];
export const MEETINGS_LAMBDA_ACTION = "lambda:InvokeFunction";
export const HANDLER_QUEUE_ACTIONS = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"];

/** Who may send: meetings of one account, whose ARNs carry one of `meetingRegions` (or "*"). */
export interface MeetingSource {
  partition: Partition;
  accountId: string;
  meetingRegions: string[];
}

/** `arn:<partition>:chime:<region>:<account>:meeting/*` for each region, without duplicates. */
export function meetingSourceArnPatterns(source: MeetingSource): string[] {
  if (source.meetingRegions.length === 0) {
    throw new Error('meetingRegions: value [] must list at least one region (or "*")');
  }
  const unique = [...new Set(source.meetingRegions)];
  return unique.map((region) => meetingArn(region, source.accountId, "*", source.partition));
}

/** Confused-deputy guard for grants to the meetings service principal. */
export function meetingsSourceConditions(source: MeetingSource): ConditionBlock {
  return {
    StringEquals: { "aws:SourceAccount": source.accountId },
    ArnLike: { "aws:SourceArn": meetingSourceArnPatterns(source) },
  };
}

function denyInsecureTransport(action: string, resource: string): PolicyStatement {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: action,
    Resource: resource,
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

function serviceSendsFrom(sid: string, service: string, action: string | string[], resource: string, sourceArn: string): PolicyStatement {
  return {
    Sid: sid,
    Effect: "Allow",
    Principal: { Service: service },
    Action: action,
    Resource: resource,
    Condition: { ArnEquals: { "aws:SourceArn": sourceArn } },
  };
}

export interface QueuePolicyInputs {
  queueArn: string;
  source: MeetingSource;
  /** The topic the queue subscribes to, when it does. */
  subscribedTopicArn?: string;
  /** The EventBridge rule that targets the queue, when one does. */
  eventRuleArn?: string;
}

/** A queue of ours and the services that forward to it. */
type ForwardedQueue = Pick<QueuePolicyInputs, "queueArn" | "subscribedTopicArn" | "eventRuleArn">;

/** What SNS (the queue's subscription) and EventBridge (the rule's target) may send to a queue of ours. */
function forwarderStatements(inputs: ForwardedQueue): PolicyStatement[] {
  return [
    ...(inputs.subscribedTopicArn === undefined
      ? []
      : [serviceSendsFrom("AllowTopicSendMessage", SNS_SERVICE_PRINCIPAL, "sqs:SendMessage", inputs.queueArn, inputs.subscribedTopicArn)]),
    ...(inputs.eventRuleArn === undefined
      ? []
      : [serviceSendsFrom("AllowEventRuleSendMessage", EVENTS_SERVICE_PRINCIPAL, "sqs:SendMessage", inputs.queueArn, inputs.eventRuleArn)]),
  ];
}

export function queuePolicyDocument(inputs: QueuePolicyInputs): PolicyDocument {
  const fromMeetings: PolicyStatement = {
    Sid: "AllowChimeMeetingsSendMessage",
    Effect: "Allow",
    Principal: { Service: MEETINGS_SERVICE_PRINCIPAL },
    Action: MEETINGS_QUEUE_ACTIONS,
    Resource: inputs.queueArn,
    Condition: meetingsSourceConditions(inputs.source),
  };
  return policyDocument([fromMeetings, ...forwarderStatements(inputs), denyInsecureTransport("sqs:*", inputs.queueArn)]);
}

/**
 * The dead-letter queue also receives what the services in front of the queue could not deliver: SNS (the
 * subscription's redrive policy) and EventBridge (the target's dead-letter config).
 */
export function deadLetterQueuePolicyDocument(inputs: ForwardedQueue): PolicyDocument {
  return policyDocument([...forwarderStatements(inputs), denyInsecureTransport("sqs:*", inputs.queueArn)]);
}

export function topicPolicyDocument(inputs: { topicArn: string; source: MeetingSource }): PolicyDocument {
  return policyDocument([
    {
      Sid: "AllowChimeMeetingsPublish",
      Effect: "Allow",
      Principal: { Service: MEETINGS_SERVICE_PRINCIPAL },
      Action: MEETINGS_TOPIC_ACTIONS,
      Resource: inputs.topicArn,
      Condition: meetingsSourceConditions(inputs.source),
    },
    denyInsecureTransport("SNS:Publish", inputs.topicArn),
  ]);
}

export interface KeyPolicyInputs {
  source: MeetingSource;
  /** Set when an SNS topic delivers into a queue encrypted with this key. */
  subscribedTopicArn?: string;
  /** Set when an EventBridge rule delivers into a queue (or dead-letter queue) encrypted with this key. */
  eventRuleArn?: string;
}

/**
 * Key policy for a customer-managed key encrypting the queue (and topic). The account statement keeps the key
 * manageable through IAM (without it the key would be locked); service grants are scoped to their source.
 */
export function kmsKeyPolicyDocument(inputs: KeyPolicyInputs): PolicyDocument {
  const { partition, accountId } = inputs.source;
  const statements: PolicyStatement[] = [
    {
      Sid: "AllowAccountAdministration",
      Effect: "Allow",
      Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
      Action: "kms:*",
      Resource: "*",
    },
    ...kmsStatementsForMeetings(inputs.source),
  ];
  if (inputs.subscribedTopicArn !== undefined) {
    statements.push(serviceSendsFrom("AllowTopicUseOfKey", SNS_SERVICE_PRINCIPAL, MEETINGS_KEY_ACTIONS, "*", inputs.subscribedTopicArn));
  }
  if (inputs.eventRuleArn !== undefined) {
    statements.push(serviceSendsFrom("AllowEventRuleUseOfKey", EVENTS_SERVICE_PRINCIPAL, MEETINGS_KEY_ACTIONS, "*", inputs.eventRuleArn));
  }
  return policyDocument(statements);
}

/** The statement to add to an existing key's policy so meetings can write to targets it encrypts. */
export function kmsStatementsForMeetings(source: MeetingSource): PolicyStatement[] {
  return [
    {
      Sid: "AllowChimeMeetingsUseOfKey",
      Effect: "Allow",
      Principal: { Service: MEETINGS_SERVICE_PRINCIPAL },
      Action: MEETINGS_KEY_ACTIONS,
      Resource: "*",
      Condition: meetingsSourceConditions(source),
    },
  ];
}

export function handlerAssumeRolePolicyDocument(): PolicyDocument {
  return policyDocument([
    {
      Sid: "AllowLambdaAssumeRole",
      Effect: "Allow",
      Principal: { Service: LAMBDA_SERVICE_PRINCIPAL },
      Action: "sts:AssumeRole",
    },
  ]);
}

export interface HandlerRolePolicyInputs {
  logGroupArn: string;
  queueArn: string;
  kmsKeyArn?: string;
  /** Set when the function is invoked asynchronously (EventBridge target, direct target): its failures go here. */
  deadLetterQueueArn?: string;
}

/**
 * Least privilege for the handler: its own log group, consuming its queue, decrypting with the queue's key, and,
 * when invoked asynchronously, sending failed invocations to the dead-letter queue.
 */
export function handlerRolePolicyDocument(inputs: HandlerRolePolicyInputs): PolicyDocument {
  const statements: PolicyStatement[] = [
    {
      Sid: "WriteOwnLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: `${stripLogGroupWildcard(inputs.logGroupArn)}:log-stream:*`,
    },
    { Sid: "ConsumeQueue", Effect: "Allow", Action: HANDLER_QUEUE_ACTIONS, Resource: inputs.queueArn },
  ];
  if (inputs.kmsKeyArn !== undefined) {
    statements.push({ Sid: "DecryptQueueMessages", Effect: "Allow", Action: "kms:Decrypt", Resource: inputs.kmsKeyArn });
  }
  if (inputs.deadLetterQueueArn !== undefined) {
    statements.push({ Sid: "SendFailedInvocations", Effect: "Allow", Action: "sqs:SendMessage", Resource: inputs.deadLetterQueueArn });
    if (inputs.kmsKeyArn !== undefined) {
      statements.push({ Sid: "EncryptFailedInvocations", Effect: "Allow", Action: "kms:GenerateDataKey", Resource: inputs.kmsKeyArn });
    }
  }
  return policyDocument(statements);
}

/** Log group ARNs are reported with or without a trailing `:*` depending on the API; normalise to without. */
function stripLogGroupWildcard(arn: string): string {
  return arn.endsWith(":*") ? arn.slice(0, -2) : arn;
}

/** EventBridge pattern matching every meeting event on the default bus (docs/API-NOTES.md#event-envelope). */
export function chimeEventPattern(): { source: string[]; "detail-type": string[] } {
  return { source: [EVENT_SOURCE], "detail-type": [EVENT_DETAIL_TYPE] };
}

export function redrivePolicy(
  deadLetterQueueArn: string,
  maxReceiveCount: number,
): {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
} {
  return { deadLetterTargetArn: deadLetterQueueArn, maxReceiveCount };
}
