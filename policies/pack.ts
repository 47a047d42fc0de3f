import { PolicyPack, type Policies, type PolicyPackConfig } from "@pulumi/policy";
import { allPolicies, type ChimePolicyPackConfig } from "./rules/catalog";

export interface ChimeMeetingsPolicyPackArgs {
  /** The rules to run. @default every rule of this package (`allPolicies`) */
  policies?: Policies;
  /**
   * Settings and enforcement levels, in the form of a `--policy-pack-config` file; a config file given on the
   * command line still overrides these. @default each rule's own defaults
   */
  config?: ChimePolicyPackConfig;
  description?: string;
}

/**
 * Starts a CrossGuard pack from this package's rules (or a team's own selection and rules of its own), the way
 * `@pulumi/awsguard` is used: call it once from the pack's index file. The constructor starts the analyzer, so a
 * module that calls this must be the pack's entry and nothing else.
 */
export function chimeMeetingsPolicyPack(name = "chime-meetings", args: ChimeMeetingsPolicyPackArgs = {}): PolicyPack {
  const description = args.description
    ?? "Guard-rails for Amazon Chime SDK meetings and their notification targets (see docs/POLICIES.md).";
  return new PolicyPack(name, { description, policies: args.policies ?? allPolicies }, args.config as PolicyPackConfig | undefined);
}
