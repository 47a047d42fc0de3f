import { isUnknown } from "./unknown";

/** Small readers for untyped resource properties (inputs arrive as plain JSON). */

export type Props = Record<string, unknown>;

export function isRecord(value: unknown): value is Props {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isUnknown(value);
}

/** A known string, or undefined when absent, unknown or not a string. */
export function stringValue(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A JSON string or an object (Pulumi accepts both for policies); undefined when unknown, absent or unparsable. */
export function jsonObject(value: unknown): Props | undefined {
  if (isRecord(value)) return value;
  if (typeof value !== "string" || isUnknown(value)) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** "us-east-1" from "arn:aws:sqs:us-east-1:123456789012:q"; undefined for anything else. */
export function regionOfArn(arn: string): string | undefined {
  const parts = arn.split(":");
  return parts.length >= 6 && parts[0] === "arn" ? parts[3] : undefined;
}

/** Given at all: known or unknown (an unknown value will be set at apply time), and not empty. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}
