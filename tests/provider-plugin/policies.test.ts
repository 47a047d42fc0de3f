// The policy pack and the offline check treat the plugin's `chime-meetings:index:Meeting` like the dynamic Meeting.
import assert from "node:assert/strict";
import { DYNAMIC_MEETING_TYPE, PLUGIN_MEETING_TYPE } from "../../components/meeting/type-tokens";
import { mockOutputs } from "../../policies/offline/mock-outputs";
import { resourceLabel } from "../../policies/rules/common/message";
import { evaluate, goodMeeting, resource } from "../policies/support";

const base = goodMeeting();
const attendees = (n: number) => Array.from({ length: n }, (_, i) => ({ externalUserId: `user-${i}` }));

const BAD_MEETINGS: [string, Record<string, unknown>, Record<string, unknown>?][] = [
  ["too many declared attendees", { ...base, attendees: attendees(11) }],
  ["video FHD with MaxCount 26", { ...base, meetingFeatures: { video: { maxResolution: "FHD" }, attendee: { maxCount: 26 } } }],
  ["a reserved ExternalMeetingId prefix", { ...base, externalMeetingId: "AWS:standup" }],
  ["a FIFO queue target", { ...base, notificationsConfiguration: { sqsQueueArn: "arn:aws:sqs:us-east-1:123456789012:events.fifo" } }],
  ["a missing required tag", { ...base, tags: {} }, { "chime-meeting-require-tag-keys": { keys: ["team"] } }],
  [
    "a control region outside the allowed list",
    { ...base, region: "eu-central-1", mediaRegion: "eu-central-1" },
    { "chime-meeting-limit-control-regions": { allowedRegions: ["us-east-1"] } },
  ],
];

async function violationsFor(type: string, inputs: Record<string, unknown>, config?: Record<string, unknown>) {
  const found = await evaluate([resource(type, "standup", inputs)], config);
  return found.map((v) => `${v.policyName}: ${v.message.replace(resourceLabel({ type, name: "standup" }), "<meeting>")}`).sort();
}

describe("policies on the provider plugin's Meeting type", () => {
  it("accepts the happy-path meeting of either type", async () => {
    assert.deepEqual(await violationsFor(PLUGIN_MEETING_TYPE, base), []);
    assert.deepEqual(await violationsFor(DYNAMIC_MEETING_TYPE, base), []);
  });

  for (const [what, inputs, config] of BAD_MEETINGS) {
    it(`reports ${what} on the plugin's Meeting exactly as on the dynamic Meeting`, async () => {
      const dynamic = await violationsFor(DYNAMIC_MEETING_TYPE, inputs, config);
      assert.ok(dynamic.length > 0, "the row must violate a rule");
      assert.deepEqual(await violationsFor(PLUGIN_MEETING_TYPE, inputs, config), dynamic);
    });
  }

  it("flags two meetings of different types sharing an ExternalMeetingId", async () => {
    const found = await evaluate([resource(DYNAMIC_MEETING_TYPE, "a", base), resource(PLUGIN_MEETING_TYPE, "b", base)]);
    assert.ok(
      found.some((v) => /duplicate|ExternalMeetingId/i.test(`${v.policyName} ${v.message}`)),
      found.map((v) => v.policyName).join(", "),
    );
  });

  it("labels the plugin's Meeting by its type token", () => {
    assert.equal(resourceLabel({ type: PLUGIN_MEETING_TYPE, name: "standup" }), "chime-meetings:index:Meeting 'standup'");
    assert.equal(resourceLabel({ type: DYNAMIC_MEETING_TYPE, name: "standup" }), "chime:Meeting 'standup'");
  });

  it("gives the plugin's Meeting a meeting id and ARN in the offline check, as the dynamic one", () => {
    const env = { accountId: "123456789012", region: "us-east-1" };
    const plugin = mockOutputs(PLUGIN_MEETING_TYPE, "standup", base, env);
    const dynamic = mockOutputs(DYNAMIC_MEETING_TYPE, "standup", base, env);
    assert.deepEqual(plugin, dynamic);
    assert.match(String(plugin.state.meetingArn), /^arn:aws:chime:us-east-1:123456789012:meeting\//);
    assert.equal(plugin.state.meetingId, plugin.id);
  });
});
