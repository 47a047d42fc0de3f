import assert from "node:assert/strict";
import type { CollectedResource } from "../../../policies/offline/types";
import { UNKNOWN } from "../../../policies/rules/common/unknown";
import { assertFired, goodMeeting, meeting, only, resource } from "../support";

const ACCOUNT = "123456789012";
const MEETINGS = "meetings.chime.amazonaws.com";
const CONDITION = { StringEquals: { "aws:SourceAccount": ACCOUNT } };

function doc(...statements: Record<string, unknown>[]) {
  return { Version: "2012-10-17", Statement: statements };
}
const grant = (extra: Record<string, unknown> = {}) => ({
  Effect: "Allow",
  Principal: { Service: MEETINGS },
  Action: "sqs:SendMessage",
  Resource: "*",
  ...extra,
});

function queue(name: string, inputs: Record<string, unknown>, native = false): CollectedResource {
  const arn = `arn:aws:sqs:us-east-1:${ACCOUNT}:${name}`;
  const url = `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/${name}`;
  return native
    ? resource("aws-native:sqs:Queue", name, { sqsManagedSseEnabled: true, ...inputs }, { arn, queueUrl: url })
    : resource("aws:sqs/queue:Queue", name, { sqsManagedSseEnabled: true, ...inputs }, { arn, url });
}
const dlqArn = (name: string) => `arn:aws:sqs:us-east-1:${ACCOUNT}:${name}`;
const redrive = (target: string) => JSON.stringify({ deadLetterTargetArn: dlqArn(target), maxReceiveCount: 5 });
/** A queue with a DLQ, and the DLQ (recognised because the first names it). */
const queuePair = (native = false) => [queue("events", { redrivePolicy: redrive("events-dlq") }, native), queue("events-dlq", {}, native)];

