/** One broken rule: where (camelCase dotted path), what was given, and the rule as a sentence fragment. */
export interface Violation {
  /** camelCase dotted path, e.g. "meetingFeatures.attendee.maxCount", "tags[3].key". */
  path: string;
  value: unknown;
  /** Human sentence fragment, e.g. "must be an integer from 1 to 250". */
  rule: string;
}

/** `${path}: value ${JSON} ${rule}` — the one message style used everywhere. */
export function formatViolation(v: Violation): string {
  return `${v.path}: value ${JSON.stringify(v.value) ?? "undefined"} ${v.rule}`;
}
