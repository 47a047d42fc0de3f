import assert from "node:assert/strict";
import { evaluatePolicies } from "../../policies/offline/evaluate";
import type { CollectedResource, PolicyViolation } from "../../policies/offline/types";
import { DYNAMIC_MEETING_TYPE as MEETING_TYPE } from "../../components/meeting/type-tokens";
import { allPolicies } from "../../policies/rules/catalog";
import type { MeetingInputs } from "../../policies/rules/common/meeting";

/** Helpers shared by the rule tests: a typed happy-path meeting, and evaluation through the whole pack. */

/** What a test meeting declares: the inputs the rules read, each of any value (rules must cope with bad ones). */
export type MeetingProps = MeetingInputs;

export function resource(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  computed: Record<string, unknown> = {},
): CollectedResource {
  return {
    type,
    name,
    urn: `urn:pulumi:test::policy-tests::${type}::${name}`,
    inputs,
    outputs: { ...inputs, ...computed },
    dependencies: [],
    propertyDependencies: {},
  };
}

/** A meeting every rule accepts under default config. */
export function goodMeeting(): Required<
  Pick<MeetingProps, "mediaRegion" | "externalMeetingId" | "region" | "meetingFeatures" | "tags" | "attendees">
> {
  return {
    mediaRegion: "us-east-1",
    externalMeetingId: "weekly-standup",
    region: "us-east-1",
    meetingFeatures: {
      audio: { echoReduction: "AVAILABLE" },
      video: { maxResolution: "HD" },
      content: { maxResolution: "FHD" },
      attendee: { maxCount: 10 },
    },
    tags: { team: "platform" },
    attendees: [
      { externalUserId: "alice" },
      { externalUserId: "bob", capabilities: { audio: "SendReceive", video: "Receive", content: "Receive" } },
    ],
  };
}

export function meeting(props: MeetingProps, name = "standup"): CollectedResource {
  const inputs = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
  return resource(MEETING_TYPE, name, inputs);
}

export function evaluate(resources: CollectedResource[], config: Record<string, unknown> = {}): Promise<PolicyViolation[]> {
  return evaluatePolicies(allPolicies, resources, config);
}

/** Asserts the exact set of rules that fired, so each case also proves no other rule fired, and returns the violations. */
export async function assertFired(
  resources: CollectedResource[],
  expected: string[],
  config: Record<string, unknown> = {},
): Promise<PolicyViolation[]> {
  const violations = await evaluate(resources, config);
  const names = [...new Set(violations.map((v) => v.policyName))].sort();
  assert.deepEqual(names, [...new Set(expected)].sort(), violations.map((v) => `${v.policyName}: ${v.message}`).join("\n"));
  return violations;
}

/** The single message of `policy`, asserting there is exactly one. */
export function only(violations: PolicyViolation[], policy: string): string {
  const matching = violations.filter((v) => v.policyName === policy);
  assert.equal(matching.length, 1, `expected one ${policy} violation, got ${matching.length}`);
  return matching[0].message;
}
