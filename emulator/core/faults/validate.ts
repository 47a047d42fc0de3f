import { formatViolation, type Violation } from "../../../chime";
import { FAULT_KINDS, type FaultConfig } from "./types";
import { isJsonObject } from "../json";

export const MAX_FAULT_RULES = 100;
export const MAX_LATENCY_MS = 60_000;
export const MAX_RETRY_AFTER_SECONDS = 3600;
const RULE_FIELDS = ["operation", "kind", "rate", "count", "retryAfterSeconds", "ms"];
const CONFIG_FIELDS = ["rules", "seed"];

/** Thrown by FaultInjector.configure; `violations` lists every problem, the message joins them. */
export class FaultConfigError extends Error {
  constructor(readonly violations: Violation[]) {
    super(`Invalid fault configuration: ${violations.map(formatViolation).join("; ")}`);
    this.name = "FaultConfigError";
  }
}

/** Checks a fault configuration that usually arrives as JSON; `operations`, when given, are the only valid names. */
export function validateFaultConfig(config: unknown, operations?: readonly string[]): Violation[] {
  const out: Violation[] = [];
  if (!isJsonObject(config)) return [{ path: "faults", value: config, rule: 'must be an object like {"rules": [...], "seed": 1}' }];
  unknownFields(config, CONFIG_FIELDS, "", out);
  if (config.seed !== undefined && !isIntegerIn(config.seed, 0, 0xffffffff)) {
    out.push({ path: "seed", value: config.seed, rule: "must be an integer from 0 to 4294967295" });
  }
  if (!Array.isArray(config.rules)) {
    out.push({ path: "rules", value: config.rules, rule: "must be a list of fault rules" });
    return out;
  }
  if (config.rules.length > MAX_FAULT_RULES) {
    out.push({ path: "rules", value: config.rules.length, rule: `must hold at most ${MAX_FAULT_RULES} rules` });
  }
  config.rules.forEach((rule, i) => validateRule(rule, `rules[${i}]`, operations, out));
  return out;
}

function validateRule(rule: unknown, path: string, operations: readonly string[] | undefined, out: Violation[]): void {
  if (!isJsonObject(rule)) {
    out.push({ path, value: rule, rule: "must be an object with at least a kind" });
    return;
  }
  unknownFields(rule, RULE_FIELDS, `${path}.`, out);
  const kind = rule.kind;
  if (!FAULT_KINDS.some((k) => k === kind)) {
    out.push({ path: `${path}.kind`, value: kind, rule: `must be one of ${FAULT_KINDS.join(", ")}` });
  }
  if (rule.operation !== undefined) {
    if (typeof rule.operation !== "string" || rule.operation === "") {
      out.push({
        path: `${path}.operation`,
        value: rule.operation,
        rule: 'must be an operation name such as "CreateMeeting" (omit it to match every operation)',
      });
    } else if (operations && !operations.includes(rule.operation)) {
      out.push({ path: `${path}.operation`, value: rule.operation, rule: `must be one of ${operations.join(", ")}` });
    }
  }
  if (rule.rate !== undefined && !(typeof rule.rate === "number" && rule.rate >= 0 && rule.rate <= 1)) {
    out.push({ path: `${path}.rate`, value: rule.rate, rule: "must be a number from 0 to 1" });
  }
  if (rule.count !== undefined && !isIntegerIn(rule.count, 1, Number.MAX_SAFE_INTEGER)) {
    out.push({ path: `${path}.count`, value: rule.count, rule: "must be a positive integer" });
  }
  if (rule.retryAfterSeconds !== undefined) {
    if (kind !== "serviceUnavailable") {
      out.push({ path: `${path}.retryAfterSeconds`, value: rule.retryAfterSeconds, rule: "is only allowed with kind serviceUnavailable" });
    } else if (!isIntegerIn(rule.retryAfterSeconds, 0, MAX_RETRY_AFTER_SECONDS)) {
      out.push({
        path: `${path}.retryAfterSeconds`,
        value: rule.retryAfterSeconds,
        rule: `must be an integer from 0 to ${MAX_RETRY_AFTER_SECONDS}`,
      });
    }
  }
  if (kind === "latency") {
    if (!isIntegerIn(rule.ms, 0, MAX_LATENCY_MS)) {
      out.push({
        path: `${path}.ms`,
        value: rule.ms,
        rule: `is required with kind latency and must be an integer from 0 to ${MAX_LATENCY_MS}`,
      });
    }
  } else if (rule.ms !== undefined) {
    out.push({ path: `${path}.ms`, value: rule.ms, rule: "is only allowed with kind latency" });
  }
}

function unknownFields(value: Record<string, unknown>, allowed: string[], prefix: string, out: Violation[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      out.push({ path: `${prefix}${key}`, value: value[key], rule: `is not a known field; allowed: ${allowed.join(", ")}` });
  }
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

/** Narrows after validation; exported for callers that validate JSON before configuring. */
export function assertFaultConfig(config: unknown, operations?: readonly string[]): asserts config is FaultConfig {
  const violations = validateFaultConfig(config, operations);
  if (violations.length > 0) throw new FaultConfigError(violations);
}
