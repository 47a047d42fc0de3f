import assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type * as notifications from "../../../components/notifications";
import { bundleHandler } from "../../../components/notifications/bundle";
import type { AwsMocks } from "./support/aws-mocks";
import { ACCOUNT_ID, child, childrenOf, installAwsMocks, normalisedInputs, outputValue, policyOf, settled } from "./support/aws-mocks";

/** What an option changed relative to the default component. */
interface Delta {
  added: Record<string, string>;
  removed: string[];
  changed: string[];
}

const KEY_ARN = (name: string) => `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/key-${name}-key`;
const EXISTING_KEY = `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/existing`;
const EXISTING_DLQ = `arn:aws:sqs:us-east-1:${ACCOUNT_ID}:existing-dlq`;
const arnOf = (service: string, resource: string) => `arn:aws:${service}:us-east-1:${ACCOUNT_ID}:${resource}-0a1b2c3`;

const SCENARIOS: Record<string, notifications.MeetingNotificationsArgs> = {
  base: {},
  withTopic: { topic: true },
  withTopicUnsubscribed: { topic: { subscribeQueue: false } },
  withKey: { kmsKey: { args: {} } },
  withExistingKey: { kmsKey: { existing: { arn: EXISTING_KEY } } },
  withKeyAndTopic: { kmsKey: { args: {} }, topic: true },
  withHandler: { handler: true },
  withSlowHandler: { handler: { timeoutSeconds: 120 } },
  withNode20Handler: { handler: { runtime: "nodejs20.x" } },
  withHandlerAndKey: { handler: true, kmsKey: { existing: { arn: EXISTING_KEY } } },
  withDirectHandler: { handler: { directTarget: true } },
  withDirectHandlerRegions: { handler: { directTarget: true }, meetingRegions: ["us-east-1", "eu-central-1"] },
  withRule: { eventBridge: true },
  withRuleToHandler: { eventBridge: { target: "handler" }, handler: true },
  withMeetingRegions: { meetingRegions: ["eu-central-1"] },
  withExistingDlq: { deadLetterQueue: { existing: { arn: EXISTING_DLQ } } },
  withRegion: { region: "eu-central-1", topic: true, handler: true, eventBridge: true, kmsKey: { args: {} } },
  withTags: { tags: { team: "meetings" }, topic: true, handler: true, eventBridge: true, kmsKey: { args: {} } },
};

