import { PolicyPack, type Policies, type PolicyPackConfig } from "@pulumi/policy";
import { parsePackEntry } from "./pack-entry";
import { allPolicies, type ChimePolicyPackConfig } from "./rules/catalog";

export interface ChimeMeetingsPolicyPackArgs {
  /** The rules to run. @default every rule of this package (`allPolicies`) */
  policies?: Policies;
  /**
   * Settings and enforcement levels, in the form of a `--policy-pack-config` file (`all` and per-rule entries); a
   * config file given on the command line still overrides these. @default each rule's own defaults
   */
  config?: ChimePolicyPackConfig;
  description?: string;
}

/**
 * The pack's initial config with an explicit level for every rule: the engine applies a rule's initial config
 * as given and neither expands `all` nor falls back to the rule's own level for an entry without one.
 */
export function initialPackConfig(policies: Policies, config: ChimePolicyPackConfig = {}): PolicyPackConfig {
  const names = new Set(policies.map((p) => p.name));
  const unknown = Object.keys(config).filter((key) => key !== "all" && !names.has(key));
  if (unknown.length > 0) {
    throw new Error(`config: key ${JSON.stringify(unknown[0])} is not a rule of this pack (rules: ${[...names].join(", ")})`);
  }
  const all = parsePackEntry(config.all, "config.all").enforcementLevel;
  const out: PolicyPackConfig = {};
  for (const policy of policies) {
    const entry = parsePackEntry(config[policy.name], `config[${JSON.stringify(policy.name)}]`);
    out[policy.name] = { ...entry.settings, enforcementLevel: entry.enforcementLevel ?? all ?? policy.enforcementLevel ?? "advisory" };
  }
  return out;
}

/**
 * Starts a CrossGuard pack from this package's rules (or a team's own selection and rules of its own), the way
 * `@pulumi/awsguard` is used: call it once from the pack's index file. The constructor starts the analyzer, so a
 * module that calls this must be the pack's entry and nothing else.
 */
export function chimeMeetingsPolicyPack(name = "chime-meetings", args: ChimeMeetingsPolicyPackArgs = {}): PolicyPack {
  const description =
    args.description ?? "Guard-rails for Amazon Chime SDK meetings and their notification targets (see docs/POLICIES.md).";
  const policies = args.policies ?? allPolicies;
  const config = args.config === undefined ? undefined : initialPackConfig(policies, args.config);
  return new PolicyPack(name, { description, policies }, config);
}
