import assert from "node:assert/strict";
import type * as notifications from "../../../components/notifications";
import type { AwsMocks } from "./support/aws-mocks";
import { ACCOUNT_ID, child, childrenOf, installAwsMocks, outputValue, policyOf, settled } from "./support/aws-mocks";

describe("MeetingNotifications with default args", function () {
  this.timeout(20_000);
  let mocks: AwsMocks;
  let component: notifications.MeetingNotifications;
  const QUEUE_ARN = `arn:aws:sqs:us-east-1:${ACCOUNT_ID}:meetings-queue-0a1b2c3`;
  const DLQ_ARN = `arn:aws:sqs:us-east-1:${ACCOUNT_ID}:meetings-dlq-0a1b2c3`;

  before(async () => {
    mocks = await installAwsMocks();
    // Imported after setMocks: resources registered before it would resolve to undefined silently.
    const { MeetingNotifications } = await import("../../../components/notifications");
    component = new MeetingNotifications("meetings");
    await outputValue(component.notificationsConfiguration);
    await settled(mocks);
  });

  it("registers exactly the component, a queue, its dead-letter queue and the queue policy", () => {
    const graph = [...childrenOf(mocks, "meetings")].map(([role, r]) => `${role}=${r.type}`).sort();
    assert.deepEqual(graph, [
      "(component)=chime-meetings:notifications:MeetingNotifications",
      "dlq=aws:sqs/queue:Queue",
      "queue-policy=aws:sqs/queuePolicy:QueuePolicy",
      "queue=aws:sqs/queue:Queue",
    ]);
  });

  it("creates no provider and reads region, account and partition from the caller's provider", () => {
    assert.equal(
      mocks.registrations.some((r) => r.type === "pulumi:providers:aws"),
      false,
    );
    assert.deepEqual(mocks.calls.map((c) => c.token).sort(), [
      "aws:index/getCallerIdentity:getCallerIdentity",
      "aws:index/getPartition:getPartition",
      "aws:index/getRegion:getRegion",
    ]);
  });

  it("encrypts the queue with SQS-managed SSE and redrives to the dead-letter queue after 5 receives", () => {
    assert.deepEqual(child(mocks, "meetings", "queue").inputs, {
      sqsManagedSseEnabled: true,
      visibilityTimeoutSeconds: 180,
      messageRetentionSeconds: 345600,
      redrivePolicy: JSON.stringify({ deadLetterTargetArn: DLQ_ARN, maxReceiveCount: 5 }),
    });
  });

  it("encrypts the dead-letter queue the same way and keeps its messages 14 days", () => {
    assert.deepEqual(child(mocks, "meetings", "dlq").inputs, { sqsManagedSseEnabled: true, messageRetentionSeconds: 1209600 });
  });

  it("grants meetings.chime.amazonaws.com only SendMessage and GetQueueUrl, for this account's meetings", () => {
    const queuePolicy = child(mocks, "meetings", "queue-policy");
    assert.equal(queuePolicy.inputs.queueUrl, `https://sqs.us-east-1.amazonaws.com/${ACCOUNT_ID}/meetings-queue-0a1b2c3`);
    assert.deepEqual(policyOf(queuePolicy), {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AllowChimeMeetingsSendMessage",
          Effect: "Allow",
          Principal: { Service: "meetings.chime.amazonaws.com" },
          Action: ["sqs:SendMessage", "sqs:GetQueueUrl"],
          Resource: QUEUE_ARN,
          Condition: {
            StringEquals: { "aws:SourceAccount": ACCOUNT_ID },
            ArnLike: { "aws:SourceArn": [`arn:aws:chime:us-east-1:${ACCOUNT_ID}:meeting/*`] },
          },
        },
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "sqs:*",
          Resource: QUEUE_ARN,
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    });
  });

  it("hands a Meeting a configuration naming only the queue", async () => {
    assert.deepEqual(await outputValue(component.notificationsConfiguration), { sqsQueueArn: QUEUE_ARN });
  });

  it("exposes no topic, handler, rule or customer key", () => {
    assert.equal(component.topic, undefined);
    assert.equal(component.handlerFunction, undefined);
    assert.equal(component.eventRule, undefined);
    assert.equal(component.kmsKeyArn, undefined);
  });

  it("exposes the dead-letter queue it created", async () => {
    assert.equal(await outputValue(component.deadLetterQueueArn), DLQ_ARN);
    assert.notEqual(component.deadLetterQueue, undefined);
  });

  it("refuses invalid args before registering any child", async () => {
    const { MeetingNotifications } = await import("../../../components/notifications");
    const before = mocks.registrations.length;
    assert.throws(() => new MeetingNotifications("broken", { eventBridge: { target: "handler" } }), {
      message: 'MeetingNotifications "broken" has invalid args: eventBridge.target: value "handler" needs the handler option to be enabled',
    });
    await settled(mocks);
    // The component registers itself (super) before it checks its args, so it alone is registered.
    assert.deepEqual(
      mocks.registrations.slice(before).map((r) => r.name),
      ["broken"],
    );
  });
});
