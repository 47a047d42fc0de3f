import type { EnforcementLevel, Policies, Policy } from "@pulumi/policy";
import { parsePackEntry } from "../pack-entry";
import { resolveConfig } from "../rules/common/config";

/** The effective level and settings of one policy, as the engine would resolve them (defaults < file). */
export interface ResolvedPolicyConfig {
  enforcementLevel: EnforcementLevel;
  config: Record<string, unknown>;
}

/**
 * Resolves a `--policy-pack-config` object for every policy: level from the policy's entry, else "all", else the
 * policy's own default, else "advisory"; settings from the schema defaults plus the entry. Unknown policy names and
 * invalid settings throw, as the engine refuses them.
 */
export function resolvePackConfig(policies: Policies, file: Record<string, unknown> = {}): Map<string, ResolvedPolicyConfig> {
  const names = new Set(policies.map((p) => p.name));
  for (const key of Object.keys(file)) {
    if (key !== "all" && !names.has(key)) throw new Error(`policy config: "${key}" is not a policy of this pack`);
  }
  const all = parsePackEntry(file.all, 'policy config "all"').enforcementLevel;
  const resolved = new Map<string, ResolvedPolicyConfig>();
  for (const policy of policies) {
    const entry = parsePackEntry(file[policy.name], `policy config "${policy.name}"`);
    const enforcementLevel = entry.enforcementLevel ?? all ?? policy.enforcementLevel ?? "advisory";
    resolved.set(policy.name, { enforcementLevel, config: resolveConfig(policy.name, schemaOf(policy), entry.settings) });
  }
  return resolved;
}

function schemaOf(policy: Policy) {
  return policy.configSchema ?? { properties: {} };
}
