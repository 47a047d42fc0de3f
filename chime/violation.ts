/** One broken rule: where (camelCase dotted path), what was given, and the rule as a sentence fragment. */
export interface Violation {
  /** camelCase dotted path, e.g. "meetingFeatures.attendee.maxCount", "tags[3].key". */
  path: string;
  value: unknown;
  /** Human sentence fragment, e.g. "must be an integer from 1 to 250". */
  rule: string;
}

/** Longest echo of a value in a message, in UTF-16 units of its JSON: a 1 MB value must not make a 1 MB error. */
export const ECHO_LIMIT = 100;

/** The value as JSON, cut to ECHO_LIMIT with the full length named, so every message stays small. */
export function echoValue(value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = String(value);
  }
  if (json === undefined) return "undefined";
  if (json.length <= ECHO_LIMIT) return json;
  // Never cut a surrogate pair in half.
  let end = ECHO_LIMIT;
  const last = json.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${json.slice(0, end)}… (${json.length} characters)`;
}

/** `${path}: value ${JSON} ${rule}` — the one message style used everywhere. */
export function formatViolation(v: Violation): string {
  return `${v.path}: value ${echoValue(v.value)} ${v.rule}`;
}
