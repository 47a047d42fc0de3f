import type { Violation } from "../../chime/violation";

/**
 * The SSM Parameter Store rules for parameter names and values this project relies on, written from the
 * SSM user guide ("Creating Systems Manager parameters", "Working with parameter hierarchies") and the
 * PutParameter reference. One source for the MeetingAddress provider, the stack config check and the
 * emulator's SSM subset.
 */
export const SSM_RULES = {
  /** Longest parameter name (the fully qualified name, hierarchy included). */
  nameMaxLength: 1011,
  /** Deepest hierarchy: at most 15 levels. */
  maxHierarchyLevels: 15,
  /** Largest value of a Standard-tier parameter, in characters. */
  valueMaxLength: 4096,
  /** GetParametersByPath page size. */
  maxResultsPerPage: 10,
  parameterTypes: ["String", "StringList", "SecureString"] as const,
} as const;

const NAME_CHARACTERS = /^[a-zA-Z0-9_.\-/]+$/;
const RESERVED_PREFIX = /^\/?(aws|ssm)/i;

/** Everything wrong with `name` as a parameter name; `path` names the field in the messages. */
export function parameterNameViolations(name: unknown, path = "name"): Violation[] {
  if (typeof name !== "string" || name.length === 0) return [{ path, value: name, rule: "must be a non-empty string" }];
  const out: Violation[] = [];
  if (name.length > SSM_RULES.nameMaxLength) out.push({ path, value: name, rule: `must be at most ${SSM_RULES.nameMaxLength} characters` });
  if (!NAME_CHARACTERS.test(name)) out.push({ path, value: name, rule: "must contain only a-z, A-Z, 0-9, _, ., - and /" });
  if (RESERVED_PREFIX.test(name)) out.push({ path, value: name, rule: 'must not begin with "aws" or "ssm" (any case)' });
  if (name.includes("/")) {
    if (!name.startsWith("/")) out.push({ path, value: name, rule: 'must begin with "/" when it is part of a hierarchy' });
    else if (name.endsWith("/") || name.includes("//")) out.push({ path, value: name, rule: "must not have empty hierarchy levels" });
    const levels = name.split("/").filter(Boolean).length;
    if (levels > SSM_RULES.maxHierarchyLevels)
      out.push({ path, value: name, rule: `must have at most ${SSM_RULES.maxHierarchyLevels} hierarchy levels` });
  }
  return out;
}

/** The well-known parameter applications read: `/chime-meetings/<stack>/<meeting name>`. */
export function addressParameterName(stack: string, meetingName: string): string {
  return `/chime-meetings/${stack}/${meetingName}`;
}
