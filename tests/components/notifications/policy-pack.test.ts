import assert from "node:assert/strict";
import { evaluatePolicies } from "../../../policies/offline/evaluate";
import type { CollectedResource } from "../../../policies/offline/types";
import { allPolicies } from "../../../policies/rules/catalog";
import type * as notifications from "../../../components/notifications";
import type { AwsMocks } from "./support/aws-mocks";
import { childrenOf, installAwsMocks, outputValue, settled } from "./support/aws-mocks";

const CONFIGURATIONS: Record<string, notifications.MeetingNotificationsArgs> = {
  minimal: {},
  everything: {
    topic: true,
    handler: { directTarget: true },
    eventBridge: true,
    kmsKey: { args: {} },
    meetingRegions: ["us-east-1", "eu-central-1"],
    tags: { team: "meetings" },
  },
  ruleToHandler: { handler: true, eventBridge: { target: "handler" } },
  inRegion: { region: "eu-central-1", topic: true, kmsKey: { args: {} } },
};

function collected(mocks: AwsMocks, name: string): CollectedResource[] {
  return [...childrenOf(mocks, name).values()]
    .filter((r) => !r.type.startsWith("pulumi:providers:"))
    .map((r) => ({
      type: r.type,
      name: r.name,
      urn: `urn:pulumi:test::chime-meetings::${r.type}::${r.name}`,
      inputs: r.inputs,
      outputs: r.state,
      dependencies: [],
      propertyDependencies: {},
    }));
}

describe("MeetingNotifications against the project's policy pack", function () {
  this.timeout(30_000);
  let mocks: AwsMocks;

  before(async () => {
    mocks = await installAwsMocks();
    const { MeetingNotifications } = await import("../../../components/notifications");
    const components = Object.entries(CONFIGURATIONS).map(([name, args]) => new MeetingNotifications(name, args));
    await Promise.all(components.map((c) => outputValue(c.notificationsConfiguration)));
    await settled(mocks);
  });

  for (const name of Object.keys(CONFIGURATIONS)) {
    it(`raises no violation, advisory or mandatory, for the ${name} configuration`, async () => {
      const resources = collected(mocks, name);
      assert.ok(resources.length >= 4);
      assert.deepEqual(await evaluatePolicies(allPolicies, resources), []);
    });
  }

  it("would flag the same resources weakened (the check is not vacuous)", async () => {
    const weakened = collected(mocks, "everything").map((r) => {
      if (r.type === "aws:cloudwatch/eventTarget:EventTarget") return { ...r, inputs: { ...r.inputs, deadLetterConfig: undefined } };
      if (r.type === "aws:sqs/queue:Queue" && r.name === "everything-queue") {
        return { ...r, inputs: { ...r.inputs, kmsMasterKeyId: undefined } };
      }
      return r;
    });
    const names = (await evaluatePolicies(allPolicies, weakened)).map((v) => v.policyName).sort();
    assert.deepEqual(names, ["events-target-configure-dead-letter-queue", "sqs-queue-enforce-encryption"]);
  });
});
