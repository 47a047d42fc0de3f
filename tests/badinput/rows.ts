import assert from "node:assert/strict";

/**
 * One row of the bad input catalogue: what is given, and the three parts the rejection must name —
 * the field (full path), the value as the message prints it, and the rule it breaks.
 */
export interface BadInputRow<Input> {
  /** Behaviour sentence, e.g. "rejects MaxCount 300 naming the config key". */
  name: string;
  input: Input;
  field: string;
  value: string;
  rule: string;
}

/** Asserts that `message` names the row's field, value and rule (all three, each as a plain substring). */
export function assertNamesFieldValueRule(message: string, row: Pick<BadInputRow<unknown>, "field" | "value" | "rule">): void {
  for (const [part, text] of [
    ["field", row.field],
    ["value", row.value],
    ["rule", row.rule],
  ] as const) {
    assert.ok(message.includes(text), `the message does not name the ${part} ${JSON.stringify(text)}:\n${message}`);
  }
}

/** `n` distinct tags as a key→value map. */
export function tagMap(n: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
}
