import type { PolicyConfigSchema } from "@pulumi/policy";
import type { PolicyConfigJSONSchema, PolicyConfigJSONSchemaDefinition } from "@pulumi/policy/schema";
import { isObject } from "../../../chime/checks";

/**
 * Policy config as the engine would hand it to a rule: schema defaults, then the given values. The engine
 * applies defaults itself (pkg/resource/analyzer/config.go), but unit tests and the offline check do not
 * run the engine, so every rule resolves its config through here, and an invalid value fails loudly.
 */
export function resolveConfig<C>(policyName: string, schema: PolicyConfigSchema, given: object | undefined): C {
  const merged: Record<string, unknown> = { ...schemaDefaults(schema) };
  for (const [key, value] of Object.entries(given ?? {})) {
    if (key !== "enforcementLevel" && value !== undefined) merged[key] = value;
  }
  const problems = configProblems(schema, merged);
  if (problems.length > 0) throw new Error(`policy ${policyName}: invalid config: ${problems.join("; ")}`);
  return merged as C;
}

export function schemaDefaults(schema: PolicyConfigSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties)) {
    if (property.default !== undefined) out[key] = structuredClone(property.default);
  }
  return out;
}

/** The subset of JSON schema the rules use: type, enum, minimum/maximum, items, additionalProperties, unknown keys. */
export function configProblems(schema: PolicyConfigSchema, config: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of schema.required ?? []) {
    if (config[key] === undefined) problems.push(`${key} is required`);
  }
  for (const [key, value] of Object.entries(config)) {
    const property = schema.properties[key];
    if (property === undefined) {
      problems.push(`${key} is not a setting of this policy (settings: ${Object.keys(schema.properties).join(", ")})`);
    } else {
      problems.push(...valueProblems(property, value, key));
    }
  }
  return problems;
}

function valueProblems(schema: PolicyConfigJSONSchemaDefinition, value: unknown, path: string): string[] {
  if (typeof schema === "boolean") return schema ? [] : [`${path} is not allowed`];
  const typeProblem = typeMismatch(schema, value, path);
  if (typeProblem) return [typeProblem];
  const problems: string[] = [];
  if (schema.enum && !schema.enum.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))) {
    problems.push(`${path} value ${JSON.stringify(value)} must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}`);
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${path} value ${value} must be at least ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${path} value ${value} must be at most ${schema.maximum}`);
  }
  if (Array.isArray(value) && schema.items !== undefined && !Array.isArray(schema.items)) {
    const items = schema.items;
    value.forEach((item, i) => problems.push(...valueProblems(items, item, `${path}[${i}]`)));
  }
  if (isObject(value)) problems.push(...objectProblems(schema, value, path));
  return problems;
}

function objectProblems(schema: PolicyConfigJSONSchema, value: Record<string, unknown>, path: string): string[] {
  const problems: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const childSchema = schema.properties?.[key] ?? schema.additionalProperties;
    if (childSchema !== undefined) problems.push(...valueProblems(childSchema, child, `${path}.${key}`));
  }
  for (const key of schema.required ?? []) {
    if (value[key] === undefined) problems.push(`${path}.${key} is required`);
  }
  return problems;
}

function typeMismatch(schema: PolicyConfigJSONSchema, value: unknown, path: string): string | undefined {
  if (schema.type === undefined) return undefined;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const ok = types.some((t) => {
    switch (t) {
      case "array":
        return Array.isArray(value);
      case "object":
        return isObject(value);
      case "integer":
        return Number.isInteger(value);
      case "null":
        return value === null;
      default:
        return typeof value === t;
    }
  });
  return ok ? undefined : `${path} value ${JSON.stringify(value)} must be of type ${types.join(" or ")}`;
}
