import { hasReservedPrefix, PATTERNS, RESERVED_PREFIX, type PatternName } from "./patterns";
import type { Violation } from "./violation";

/** Small building blocks for the validators; each pushes violations and reports whether the value passed. */

export interface Range {
  readonly min: number;
  readonly max: number;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function checkRequired(value: unknown, path: string, out: Violation[]): boolean {
  if (value === undefined || value === null) {
    out.push({ path, value, rule: "is required" });
    return false;
  }
  return true;
}

/** Length in characters (Unicode code points), as the model counts it; a lone surrogate counts as one. */
export function codePointLength(value: string): number {
  let n = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function lengthRule(range: Range): string {
  return range.min === 0 ? `must be at most ${range.max} characters long` : `must be ${range.min} to ${range.max} characters long`;
}

/** A string within `range`, matching an optional model pattern. Undefined passes unless `required`. */
export function checkString(
  value: unknown,
  path: string,
  out: Violation[],
  opts: { range: Range; pattern?: PatternName; required?: boolean },
): value is string {
  if (value === undefined || value === null) {
    if (opts.required) out.push({ path, value, rule: "is required" });
    return false;
  }
  if (typeof value !== "string") {
    out.push({ path, value, rule: "must be a string" });
    return false;
  }
  // One violation per field: a wrong length is reported alone, the pattern only for a fitting length.
  const length = codePointLength(value);
  if (length < opts.range.min || length > opts.range.max) {
    out.push({ path, value, rule: lengthRule(opts.range) });
    return false;
  }
  if (opts.pattern && !PATTERNS[opts.pattern].regex.test(value)) {
    out.push({ path, value, rule: `must match the pattern ${PATTERNS[opts.pattern].text}` });
    return false;
  }
  return true;
}

export function checkNotReserved(value: string, path: string, out: Violation[]): void {
  if (hasReservedPrefix(value)) {
    out.push({ path, value, rule: `must not begin with the reserved prefix "${RESERVED_PREFIX}" (case-insensitive)` });
  }
}

export function checkEnum<T extends string>(
  value: unknown,
  path: string,
  allowed: readonly T[],
  out: Violation[],
  required = false,
): value is T {
  if (value === undefined || value === null) {
    if (required) out.push({ path, value, rule: "is required" });
    return false;
  }
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    out.push({ path, value, rule: `must be one of ${allowed.join(", ")}` });
    return false;
  }
  return true;
}

export function checkInteger(value: unknown, path: string, range: Range, out: Violation[]): value is number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < range.min || value > range.max) {
    out.push({ path, value, rule: `must be an integer from ${range.min} to ${range.max}` });
    return false;
  }
  return true;
}

export function checkList(value: unknown, path: string, range: Range, out: Violation[]): value is unknown[] {
  if (!Array.isArray(value)) {
    out.push({ path, value, rule: value === undefined || value === null ? "is required" : "must be a list" });
    return false;
  }
  if (value.length < range.min || value.length > range.max) {
    const rule = range.min === 0 ? `must have at most ${range.max} items` : `must have ${range.min} to ${range.max} items`;
    out.push({ path, value: `${value.length} items`, rule });
    return false;
  }
  return true;
}

export function checkObject(value: unknown, path: string, out: Violation[]): boolean {
  if (!isObject(value)) {
    out.push({ path, value, rule: "must be an object" });
    return false;
  }
  return true;
}

export function checkBoolean(value: unknown, path: string, out: Violation[]): void {
  if (value !== undefined && typeof value !== "boolean") out.push({ path, value, rule: "must be true or false" });
}
