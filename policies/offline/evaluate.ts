import type {
  Policies,
  PolicyResource,
  PolicyResourceOptions,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { resolvePackConfig } from "./pack-config";
import type { CollectedResource, PolicyViolation } from "./types";

/**
 * Runs the pack's own policy objects over recorded resources, the way the analyzer server calls them:
 * resource policies see inputs, stack policies see outputs, `getConfig()` returns the resolved settings.
 */
export async function evaluatePolicies(
  policies: Policies,
  resources: CollectedResource[],
  packConfig: Record<string, unknown> = {},
): Promise<PolicyViolation[]> {
  const resolved = resolvePackConfig(policies, packConfig);
  const violations: PolicyViolation[] = [];
  for (const policy of policies) {
    const settings = resolved.get(policy.name);
    if (settings === undefined) throw new Error(`policy ${policy.name}: no resolved config`);
    if (settings.enforcementLevel === "disabled") continue;
    // As in the engine, a remediate-level policy's violations count as mandatory.
    const enforcementLevel = settings.enforcementLevel === "remediate" ? "mandatory" : settings.enforcementLevel;
    const report =
      (fallbackUrn?: string): ReportViolation =>
      (message, urn) => {
        violations.push({ policyName: policy.name, enforcementLevel, message, urn: urn ?? fallbackUrn });
      };
    if ("validateStack" in policy) {
      await runStackPolicy(policy, resources, settings.config, report());
    } else {
      for (const resource of resources) await runResourcePolicy(policy, resource, settings.config, report(resource.urn));
    }
  }
  return violations;
}

class NotApplicable extends Error {}

function notApplicable(reason?: string): never {
  throw new NotApplicable(reason);
}

const NO_OPTIONS: PolicyResourceOptions = {
  protect: false,
  ignoreChanges: [],
  aliases: [],
  additionalSecretOutputs: [],
  customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
};

async function runResourcePolicy(
  policy: ResourceValidationPolicy,
  resource: CollectedResource,
  config: Record<string, unknown>,
  report: ReportViolation,
): Promise<void> {
  const validations = policy.validateResource === undefined ? [] : [policy.validateResource].flat();
  const args: ResourceValidationArgs = {
    type: resource.type,
    props: resource.inputs,
    urn: resource.urn,
    name: resource.name,
    opts: NO_OPTIONS,
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: <T extends object>() => config as T,
    notApplicable,
  };
  for (const validate of validations) {
    try {
      await validate(args, report);
    } catch (error) {
      if (!(error instanceof NotApplicable)) throw error;
    }
  }
}

async function runStackPolicy(
  policy: StackValidationPolicy,
  resources: CollectedResource[],
  config: Record<string, unknown>,
  report: ReportViolation,
): Promise<void> {
  const views = resources.map((r): PolicyResource => ({
    type: r.type,
    props: r.outputs,
    urn: r.urn,
    name: r.name,
    opts: NO_OPTIONS,
    dependencies: [],
    propertyDependencies: {},
    isType: () => false,
    asType: () => undefined,
  }));
  const byUrn = new Map(views.map((view) => [view.urn, view]));
  const lookup = (urns: string[]) => urns.flatMap((u) => byUrn.get(u) ?? []);
  resources.forEach((r, i) => {
    views[i].dependencies = lookup(r.dependencies);
    views[i].propertyDependencies = Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, urns]) => [k, lookup(urns)]));
  });
  const args: StackValidationArgs = {
    resources: [...byUrn.values()],
    stackTags: new Map(),
    getConfig: <T extends object>() => config as T,
    notApplicable,
  };
  try {
    await policy.validateStack(args, report);
  } catch (error) {
    if (!(error instanceof NotApplicable)) throw error;
  }
}