type PolicyCase = [type: string, field: string, service: "sqs" | "sns" | "kms", extra?: Record<string, unknown>];
const policyHolders: PolicyCase[] = [
  ["aws:sqs/queuePolicy:QueuePolicy", "policy", "sqs", { queueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/events" }],
  ["aws-native:sqs:QueueInlinePolicy", "policyDocument", "sqs", { queue: "https://sqs.us-east-1.amazonaws.com/123456789012/events" }],
  ["aws:sns/topicPolicy:TopicPolicy", "policy", "sns", { arn: "arn:aws:sns:us-east-1:123456789012:events" }],
  ["aws-native:sns:TopicPolicy", "policyDocument", "sns", { topics: ["arn:aws:sns:us-east-1:123456789012:events"] }],
  ["aws-native:sns:TopicInlinePolicy", "policyDocument", "sns", { topicArn: "arn:aws:sns:us-east-1:123456789012:events" }],
  ["aws:kms/keyPolicy:KeyPolicy", "policy", "kms", { keyId: "k" }],
  ["aws-native:kms:Key", "keyPolicy", "kms", {}],
];
const word = { sqs: "queue", sns: "topic", kms: "key" } as const;

describe("notification-target rules", () => {
  describe("resource policies", () => {
    for (const [type, field, service, extra] of policyHolders) {
      it(`accepts a conditioned service grant on ${type} (as a JSON string)`, async () => {
        await assertFired([resource(type, "p", { ...extra, [field]: JSON.stringify(doc(grant({ Condition: CONDITION }))) })], []);
      });
      it(`refuses an unconditioned service grant on ${type} (as an object)`, async () => {
        const violations = await assertFired(
          [resource(type, "p", { ...extra, [field]: doc(grant({ Sid: "Send" })) })],
          [`${service}-${word[service]}-require-source-conditions`],
        );
        assert.match(
          violations[0].message,
          new RegExp(
            `'p': ${field} Statement\\[0\\] \\(Sid "Send"\\)\\.Condition is not set but it grants ${MEETINGS.replace(/\./g, "\\.")}`,
          ),
        );
      });
      it(`refuses Principal "*" and {"AWS":"*"} on ${type}`, async () => {
        await assertFired(
          [resource(type, "p", { ...extra, [field]: doc({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }) })],
          [`${service}-${word[service]}-disallow-public-principal`],
        );
        await assertFired(
          [resource(type, "p", { ...extra, [field]: doc({ Effect: "Allow", Principal: { AWS: ["*"] }, Action: "*", Resource: "*" }) })],
          [`${service}-${word[service]}-disallow-public-principal`],
        );
      });
    }

    it("accepts a Deny statement for everyone (TLS-only guard)", async () => {
      const deny = {
        Effect: "Deny",
        Principal: "*",
        Action: "sqs:*",
        Resource: "*",
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      };
      await assertFired([resource("aws:sqs/queuePolicy:QueuePolicy", "p", { policy: doc(grant({ Condition: CONDITION }), deny) })], []);
    });

    it("matches condition keys case-insensitively and accepts aws:SourceArn alone", async () => {
      await assertFired(
        [
          resource("aws:sqs/queuePolicy:QueuePolicy", "p", {
            policy: doc(grant({ Condition: { ArnLike: { "AWS:SOURCEARN": "arn:aws:chime:*:1:meeting/*" } } })),
          }),
        ],
        [],
      );
    });

    it("skips what is unknown at preview instead of failing", async () => {
      await assertFired([resource("aws:sqs/queuePolicy:QueuePolicy", "p", { policy: UNKNOWN })], []);
      await assertFired([resource("aws:sqs/queuePolicy:QueuePolicy", "p", { policy: doc(grant({ Condition: UNKNOWN })) })], []);
    });

    it("honours exempted services", async () => {
      await assertFired([resource("aws:sqs/queuePolicy:QueuePolicy", "p", { policy: doc(grant()) })], [], {
        "sqs-queue-require-source-conditions": { exemptServices: [MEETINGS] },
      });
    });

    it("checks inline queue and topic policies too", async () => {
      await assertFired(
        [...queuePair().map((q) => (q.name === "events" ? { ...q, inputs: { ...q.inputs, policy: JSON.stringify(doc(grant())) } } : q))],
        ["sqs-queue-require-source-conditions"],
      );
      await assertFired(
        [resource("aws:sns/topic:Topic", "t", { kmsMasterKeyId: "alias/aws/sns", policy: doc(grant()) })],
        ["sns-topic-require-source-conditions"],
      );
    });
  });

  describe("lambda permissions", () => {
    for (const type of ["aws:lambda/permission:Permission", "aws-native:lambda:Permission"]) {
      const base = { action: "lambda:InvokeFunction", principal: MEETINGS };
      it(`accepts a ${type} scoped by sourceArn or sourceAccount`, async () => {
        await assertFired([resource(type, "p", { ...base, sourceArn: "arn:aws:chime:us-east-1:123456789012:meeting/*" })], []);
        await assertFired([resource(type, "p", { ...base, sourceAccount: ACCOUNT })], []);
        await assertFired([resource(type, "p", { ...base, sourceArn: UNKNOWN })], []);
      });
      it(`refuses an unscoped ${type} for a service principal`, async () => {
        const violations = await assertFired([resource(type, "p", base)], ["lambda-permission-require-source-conditions"]);
        assert.match(
          violations[0].message,
          /sourceArn\/sourceAccount is not set but the permission lets meetings\.chime\.amazonaws\.com invoke/,
        );
      });
      it(`refuses principal "*" on ${type} unless principalOrgId is set`, async () => {
        await assertFired(
          [resource(type, "p", { action: "lambda:InvokeFunction", principal: "*" })],
          ["lambda-permission-disallow-public-principal"],
        );
        await assertFired([resource(type, "p", { action: "lambda:InvokeFunction", principal: "*", principalOrgId: "o-abc" })], []);
      });
    }
  });

  describe("encryption", () => {
    for (const native of [false, true]) {
      const kind = native ? "aws-native" : "aws";
      it(`accepts ${kind} queues with SQS-managed SSE or a KMS key`, async () => {
        await assertFired(queuePair(native), []);
        await assertFired(
          queuePair(native).map((q) => ({ ...q, inputs: { kmsMasterKeyId: "alias/k", ...q.inputs, sqsManagedSseEnabled: undefined } })),
          [],
        );
      });
      it(`refuses an unencrypted ${kind} queue`, async () => {
        const [q, d] = queuePair(native);
        await assertFired([{ ...q, inputs: { ...q.inputs, sqsManagedSseEnabled: false } }, d], ["sqs-queue-enforce-encryption"]);
      });
    }
    it("requires KMS when SQS-managed SSE is not allowed", async () => {
      const violations = await assertFired(queuePair(), ["sqs-queue-enforce-encryption"], {
        "sqs-queue-enforce-encryption": { allowSqsManagedSse: false },
      });
      assert.equal(violations.length, 2);
    });
    for (const type of ["aws:sns/topic:Topic", "aws-native:sns:Topic"]) {
      it(`refuses an unencrypted ${type} and accepts a KMS-encrypted one`, async () => {
        await assertFired([resource(type, "t", { kmsMasterKeyId: "alias/aws/sns" })], []);
        await assertFired([resource(type, "t", {})], ["sns-topic-enforce-encryption"]);
      });
    }
  });

  describe("dead-letter queues", () => {
    it("refuses a queue without a redrive policy, with the fix", async () => {
      const violations = await assertFired([queue("events", {})], ["sqs-queue-configure-dead-letter-queue"]);
      assert.match(
        only(violations, "sqs-queue-configure-dead-letter-queue"),
        /^aws:sqs\/queue:Queue 'events': redrivePolicy is not set .* Fix: set redrivePolicy/,
      );
    });
    it("refuses a redrive policy without deadLetterTargetArn", async () => {
      await assertFired(
        [queue("events", { redrivePolicy: JSON.stringify({ maxReceiveCount: 5 }) })],
        ["sqs-queue-configure-dead-letter-queue"],
      );
    });
    it("recognises a DLQ by redriveAllowPolicy, by tag, and by another queue naming it (aws-native list tags too)", async () => {
      await assertFired([queue("dlq", { redriveAllowPolicy: JSON.stringify({ redrivePermission: "allowAll" }) })], []);
      await assertFired([queue("dlq", { tags: { "chime-meetings:role": "dead-letter-queue" } })], []);
      await assertFired([queue("dlq", { tags: [{ key: "chime-meetings:role", value: "dead-letter-queue" }] }, true)], []);
      await assertFired(queuePair(true), []);
    });
    it("accepts a queue whose DLQ is attached by an aws.sqs.RedrivePolicy resource", async () => {
      const [q, d] = [queue("events", {}), queue("events-dlq", {})];
      const attach = resource("aws:sqs/redrivePolicy:RedrivePolicy", "events-redrive", {
        queueUrl: q.outputs.url,
        redrivePolicy: redrive("events-dlq"),
      });
      await assertFired([q, d, attach], []);
    });
    it("links queues through property dependencies when ARNs are unknown (preview)", async () => {
      const d: CollectedResource = { ...queue("events-dlq", {}), outputs: { sqsManagedSseEnabled: true, arn: UNKNOWN, url: UNKNOWN } };
      const q: CollectedResource = {
        ...queue("events", { redrivePolicy: UNKNOWN }),
        outputs: { sqsManagedSseEnabled: true, redrivePolicy: UNKNOWN, arn: UNKNOWN },
        propertyDependencies: { redrivePolicy: [d.urn] },
      };
      await assertFired([q, d], []);
    });
  });

  describe("FIFO queues as meeting targets", () => {
    const fifo = (tags?: Record<string, string>) =>
      queue("events.fifo", { fifoQueue: true, redrivePolicy: redrive("events-dlq"), ...(tags ? { tags } : {}) });
    it("accepts a FIFO queue nobody uses as a meeting target", async () => {
      await assertFired([fifo(), queue("events-dlq", {})], []);
    });
    it("refuses a FIFO queue tagged as a meeting target", async () => {
      await assertFired(
        [fifo({ "chime-meetings:notification-target": "true" }), queue("events-dlq", {})],
        ["sqs-queue-disallow-fifo-meeting-target"],
      );
    });
    it("refuses a FIFO queue a meeting reaches through a property dependency", async () => {
      const m = {
        ...meeting({ ...goodMeeting(), notificationsConfiguration: { sqsQueueArn: UNKNOWN } }),
        propertyDependencies: {} as Record<string, string[]>,
      };
      const q = fifo();
      m.propertyDependencies = { notificationsConfiguration: [q.urn] };
      const violations = await assertFired([q, queue("events-dlq", {}), m], ["sqs-queue-disallow-fifo-meeting-target"]);
      assert.match(violations[0].message, /fifoQueue is true but meetings 'standup' send their notifications to it/);
    });
    it("reports a known .fifo ARN on both the meeting and the queue", async () => {
      const q = fifo();
      const m = meeting({ ...goodMeeting(), notificationsConfiguration: { sqsQueueArn: q.outputs.arn } });
      await assertFired(
        [q, queue("events-dlq", {}), m],
        ["sqs-queue-disallow-fifo-meeting-target", "chime-meeting-disallow-fifo-queue-target"],
      );
    });
  });

  describe("EventBridge targets", () => {
    it("refuses an aws EventTarget without a dead-letter queue and accepts one with it", async () => {
      await assertFired(
        [resource("aws:cloudwatch/eventTarget:EventTarget", "t", { rule: "r", arn: "arn:aws:sqs:us-east-1:1:q" })],
        ["events-target-configure-dead-letter-queue"],
      );
      await assertFired(
        [resource("aws:cloudwatch/eventTarget:EventTarget", "t", { rule: "r", arn: "a", deadLetterConfig: { arn: dlqArn("d") } })],
        [],
      );
    });
    it("refuses each aws-native rule target without a dead-letter queue, by index", async () => {
      const violations = await assertFired(
        [
          resource("aws-native:events:Rule", "r", {
            targets: [
              { id: "ok", arn: "a", deadLetterConfig: { arn: dlqArn("d") } },
              { id: "bad", arn: "b" },
            ],
          }),
        ],
        ["events-target-configure-dead-letter-queue"],
      );
      assert.match(only(violations, "events-target-configure-dead-letter-queue"), /targets\[1\]\.deadLetterConfig\.arn is not set/);
    });
  });
});
