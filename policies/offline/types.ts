import type { EnforcementLevel } from "@pulumi/policy";

/** A resource the program registered, as the offline check records it. */
export interface CollectedResource {
  type: string;
  name: string;
  /** Synthesised as `urn:pulumi:<stack>::<project>::<type>::<name>` (mocks do not report parents). */
  urn: string;
  /** What the program passed (what CrossGuard resource policies see). */
  inputs: Record<string, unknown>;
  /** Inputs plus mock-computed outputs such as `arn` and `url` (what stack policies see). */
  outputs: Record<string, unknown>;
  /** Not observable through mocks; empty unless a caller supplies them. */
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
}

export interface PolicyViolation {
  policyName: string;
  enforcementLevel: EnforcementLevel;
  message: string;
  urn?: string;
}
