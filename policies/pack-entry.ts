import type { EnforcementLevel } from "@pulumi/policy";
import { isObject } from "../chime/checks";

export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** One entry of a `--policy-pack-config` object: a level alone, or a level and the rule's settings. */
export interface PackEntry {
  enforcementLevel?: EnforcementLevel;
  settings: Record<string, unknown>;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function levelOf(value: unknown, where: string): EnforcementLevel {
  const level = ENFORCEMENT_LEVELS.find((l) => l === value);
  if (level === undefined) {
    throw new Error(`${where}: enforcementLevel value ${show(value)} must be one of ${ENFORCEMENT_LEVELS.join(", ")}`);
  }
  return level;
}

/** Reads the entry `where` names (absent: no level, no settings); throws naming it, its value and the rule. */
export function parsePackEntry(value: unknown, where: string): PackEntry {
  if (value === undefined) return { settings: {} };
  if (typeof value === "string") return { enforcementLevel: levelOf(value, where), settings: {} };
  if (!isObject(value)) throw new Error(`${where}: value ${show(value)} must be an enforcement level or an object`);
  const { enforcementLevel, ...settings } = value;
  return { enforcementLevel: enforcementLevel === undefined ? undefined : levelOf(enforcementLevel, where), settings };
}

/** A whole config object (e.g. a JSON file's content); throws when it is not an object. */
export function parsePackConfig(value: unknown, where: string): Record<string, unknown> {
  if (!isObject(value)) throw new Error(`${where}: value ${show(value)} must be a JSON object of policy names`);
  return value;
}
