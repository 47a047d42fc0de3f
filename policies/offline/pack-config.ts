import type { EnforcementLevel, Policies, Policy } from "@pulumi/policy";
import { resolveConfig } from "../rules/common/config";

/** The effective level and settings of one policy, as the engine would resolve them (defaults < file). */
export interface ResolvedPolicyConfig {
  enforcementLevel: EnforcementLevel;
  config: Record<string, unknown>;
}

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

type Entry = EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>);

function levelOf(entry: Entry | undefined, where: string): EnforcementLevel | undefined {
  const level = typeof entry === "string" ? entry : entry?.enforcementLevel;
  if (level !== undefined && !LEVELS.includes(level)) {
    throw new Error(`${where}: enforcementLevel value ${JSON.stringify(level)} must be one of ${LEVELS.join(", ")}`);
  }
  return level;
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
  const all = levelOf(file.all as Entry | undefined, "policy config \"all\"");
  const resolved = new Map<string, ResolvedPolicyConfig>();
  for (const policy of policies) {
    const entry = file[policy.name] as Entry | undefined;
    const enforcementLevel = levelOf(entry, `policy config "${policy.name}"`) ?? all ?? policy.enforcementLevel ?? "advisory";
    const given = typeof entry === "object" && entry !== null ? entry : {};
    resolved.set(policy.name, { enforcementLevel, config: resolveConfig(policy.name, schemaOf(policy), given) });
  }
  return resolved;
}

function schemaOf(policy: Policy) {
  return policy.configSchema ?? { properties: {} };
}
