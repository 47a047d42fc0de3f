import assert from "node:assert/strict";
import type { MeetingSource } from "../../../components/notifications/policies";
import {
  chimeEventPattern,
  deadLetterQueuePolicyDocument,
  handlerAssumeRolePolicyDocument,
  handlerRolePolicyDocument,
  kmsKeyPolicyDocument,
  kmsStatementsForMeetings,
  meetingSourceArnPatterns,
  meetingsSourceConditions,
  queuePolicyDocument,
  redrivePolicy,
  topicPolicyDocument,
} from "../../../components/notifications/policies";

const source: MeetingSource = { partition: "aws", accountId: "123456789012", meetingRegions: ["us-east-1"] };
const QUEUE = "arn:aws:sqs:us-east-1:123456789012:meetings-queue";
const TOPIC = "arn:aws:sns:us-east-1:123456789012:meetings-topic";
const RULE = "arn:aws:events:us-east-1:123456789012:rule/meetings-events";
const MEETINGS_CONDITION = {
  StringEquals: { "aws:SourceAccount": "123456789012" },
  ArnLike: { "aws:SourceArn": ["arn:aws:chime:us-east-1:123456789012:meeting/*"] },
};

describe("notification policy builders", () => {
  describe("meetingSourceArnPatterns", () => {
    const cases: { title: string; source: MeetingSource; expected: string[] }[] = [
      { title: "one pattern for the default single region", source, expected: ["arn:aws:chime:us-east-1:123456789012:meeting/*"] },
      {
        title: "one pattern per listed region, duplicates dropped",
        source: { ...source, meetingRegions: ["us-east-1", "eu-central-1", "us-east-1"] },
        expected: ["arn:aws:chime:us-east-1:123456789012:meeting/*", "arn:aws:chime:eu-central-1:123456789012:meeting/*"],
      },
      {
        title: 'a region wildcard when "*" is listed',
        source: { ...source, meetingRegions: ["*"] },
        expected: ["arn:aws:chime:*:123456789012:meeting/*"],
      },
      {
        title: "the GovCloud partition in GovCloud ARNs",
        source: { partition: "aws-us-gov", accountId: "123456789012", meetingRegions: ["us-gov-west-1"] },
        expected: ["arn:aws-us-gov:chime:us-gov-west-1:123456789012:meeting/*"],
      },
    ];
    for (const c of cases) {
      it(`builds ${c.title}`, () => assert.deepEqual(meetingSourceArnPatterns(c.source), c.expected));
    }
    it("refuses an empty region list, naming the field", () => {
      assert.throws(() => meetingSourceArnPatterns({ ...source, meetingRegions: [] }), {
        message: 'meetingRegions: value [] must list at least one region (or "*")',
      });
    });
  });

  it("pins every meetings grant to the account and to meeting ARNs", () => {
    assert.deepEqual(meetingsSourceConditions(source), MEETINGS_CONDITION);
  });

  describe("queuePolicyDocument", () => {
    const chimeStatement = {
      Sid: "AllowChimeMeetingsSendMessage",
      Effect: "Allow",
      Principal: { Service: "meetings.chime.amazonaws.com" },
      Action: ["sqs:SendMessage", "sqs:GetQueueUrl"],
      Resource: QUEUE,
      Condition: MEETINGS_CONDITION,
    };
    const tlsStatement = {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "sqs:*",
      Resource: QUEUE,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
    const topicStatement = {
      Sid: "AllowTopicSendMessage",
      Effect: "Allow",
      Principal: { Service: "sns.amazonaws.com" },
      Action: "sqs:SendMessage",
      Resource: QUEUE,
      Condition: { ArnEquals: { "aws:SourceArn": TOPIC } },
    };
    const ruleStatement = {
      Sid: "AllowEventRuleSendMessage",
      Effect: "Allow",
      Principal: { Service: "events.amazonaws.com" },
      Action: "sqs:SendMessage",
      Resource: QUEUE,
      Condition: { ArnEquals: { "aws:SourceArn": RULE } },
    };
    const cases = [
      { title: "only meetings (and TLS) by default", inputs: {}, statements: [chimeStatement, tlsStatement] },
      {
        title: "the subscribed topic, scoped to its ARN",
        inputs: { subscribedTopicArn: TOPIC },
        statements: [chimeStatement, topicStatement, tlsStatement],
      },
      {
        title: "the EventBridge rule, scoped to its ARN",
        inputs: { eventRuleArn: RULE },
        statements: [chimeStatement, ruleStatement, tlsStatement],
      },
      {
        title: "topic and rule together",
        inputs: { subscribedTopicArn: TOPIC, eventRuleArn: RULE },
        statements: [chimeStatement, topicStatement, ruleStatement, tlsStatement],
      },
    ];
    for (const c of cases) {
      it(`allows ${c.title}`, () => {
        assert.deepEqual(queuePolicyDocument({ queueArn: QUEUE, source, ...c.inputs }), { Version: "2012-10-17", Statement: c.statements });
      });
    }
  });

  describe("deadLetterQueuePolicyDocument", () => {
    const DLQ = "arn:aws:sqs:us-east-1:123456789012:meetings-dlq";
    const fromTopic = {
      Sid: "AllowTopicSendMessage",
      Effect: "Allow",
      Principal: { Service: "sns.amazonaws.com" },
      Action: "sqs:SendMessage",
      Resource: DLQ,
      Condition: { ArnEquals: { "aws:SourceArn": TOPIC } },
    };
    const fromRule = {
      Sid: "AllowEventRuleSendMessage",
      Effect: "Allow",
      Principal: { Service: "events.amazonaws.com" },
      Action: "sqs:SendMessage",
      Resource: DLQ,
      Condition: { ArnEquals: { "aws:SourceArn": RULE } },
    };
    const tls = {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "sqs:*",
      Resource: DLQ,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
    const cases = [
      { title: "the subscribed topic", inputs: { subscribedTopicArn: TOPIC }, statements: [fromTopic, tls] },
      { title: "the EventBridge rule", inputs: { eventRuleArn: RULE }, statements: [fromRule, tls] },
      { title: "both", inputs: { subscribedTopicArn: TOPIC, eventRuleArn: RULE }, statements: [fromTopic, fromRule, tls] },
    ];
    for (const c of cases) {
      it(`lets only ${c.title} send undeliverable messages to the dead-letter queue`, () => {
        assert.deepEqual(deadLetterQueuePolicyDocument({ queueArn: DLQ, ...c.inputs }), { Version: "2012-10-17", Statement: c.statements });
      });
    }
  });

  it("lets meetings publish to the topic and nothing else", () => {
    assert.deepEqual(topicPolicyDocument({ topicArn: TOPIC, source }), {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AllowChimeMeetingsPublish",
          Effect: "Allow",
          Principal: { Service: "meetings.chime.amazonaws.com" },
          Action: ["SNS:Publish"],
          Resource: TOPIC,
          Condition: MEETINGS_CONDITION,
        },
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "SNS:Publish",
          Resource: TOPIC,
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    });
  });

  describe("kmsKeyPolicyDocument", () => {
    const admin = {
      Sid: "AllowAccountAdministration",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::123456789012:root" },
      Action: "kms:*",
      Resource: "*",
    };
    const meetings = {
      Sid: "AllowChimeMeetingsUseOfKey",
      Effect: "Allow",
      Principal: { Service: "meetings.chime.amazonaws.com" },
      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
      Resource: "*",
      Condition: MEETINGS_CONDITION,
    };
    const topic = {
      Sid: "AllowTopicUseOfKey",
      Effect: "Allow",
      Principal: { Service: "sns.amazonaws.com" },
      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
      Resource: "*",
      Condition: { ArnEquals: { "aws:SourceArn": TOPIC } },
    };
    const rule = {
      Sid: "AllowEventRuleUseOfKey",
      Effect: "Allow",
      Principal: { Service: "events.amazonaws.com" },
      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
      Resource: "*",
      Condition: { ArnEquals: { "aws:SourceArn": RULE } },
    };
    const cases = [
      { title: "the account and meetings only by default", inputs: {}, statements: [admin, meetings] },
      { title: "SNS for the subscribed topic", inputs: { subscribedTopicArn: TOPIC }, statements: [admin, meetings, topic] },
      { title: "EventBridge for the rule", inputs: { eventRuleArn: RULE }, statements: [admin, meetings, rule] },
    ];
    for (const c of cases) {
      it(`grants ${c.title}`, () => {
        assert.deepEqual(kmsKeyPolicyDocument({ source, ...c.inputs }), { Version: "2012-10-17", Statement: c.statements });
      });
    }
    it("offers the meetings statement alone for an existing key's policy", () => {
      assert.deepEqual(kmsStatementsForMeetings(source), [meetings]);
    });
  });

  it("lets only Lambda assume the handler role", () => {
    assert.deepEqual(handlerAssumeRolePolicyDocument(), {
      Version: "2012-10-17",
      Statement: [
        { Sid: "AllowLambdaAssumeRole", Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
      ],
    });
  });

  describe("handlerRolePolicyDocument", () => {
    const LOGS = "arn:aws:logs:us-east-1:123456789012:log-group:meetings-handler-logs";
    const logs = {
      Sid: "WriteOwnLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: `${LOGS}:log-stream:*`,
    };
    const consume = {
      Sid: "ConsumeQueue",
      Effect: "Allow",
      Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
      Resource: QUEUE,
    };
    const KEY = "arn:aws:kms:us-east-1:123456789012:key/abc";
    const DLQ = "arn:aws:sqs:us-east-1:123456789012:meetings-dlq";
    const cases = [
      { title: "its own log streams and its queue", inputs: { logGroupArn: LOGS, queueArn: QUEUE }, statements: [logs, consume] },
      {
        title: "the same when the log group ARN ends in :*",
        inputs: { logGroupArn: `${LOGS}:*`, queueArn: QUEUE },
        statements: [logs, consume],
      },
      {
        title: "decrypt with the queue's key when there is one",
        inputs: { logGroupArn: LOGS, queueArn: QUEUE, kmsKeyArn: KEY },
        statements: [logs, consume, { Sid: "DecryptQueueMessages", Effect: "Allow", Action: "kms:Decrypt", Resource: KEY }],
      },
      {
        title: "sending failed invocations to the dead-letter queue",
        inputs: { logGroupArn: LOGS, queueArn: QUEUE, deadLetterQueueArn: DLQ },
        statements: [logs, consume, { Sid: "SendFailedInvocations", Effect: "Allow", Action: "sqs:SendMessage", Resource: DLQ }],
      },
      {
        title: "encrypting failed invocations with the key",
        inputs: { logGroupArn: LOGS, queueArn: QUEUE, kmsKeyArn: KEY, deadLetterQueueArn: DLQ },
        statements: [
          logs,
          consume,
          { Sid: "DecryptQueueMessages", Effect: "Allow", Action: "kms:Decrypt", Resource: KEY },
          { Sid: "SendFailedInvocations", Effect: "Allow", Action: "sqs:SendMessage", Resource: DLQ },
          { Sid: "EncryptFailedInvocations", Effect: "Allow", Action: "kms:GenerateDataKey", Resource: KEY },
        ],
      },
    ];
    for (const c of cases) {
      it(`allows ${c.title}`, () => {
        assert.deepEqual(handlerRolePolicyDocument(c.inputs), { Version: "2012-10-17", Statement: c.statements });
      });
    }
  });

  it("matches Chime meeting state changes from aws.chime", () => {
    assert.deepEqual(chimeEventPattern(), { source: ["aws.chime"], "detail-type": ["Chime Meeting State Change"] });
  });

  it("points the redrive policy at the dead-letter queue", () => {
    assert.deepEqual(redrivePolicy("arn:aws:sqs:us-east-1:123456789012:dlq", 5), {
      deadLetterTargetArn: "arn:aws:sqs:us-east-1:123456789012:dlq",
      maxReceiveCount: 5,
    });
  });
});
