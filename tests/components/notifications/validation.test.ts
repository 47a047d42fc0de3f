import assert from "node:assert/strict";
import type { MeetingNotificationsArgs } from "../../../components/notifications/args";
import { notificationsConfigurationFor } from "../../../components/notifications/args";
import { childName, chimeInvokePermissionName } from "../../../components/notifications/names";
import { argsViolations, assertValidArgs } from "../../../components/notifications/validation";
import { formatViolation } from "../../../chime/violation";

describe("MeetingNotifications args validation", () => {
  const valid: { title: string; args: MeetingNotificationsArgs }[] = [
    { title: "no args at all", args: {} },
    {
      title: "every option enabled",
      args: {
        topic: true,
        handler: { directTarget: true },
        eventBridge: { target: "handler" },
        kmsKey: { args: {} },
        meetingRegions: ["us-east-1", "eu-central-1"],
        region: "us-east-1",
      },
    },
    { title: "a region wildcard", args: { meetingRegions: ["*"] } },
    {
      title: "an existing key and dead-letter queue",
      args: {
        kmsKey: { existing: { arn: "arn:aws:kms:us-east-1:123456789012:key/k" } },
        deadLetterQueue: { existing: { arn: "arn:aws:sqs:us-east-1:123456789012:dlq" } },
      },
    },
    {
      title: "a visibility timeout equal to the handler timeout",
      args: { queue: { visibilityTimeoutSeconds: 60 }, handler: { timeoutSeconds: 60 } },
    },
  ];
  for (const c of valid) {
    it(`accepts ${c.title}`, () => assert.deepEqual(argsViolations(c.args), []));
  }

  const invalid: { title: string; args: MeetingNotificationsArgs; messages: string[] }[] = [
    {
      title: "an empty meetingRegions list",
      args: { meetingRegions: [] },
      messages: ['meetingRegions: value [] must list at least one region (or "*")'],
    },
    {
      title: "an unknown meeting region",
      args: { meetingRegions: ["us-east-1", "mars-north-1"] },
      messages: ['meetingRegions[1]: value "mars-north-1" must be a Chime media or control region, or "*"'],
    },
    {
      title: "two modes for the KMS key",
      args: { kmsKey: { skip: true, args: {} } },
      messages: ['kmsKey: value ["skip","args"] must set only one of skip, existing or args'],
    },
    {
      title: "a skipped dead-letter queue",
      args: { deadLetterQueue: { skip: true } },
      messages: ["deadLetterQueue.skip: value true is not allowed: failed events must have somewhere to go"],
    },
    {
      title: "a maxReceiveCount above the SQS limit",
      args: { deadLetterQueue: { args: { maxReceiveCount: 1001 } } },
      messages: ["deadLetterQueue.args.maxReceiveCount: value 1001 must be an integer from 1 to 1000"],
    },
    {
      title: "a handler timeout beyond Lambda's maximum",
      args: { handler: { timeoutSeconds: 901 }, queue: { visibilityTimeoutSeconds: 5400 } },
      messages: ["handler.timeoutSeconds: value 901 must be an integer from 1 to 900"],
    },
    {
      title: "a visibility timeout shorter than the handler timeout",
      args: { handler: { timeoutSeconds: 120 }, queue: { visibilityTimeoutSeconds: 60 } },
      messages: [
        "queue.visibilityTimeoutSeconds: value 60 must be at least handler.timeoutSeconds (120) so messages are not redelivered mid-invocation",
      ],
    },
    {
      title: "a skipped handler log group",
      args: { handler: { logGroup: { skip: true } } },
      messages: ["handler.logGroup.skip: value true is not allowed: the handler always logs to its own group"],
    },
    {
      title: "an EventBridge handler target without a handler",
      args: { eventBridge: { target: "handler" } },
      messages: ['eventBridge.target: value "handler" needs the handler option to be enabled'],
    },
    {
      title: "an unknown EventBridge target",
      args: { eventBridge: { target: "lambda" as unknown as "handler" }, handler: true },
      messages: ['eventBridge.target: value "lambda" must be "queue" or "handler"'],
    },
  ];
  for (const c of invalid) {
    it(`rejects ${c.title} with a message naming the field, value and rule`, () => {
      assert.deepEqual(argsViolations(c.args).map(formatViolation), c.messages);
    });
  }

  it("throws one error listing every violation before anything is created", () => {
    assert.throws(() => assertValidArgs("meetings", { meetingRegions: [], deadLetterQueue: { skip: true } }), {
      message:
        'MeetingNotifications "meetings" has invalid args: meetingRegions: value [] must list at least one region ' +
        '(or "*"); deadLetterQueue.skip: value true is not allowed: failed events must have somewhere to go',
    });
  });
});

describe("MeetingNotifications names and configuration", () => {
  const names: [string, string][] = [
    [childName("meetings", "queue"), "meetings-queue"],
    [childName("meetings", "deadLetterQueue"), "meetings-dlq"],
    [childName("meetings", "topicSubscription"), "meetings-topic-queue"],
    [chimeInvokePermissionName("meetings"), "meetings-handler-chime-invoke"],
    [chimeInvokePermissionName("meetings", "eu-central-1"), "meetings-handler-chime-invoke-eu-central-1"],
    [chimeInvokePermissionName("meetings", "*"), "meetings-handler-chime-invoke-any-region"],
  ];
  for (const [actual, expected] of names) {
    it(`names a child ${expected}`, () => assert.equal(actual, expected));
  }

  it("puts only existing targets in notificationsConfiguration", () => {
    assert.deepEqual(notificationsConfigurationFor({ sqsQueueArn: "q" }), { sqsQueueArn: "q" });
    assert.deepEqual(notificationsConfigurationFor({ sqsQueueArn: "q", snsTopicArn: "t", lambdaFunctionArn: undefined }), {
      sqsQueueArn: "q",
      snsTopicArn: "t",
    });
    assert.deepEqual(Object.keys(notificationsConfigurationFor({ sqsQueueArn: "q", lambdaFunctionArn: "f" })), [
      "sqsQueueArn",
      "lambdaFunctionArn",
    ]);
  });
});
