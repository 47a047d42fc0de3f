import { isUnknown } from "../common/unknown";
import { isRecord, jsonObject, type Props } from "../common/values";

/**
 * Reading IAM resource-policy documents given as JSON strings or objects. Anything unknown at preview is
 * reported as "unknown" so rules skip it instead of guessing.
 */

export interface StatementView {
  index: number;
  sid?: string;
  statement: Props;
}

/** The statements, or undefined when the document is absent, unknown or not JSON. */
export function statementsOf(document: unknown): StatementView[] | undefined {
  const parsed = jsonObject(document);
  if (parsed === undefined) return undefined;
  const raw = parsed.Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.flatMap((statement, index) =>
    isRecord(statement) ? [{ index, sid: typeof statement.Sid === "string" ? statement.Sid : undefined, statement }] : [],
  );
}

export function isAllow(statement: Props): boolean {
  return statement.Effect === "Allow";
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** Service principals of an Allow statement, e.g. ["meetings.chime.amazonaws.com"]. */
export function servicePrincipals(statement: Props): string[] {
  if (!isAllow(statement) || !isRecord(statement.Principal)) return [];
  return asList(statement.Principal.Service).filter((s): s is string => typeof s === "string");
}

/** `Principal: "*"` or `Principal: { AWS: "*" }` on an Allow statement. */
export function grantsEveryone(statement: Props): boolean {
  if (!isAllow(statement)) return false;
  const principal = statement.Principal;
  if (principal === "*") return true;
  return isRecord(principal) && asList(principal.AWS).includes("*");
}

const SOURCE_KEYS = ["aws:sourcearn", "aws:sourceaccount"];

/** "present", "absent" or "unknown" (the Condition block, or an operator inside it, is not known yet). */
export function sourceConditionState(statement: Props): "present" | "absent" | "unknown" {
  const condition = statement.Condition;
  if (isUnknown(condition)) return "unknown";
  if (!isRecord(condition)) return "absent";
  let unknown = false;
  for (const block of Object.values(condition)) {
    if (isUnknown(block)) unknown = true;
    if (!isRecord(block)) continue;
    // Condition keys are case-insensitive (IAM reference, "Condition element").
    if (Object.keys(block).some((key) => SOURCE_KEYS.includes(key.toLowerCase()))) return "present";
  }
  return unknown ? "unknown" : "absent";
}

export function statementLabel(view: StatementView): string {
  return view.sid !== undefined ? `Statement[${view.index}] (Sid ${JSON.stringify(view.sid)})` : `Statement[${view.index}]`;
}