describe("MeetingNotifications options", function () {
  this.timeout(30_000);
  let mocks: AwsMocks;
  const components: Record<string, notifications.MeetingNotifications> = {};

  before(async () => {
    mocks = await installAwsMocks();
    const { MeetingNotifications } = await import("../../../components/notifications");
    for (const [name, args] of Object.entries(SCENARIOS)) components[name] = new MeetingNotifications(name, args);
    const callerProvider = new aws.Provider("callerProvider", { region: "ap-southeast-1" });
    components.withCallerProvider = new MeetingNotifications("withCallerProvider", { topic: true }, { provider: callerProvider });
    await Promise.all(Object.values(components).map((c) => outputValue(c.notificationsConfiguration)));
    await settled(mocks);
  });

  function delta(name: string, against = "base"): Delta {
    const base = childrenOf(mocks, against);
    const scenario = childrenOf(mocks, name);
    const result: Delta = { added: {}, removed: [], changed: [] };
    for (const [role, r] of scenario) {
      const previous = base.get(role);
      if (previous === undefined) result.added[role] = r.type;
      else if (JSON.stringify(normalisedInputs(r, name)) !== JSON.stringify(normalisedInputs(previous, against))) {
        result.changed.push(role);
      }
    }
    result.removed = [...base.keys()].filter((role) => !scenario.has(role));
    result.changed.sort();
    return result;
  }

  const statementSids = (name: string, role: string) => policyOf(child(mocks, name, role)).Statement.map((s) => s.Sid);

  describe("topic", () => {
    it("adds a topic, its policy and the queue subscription, and lets that topic send to the queue", () => {
      assert.deepEqual(delta("withTopic"), {
        added: {
          topic: "aws:sns/topic:Topic",
          "topic-policy": "aws:sns/topicPolicy:TopicPolicy",
          "topic-queue": "aws:sns/topicSubscription:TopicSubscription",
          "dlq-policy": "aws:sqs/queuePolicy:QueuePolicy",
        },
        removed: [],
        changed: ["queue-policy"],
      });
      const sendFromTopic = policyOf(child(mocks, "withTopic", "queue-policy")).Statement[1];
      assert.deepEqual(sendFromTopic, {
        Sid: "AllowTopicSendMessage",
        Effect: "Allow",
        Principal: { Service: "sns.amazonaws.com" },
        Action: "sqs:SendMessage",
        Resource: arnOf("sqs", "withTopic-queue"),
        Condition: { ArnEquals: { "aws:SourceArn": arnOf("sns", "withTopic-topic") } },
      });
    });

    it("encrypts the topic with alias/aws/sns when there is no customer key", () => {
      assert.deepEqual(child(mocks, "withTopic", "topic").inputs, { kmsMasterKeyId: "alias/aws/sns" });
    });

    it("subscribes the queue with raw message delivery, redriving undeliverable messages to the dead-letter queue", () => {
      assert.deepEqual(child(mocks, "withTopic", "topic-queue").inputs, {
        topic: arnOf("sns", "withTopic-topic"),
        protocol: "sqs",
        endpoint: arnOf("sqs", "withTopic-queue"),
        rawMessageDelivery: true,
        redrivePolicy: JSON.stringify({ deadLetterTargetArn: arnOf("sqs", "withTopic-dlq") }),
      });
      assert.deepEqual(statementSids("withTopic", "dlq-policy"), ["AllowTopicSendMessage", "DenyInsecureTransport"]);
      assert.deepEqual(policyOf(child(mocks, "withTopic", "dlq-policy")).Statement[0].Condition, {
        ArnEquals: { "aws:SourceArn": arnOf("sns", "withTopic-topic") },
      });
    });

    it("with topic, rule and key admits both senders to the dead-letter queue", () => {
      assert.deepEqual(statementSids("withRegion", "dlq-policy"), [
        "AllowTopicSendMessage",
        "AllowEventRuleSendMessage",
        "DenyInsecureTransport",
      ]);
    });

    it("lets meetings of this account publish, and nothing else", () => {
      const policy = child(mocks, "withTopic", "topic-policy");
      assert.equal(policy.inputs.arn, arnOf("sns", "withTopic-topic"));
      assert.deepEqual(policyOf(policy).Statement, [
        {
          Sid: "AllowChimeMeetingsPublish",
          Effect: "Allow",
          Principal: { Service: "meetings.chime.amazonaws.com" },
          Action: ["SNS:Publish"],
          Resource: arnOf("sns", "withTopic-topic"),
          Condition: {
            StringEquals: { "aws:SourceAccount": ACCOUNT_ID },
            ArnLike: { "aws:SourceArn": [`arn:aws:chime:us-east-1:${ACCOUNT_ID}:meeting/*`] },
          },
        },
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "SNS:Publish",
          Resource: arnOf("sns", "withTopic-topic"),
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ]);
    });

    it("adds the topic to the configuration a Meeting takes", async () => {
      assert.deepEqual(await outputValue(components.withTopic.notificationsConfiguration), {
        sqsQueueArn: arnOf("sqs", "withTopic-queue"),
        snsTopicArn: arnOf("sns", "withTopic-topic"),
      });
    });

    it("without the subscription adds only the topic and its policy", () => {
      assert.deepEqual(delta("withTopicUnsubscribed"), {
        added: { topic: "aws:sns/topic:Topic", "topic-policy": "aws:sns/topicPolicy:TopicPolicy" },
        removed: [],
        changed: [],
      });
    });
  });

  describe("kmsKey", () => {
    it("creates a rotating key and its policy, and encrypts both queues with it", () => {
      assert.deepEqual(delta("withKey"), {
        added: { key: "aws:kms/key:Key", "key-policy": "aws:kms/keyPolicy:KeyPolicy" },
        removed: [],
        changed: ["dlq", "queue"],
      });
      assert.deepEqual(child(mocks, "withKey", "key").inputs, {
        description: "Encrypts Chime meeting notifications",
        deletionWindowInDays: 30,
        enableKeyRotation: true,
      });
      for (const role of ["queue", "dlq"]) {
        const inputs = child(mocks, "withKey", role).inputs;
        assert.equal(inputs.kmsMasterKeyId, KEY_ARN("withKey"));
        assert.equal(inputs.kmsDataKeyReusePeriodSeconds, 300);
        assert.equal("sqsManagedSseEnabled" in inputs, false);
      }
    });

    it("lets the account administer the key and meetings use it, under confused-deputy conditions", () => {
      const keyPolicy = child(mocks, "withKey", "key-policy");
      assert.equal(keyPolicy.inputs.keyId, "key-withKey-key");
      assert.deepEqual(policyOf(keyPolicy).Statement, [
        {
          Sid: "AllowAccountAdministration",
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` },
          Action: "kms:*",
          Resource: "*",
        },
        {
          Sid: "AllowChimeMeetingsUseOfKey",
          Effect: "Allow",
          Principal: { Service: "meetings.chime.amazonaws.com" },
          Action: ["kms:GenerateDataKey", "kms:Decrypt"],
          Resource: "*",
          Condition: {
            StringEquals: { "aws:SourceAccount": ACCOUNT_ID },
            ArnLike: { "aws:SourceArn": [`arn:aws:chime:us-east-1:${ACCOUNT_ID}:meeting/*`] },
          },
        },
      ]);
    });

    it("uses an existing key without creating one or touching its policy", () => {
      assert.deepEqual(delta("withExistingKey"), { added: {}, removed: [], changed: ["dlq", "queue"] });
      assert.equal(child(mocks, "withExistingKey", "queue").inputs.kmsMasterKeyId, EXISTING_KEY);
    });

    it("encrypts the topic with the key and lets SNS use it for the subscribed topic only", () => {
      assert.equal(child(mocks, "withKeyAndTopic", "topic").inputs.kmsMasterKeyId, KEY_ARN("withKeyAndTopic"));
      assert.deepEqual(policyOf(child(mocks, "withKeyAndTopic", "key-policy")).Statement[2], {
        Sid: "AllowTopicUseOfKey",
        Effect: "Allow",
        Principal: { Service: "sns.amazonaws.com" },
        Action: ["kms:GenerateDataKey", "kms:Decrypt"],
        Resource: "*",
        Condition: { ArnEquals: { "aws:SourceArn": arnOf("sns", "withKeyAndTopic-topic") } },
      });
    });
  });

  describe("handler", () => {
    it("adds a log group, a role with its policy, the function and the queue mapping, and changes nothing else", () => {
      assert.deepEqual(delta("withHandler"), {
        added: {
          "handler-logs": "aws:cloudwatch/logGroup:LogGroup",
          "handler-role": "aws:iam/role:Role",
          "handler-policy": "aws:iam/rolePolicy:RolePolicy",
          handler: "aws:lambda/function:Function",
          "handler-queue": "aws:lambda/eventSourceMapping:EventSourceMapping",
        },
        removed: [],
        changed: [],
      });
    });

    it("a longer handler timeout changes the function and the queue's visibility timeout (six times it)", () => {
      assert.deepEqual(delta("withSlowHandler", "withHandler"), { added: {}, removed: [], changed: ["handler", "queue"] });
      assert.equal(child(mocks, "withSlowHandler", "handler").inputs.timeout, 120);
      assert.equal(child(mocks, "withSlowHandler", "queue").inputs.visibilityTimeoutSeconds, 720);
    });

    it("runs the bundled handler on Node 22 and logs to its own group kept 30 days", async () => {
      assert.deepEqual(child(mocks, "withHandler", "handler-logs").inputs, { retentionInDays: 30 });
      const fn = child(mocks, "withHandler", "handler").inputs;
      assert.deepEqual(
        { ...fn, code: undefined },
        {
          runtime: "nodejs22.x",
          handler: "index.handler",
          architectures: ["arm64"],
          timeout: 30,
          memorySize: 256,
          role: `arn:aws:iam::${ACCOUNT_ID}:role/withHandler-handler-role-0a1b2c3`,
          loggingConfig: { logFormat: "Text", logGroup: "withHandler-handler-logs-0a1b2c3" },
          code: undefined,
        },
      );
      const assets = await (fn.code as pulumi.asset.AssetArchive).assets;
      assert.deepEqual(Object.keys(assets), ["index.js"]);
      assert.equal(await (assets["index.js"] as pulumi.asset.StringAsset).text, bundleHandler());
    });

    it("runs the handler on the runtime given in handler.runtime, changing only the function", () => {
      assert.deepEqual(delta("withNode20Handler", "withHandler"), { added: {}, removed: [], changed: ["handler"] });
      assert.equal(child(mocks, "withNode20Handler", "handler").inputs.runtime, "nodejs20.x");
    });

    it("consumes the queue reporting failures per message", () => {
      assert.deepEqual(child(mocks, "withHandler", "handler-queue").inputs, {
        eventSourceArn: arnOf("sqs", "withHandler-queue"),
        batchSize: 10,
        functionResponseTypes: ["ReportBatchItemFailures"],
        functionName: `arn:aws:lambda:us-east-1:${ACCOUNT_ID}:function:withHandler-handler-0a1b2c3`,
      });
    });

    it("gives the role its own log streams and its queue only", () => {
      assert.deepEqual(policyOf(child(mocks, "withHandler", "handler-role"), "assumeRolePolicy").Statement, [
        { Sid: "AllowLambdaAssumeRole", Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
      ]);
      assert.deepEqual(policyOf(child(mocks, "withHandler", "handler-policy")).Statement, [
        {
          Sid: "WriteOwnLogs",
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          Resource: `arn:aws:logs:us-east-1:${ACCOUNT_ID}:log-group:withHandler-handler-logs-0a1b2c3:log-stream:*`,
        },
        {
          Sid: "ConsumeQueue",
          Effect: "Allow",
          Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
          Resource: arnOf("sqs", "withHandler-queue"),
        },
      ]);
    });

    it("adds kms:Decrypt on the queue's key when there is one", () => {
      assert.deepEqual(statementSids("withHandlerAndKey", "handler-policy"), ["WriteOwnLogs", "ConsumeQueue", "DecryptQueueMessages"]);
      assert.deepEqual(policyOf(child(mocks, "withHandlerAndKey", "handler-policy")).Statement[2], {
        Sid: "DecryptQueueMessages",
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: EXISTING_KEY,
      });
    });

    it("keeps the function out of the Meeting configuration unless it is a direct target", async () => {
      assert.deepEqual(await outputValue(components.withHandler.notificationsConfiguration), {
        sqsQueueArn: arnOf("sqs", "withHandler-queue"),
      });
    });

    it("as a direct target adds one scoped invoke permission for meetings and the function ARN", async () => {
      assert.deepEqual(delta("withDirectHandler", "withHandler"), {
        added: { "handler-chime-invoke": "aws:lambda/permission:Permission" },
        removed: [],
        changed: ["handler", "handler-policy"],
      });
      assert.deepEqual(child(mocks, "withDirectHandler", "handler-chime-invoke").inputs, {
        function: "withDirectHandler-handler-0a1b2c3",
        action: "lambda:InvokeFunction",
        principal: "meetings.chime.amazonaws.com",
        sourceAccount: ACCOUNT_ID,
        sourceArn: `arn:aws:chime:us-east-1:${ACCOUNT_ID}:meeting/*`,
      });
      assert.deepEqual(await outputValue(components.withDirectHandler.notificationsConfiguration), {
        sqsQueueArn: arnOf("sqs", "withDirectHandler-queue"),
        lambdaFunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT_ID}:function:withDirectHandler-handler-0a1b2c3`,
      });
    });

    it("when invoked asynchronously keeps failed invocations in the dead-letter queue", () => {
      for (const name of ["withDirectHandler", "withRuleToHandler"]) {
        const dlq = arnOf("sqs", `${name}-dlq`);
        assert.deepEqual(child(mocks, name, "handler").inputs.deadLetterConfig, { targetArn: dlq });
        assert.deepEqual(policyOf(child(mocks, name, "handler-policy")).Statement.at(-1), {
          Sid: "SendFailedInvocations",
          Effect: "Allow",
          Action: "sqs:SendMessage",
          Resource: dlq,
        });
      }
      assert.equal("deadLetterConfig" in child(mocks, "withHandler", "handler").inputs, false);
    });

    it("as a direct target with meetingRegions adds one invoke permission per region", () => {
      const added = delta("withDirectHandlerRegions", "withHandler").added;
      assert.deepEqual(added, {
        "handler-chime-invoke-us-east-1": "aws:lambda/permission:Permission",
        "handler-chime-invoke-eu-central-1": "aws:lambda/permission:Permission",
      });
      assert.equal(
        child(mocks, "withDirectHandlerRegions", "handler-chime-invoke-eu-central-1").inputs.sourceArn,
        `arn:aws:chime:eu-central-1:${ACCOUNT_ID}:meeting/*`,
      );
    });
  });

  describe("eventBridge", () => {
    it("adds a rule for aws.chime meeting events targeting the queue, and admits only that rule", () => {
      assert.deepEqual(delta("withRule"), {
        added: {
          events: "aws:cloudwatch/eventRule:EventRule",
          "events-target": "aws:cloudwatch/eventTarget:EventTarget",
          "dlq-policy": "aws:sqs/queuePolicy:QueuePolicy",
        },
        removed: [],
        changed: ["queue-policy"],
      });
      assert.deepEqual(child(mocks, "withRule", "events").inputs, {
        description: "Amazon Chime SDK meeting events",
        eventPattern: JSON.stringify({ source: ["aws.chime"], "detail-type": ["Chime Meeting State Change"] }),
      });
      assert.deepEqual(child(mocks, "withRule", "events-target").inputs, {
        rule: "withRule-events-0a1b2c3",
        arn: arnOf("sqs", "withRule-queue"),
        deadLetterConfig: { arn: arnOf("sqs", "withRule-dlq") },
      });
      assert.deepEqual(policyOf(child(mocks, "withRule", "queue-policy")).Statement[1], {
        Sid: "AllowEventRuleSendMessage",
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: "sqs:SendMessage",
        Resource: arnOf("sqs", "withRule-queue"),
        Condition: { ArnEquals: { "aws:SourceArn": arnOf("events", "rule/withRule-events") } },
      });
    });

    it("lets the rule put undeliverable events in the dead-letter queue, and nothing else", () => {
      const dlq = arnOf("sqs", "withRule-dlq");
      const policy = child(mocks, "withRule", "dlq-policy");
      assert.equal(policy.inputs.queueUrl, `https://sqs.us-east-1.amazonaws.com/${ACCOUNT_ID}/withRule-dlq-0a1b2c3`);
      assert.deepEqual(policyOf(policy), {
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "AllowEventRuleSendMessage",
            Effect: "Allow",
            Principal: { Service: "events.amazonaws.com" },
            Action: "sqs:SendMessage",
            Resource: dlq,
            Condition: { ArnEquals: { "aws:SourceArn": arnOf("events", "rule/withRule-events") } },
          },
          {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "sqs:*",
            Resource: dlq,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
        ],
      });
    });

    it("with a customer key lets the rule use the key", () => {
      assert.deepEqual(statementSids("withRegion", "key-policy"), [
        "AllowAccountAdministration",
        "AllowChimeMeetingsUseOfKey",
        "AllowTopicUseOfKey",
        "AllowEventRuleUseOfKey",
      ]);
    });

    it("targeting the handler adds the rule, its target and a rule-scoped invoke permission, and leaves the queue policy alone", () => {
      assert.deepEqual(delta("withRuleToHandler", "withHandler"), {
        added: {
          events: "aws:cloudwatch/eventRule:EventRule",
          "events-target": "aws:cloudwatch/eventTarget:EventTarget",
          "events-invoke": "aws:lambda/permission:Permission",
          "dlq-policy": "aws:sqs/queuePolicy:QueuePolicy",
        },
        removed: [],
        changed: ["handler", "handler-policy"],
      });
      assert.deepEqual(child(mocks, "withRuleToHandler", "events-invoke").inputs, {
        function: "withRuleToHandler-handler-0a1b2c3",
        action: "lambda:InvokeFunction",
        principal: "events.amazonaws.com",
        sourceArn: arnOf("events", "rule/withRuleToHandler-events"),
      });
      assert.equal(
        child(mocks, "withRuleToHandler", "events-target").inputs.arn,
        `arn:aws:lambda:us-east-1:${ACCOUNT_ID}:function:withRuleToHandler-handler-0a1b2c3`,
      );
    });
  });

  describe("meetingRegions, deadLetterQueue and tags", () => {
    it("meetingRegions changes only the meeting ARN condition of the queue policy", () => {
      assert.deepEqual(delta("withMeetingRegions"), { added: {}, removed: [], changed: ["queue-policy"] });
      const condition = policyOf(child(mocks, "withMeetingRegions", "queue-policy")).Statement[0].Condition;
      assert.deepEqual(condition, {
        StringEquals: { "aws:SourceAccount": ACCOUNT_ID },
        ArnLike: { "aws:SourceArn": [`arn:aws:chime:eu-central-1:${ACCOUNT_ID}:meeting/*`] },
      });
    });

    it("an existing dead-letter queue replaces the created one in the redrive policy", () => {
      assert.deepEqual(delta("withExistingDlq"), { added: {}, removed: ["dlq"], changed: ["queue"] });
      assert.equal(
        child(mocks, "withExistingDlq", "queue").inputs.redrivePolicy,
        JSON.stringify({ deadLetterTargetArn: EXISTING_DLQ, maxReceiveCount: 5 }),
      );
      assert.equal(components.withExistingDlq.deadLetterQueue, undefined);
    });

    it("tags every taggable child", () => {
      const taggable = ["queue", "dlq", "key", "topic", "handler-logs", "handler-role", "handler", "events"];
      for (const role of taggable) {
        assert.deepEqual(child(mocks, "withTags", role).inputs.tags, { team: "meetings" }, role);
      }
    });
  });

  describe("region", () => {
    it("creates an aws.Provider for an explicit region and every target in that region", () => {
      assert.deepEqual(child(mocks, "withRegion", "provider").inputs.region, "eu-central-1");
      const regions = new Set(
        [...childrenOf(mocks, "withRegion")].filter(([role]) => role !== "(component)" && role !== "provider").map(([, r]) => r.region),
      );
      assert.deepEqual([...regions], ["eu-central-1"]);
      assert.deepEqual(policyOf(child(mocks, "withRegion", "queue-policy")).Statement[0].Condition, {
        StringEquals: { "aws:SourceAccount": ACCOUNT_ID },
        ArnLike: { "aws:SourceArn": [`arn:aws:chime:eu-central-1:${ACCOUNT_ID}:meeting/*`] },
      });
    });

    it("uses the caller's provider, and its region, when no region is given", async () => {
      assert.equal(childrenOf(mocks, "withCallerProvider").has("provider"), false);
      const regions = new Set(
        [...childrenOf(mocks, "withCallerProvider")].filter(([role]) => role !== "(component)").map(([, r]) => r.region),
      );
      assert.deepEqual([...regions], ["ap-southeast-1"]);
      assert.ok(mocks.calls.some((c) => c.token === "aws:index/getRegion:getRegion" && c.region === "ap-southeast-1"));
      assert.deepEqual(await outputValue(components.withCallerProvider.notificationsConfiguration), {
        sqsQueueArn: `arn:aws:sqs:ap-southeast-1:${ACCOUNT_ID}:withCallerProvider-queue-0a1b2c3`,
        snsTopicArn: `arn:aws:sns:ap-southeast-1:${ACCOUNT_ID}:withCallerProvider-topic-0a1b2c3`,
      });
    });
  });
});
