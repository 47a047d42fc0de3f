import type { EnforcementLevel, PolicyConfigSchema, ResourceValidationPolicy, Severity, StackValidationPolicy } from "@pulumi/policy";
import { resolveConfig } from "./config";
import { plainProps } from "./unknown";
import { isRecord, type Props } from "./values";

/** A resource as a rule sees it: props are a plain copy in which unknowns are `UNKNOWN`. */
export interface RuleResource {
  type: string;
  name: string;
  urn: string;
  props: Props;
}

/** A resource seen by a stack rule: props are the engine's view (outputs; inputs plus unknowns in preview). */
export interface StackRuleResource extends RuleResource {
  /** URNs this resource depends on. */
  dependencies: string[];
  /** For each input property, the URNs of the resources whose outputs flowed into it. */
  propertyDependencies: Record<string, string[]>;
}

export interface StackFinding {
  message: string;
  urn?: string;
}

interface RuleMetadata<C> {
  /** `<service>-<resource>-<verb>-<object>`, verb from RULE_VERBS. */
  name: string;
  /** One sentence starting "Checks that". */
  description: string;
  severity: Severity;
  /** The AWS or project document that explains the rule. */
  url: string;
  enforcementLevel: EnforcementLevel;
  configSchema: PolicyConfigSchema;
  /** Semantic checks the schema cannot express (e.g. a regex that must compile); messages name key and value. */
  configProblems?(config: C): string[];
}

export interface ResourceRuleSpec<C> extends RuleMetadata<C> {
  resourceTypes: readonly string[];
  check(resource: RuleResource, config: C): string[];
}

export interface StackRuleSpec<C> extends RuleMetadata<C> {
  check(resources: StackRuleResource[], config: C): StackFinding[];
}

/** The verbs rule names may use (kept small so names read alike). */
export const RULE_VERBS = ["disallow", "enforce", "configure", "require", "limit"] as const;

function ruleConfig<C>(spec: RuleMetadata<C>, given: object): C {
  const config = resolveConfig<C>(spec.name, spec.configSchema, given);
  const problems = spec.configProblems?.(config) ?? [];
  if (problems.length > 0) throw new Error(`policy ${spec.name}: invalid config: ${problems.join("; ")}`);
  return config;
}

/** A plain copy of the engine's properties; the engine always sends an object, anything else reads as none. */
function propsOf(engineProps: unknown): Props {
  const props = plainProps(engineProps);
  return isRecord(props) ? props : {};
}

function policyFields<C>(spec: RuleMetadata<C>) {
  const { name, description, severity, url, enforcementLevel, configSchema } = spec;
  return { name, description, severity, url, enforcementLevel, configSchema };
}

/** A CrossGuard resource policy whose logic is the pure `check` function. */
export function resourceRule<C extends object>(spec: ResourceRuleSpec<C>): ResourceValidationPolicy {
  return {
    ...policyFields(spec),
    validateResource: (args, reportViolation) => {
      if (!spec.resourceTypes.includes(args.type)) return;
      const config = ruleConfig(spec, args.getConfig<C>());
      const resource: RuleResource = { type: args.type, name: args.name, urn: args.urn, props: propsOf(args.props) };
      for (const message of spec.check(resource, config)) reportViolation(message);
    },
  };
}

/** A CrossGuard stack policy whose logic is the pure `check` function. */
export function stackRule<C extends object>(spec: StackRuleSpec<C>): StackValidationPolicy {
  return {
    ...policyFields(spec),
    validateStack: (args, reportViolation) => {
      const config = ruleConfig(spec, args.getConfig<C>());
      const resources: StackRuleResource[] = args.resources.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: propsOf(r.props),
        dependencies: (r.dependencies ?? []).map((d) => d.urn),
        propertyDependencies: Object.fromEntries(
          Object.entries(r.propertyDependencies ?? {}).map(([key, deps]) => [key, deps.map((d) => d.urn)]),
        ),
      }));
      for (const finding of spec.check(resources, config)) reportViolation(finding.message, finding.urn);
    },
  };
}
