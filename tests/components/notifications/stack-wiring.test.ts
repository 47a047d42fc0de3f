import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import type { AwsMocks } from "./support/aws-mocks";
import { ACCOUNT_ID, child, installAwsMocks, policyOf, settled } from "./support/aws-mocks";

import { DYNAMIC_MEETING_TYPE as MEETING_TYPE } from "../../../components/meeting/type-tokens";

function forgetProgram(): void {
  delete require.cache[require.resolve("../../../index")];
}
const MEETINGS = {
  townhall: { mediaRegion: "us-east-1", notifications: true },
  "townhall-eu": { mediaRegion: "eu-central-1", notifications: true },
  classroom: { mediaRegion: "us-west-2", region: "us-west-2", notifications: true },
  "support-room": { mediaRegion: "us-east-2" },
};

/** The stack program (index.ts) with `chime-meetings:notifications` enabled, under mocks. */
describe("stack wiring of MeetingNotifications", function () {
  this.timeout(60_000);
  let mocks: AwsMocks;

  before(async () => {
    mocks = await installAwsMocks();
    pulumi.runtime.setAllConfig({
      "chime-meetings:region": "us-east-1",
      "chime-meetings:meetings": JSON.stringify(MEETINGS),
      "chime-meetings:notifications": JSON.stringify({ topic: true, handler: true }),
    });
    await pulumi.runtime.runInPulumiStack(async () => {
      forgetProgram();
      const program = await import("../../../index");
      return { meetings: program.meetings };
    });
    await settled(mocks);
  });

  // The program registers resources on import, and config is process-wide: leave neither behind for other files.
  after(() => {
    forgetProgram();
    pulumi.runtime.setConfig("chime-meetings:notifications", "false");
  });

  const meeting = (name: string) => {
    const found = mocks.registrations.find((r) => r.type === MEETING_TYPE && r.name === name);
    if (found === undefined) throw new Error(`meeting ${name} was not declared`);
    return found;
  };

  it("creates one MeetingNotifications per control region used by meetings that ask for notifications", () => {
    const components = mocks.registrations.filter((r) => r.type === "chime-meetings:notifications:MeetingNotifications");
    assert.deepEqual(components.map((c) => c.name).sort(), ["notifications-us-east-1", "notifications-us-west-2"]);
    assert.equal(child(mocks, "notifications-us-west-2", "provider").inputs.region, "us-west-2");
  });

  it("gives each such meeting the configuration of the targets in its control region, as is", () => {
    const east = {
      sqsQueueArn: `arn:aws:sqs:us-east-1:${ACCOUNT_ID}:notifications-us-east-1-queue-0a1b2c3`,
      snsTopicArn: `arn:aws:sns:us-east-1:${ACCOUNT_ID}:notifications-us-east-1-topic-0a1b2c3`,
    };
    assert.deepEqual(meeting("townhall").inputs.notificationsConfiguration, east);
    assert.deepEqual(meeting("townhall-eu").inputs.notificationsConfiguration, east);
    assert.deepEqual(meeting("classroom").inputs.notificationsConfiguration, {
      sqsQueueArn: `arn:aws:sqs:us-west-2:${ACCOUNT_ID}:notifications-us-west-2-queue-0a1b2c3`,
      snsTopicArn: `arn:aws:sns:us-west-2:${ACCOUNT_ID}:notifications-us-west-2-topic-0a1b2c3`,
    });
  });

  it("leaves meetings that do not ask for notifications without a configuration", () => {
    assert.equal(meeting("support-room").inputs.notificationsConfiguration, undefined);
  });

  it("admits meetings of every media region sent to the targets", () => {
    const condition = policyOf(child(mocks, "notifications-us-east-1", "queue-policy")).Statement[0].Condition;
    assert.deepEqual(condition, {
      StringEquals: { "aws:SourceAccount": ACCOUNT_ID },
      ArnLike: {
        "aws:SourceArn": [`arn:aws:chime:us-east-1:${ACCOUNT_ID}:meeting/*`, `arn:aws:chime:eu-central-1:${ACCOUNT_ID}:meeting/*`],
      },
    });
  });

  it("applies the configured settings to every set of targets", () => {
    for (const name of ["notifications-us-east-1", "notifications-us-west-2"]) {
      assert.equal(child(mocks, name, "handler").type, "aws:lambda/function:Function");
      assert.equal(child(mocks, name, "topic-queue").inputs.rawMessageDelivery, true);
    }
  });

  it("refuses an unknown notifications setting by name, and reads true as the defaults", async () => {
    const { notificationsSettings } = await import("../../../stack/notifications");
    pulumi.runtime.setConfig("chime-meetings:notifications", JSON.stringify({ enabled: true, topics: true }));
    assert.throws(() => notificationsSettings(), {
      message:
        "chime-meetings:notifications.topics: value true is not a setting; " +
        "use enabled or one of topic, handler, eventBridge, kmsKey, queue, deadLetterQueue, tags",
    });
    pulumi.runtime.setConfig("chime-meetings:notifications", "true");
    assert.deepEqual(notificationsSettings(), {});
  });
});
