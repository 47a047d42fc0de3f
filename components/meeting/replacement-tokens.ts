import { canonicalJson, createOnlyKey } from "./compare";
import type { MeetingInputs } from "./types";

/**
 * What check() derived over a stored meeting that is about to be replaced, kept for the replacement's own check().
 * When a diff replaces a resource, the engine checks the new inputs a second time with no old inputs (to recompute
 * defaults for the new resource), and that second result is what create() receives. Without this, the replacement
 * of an ended meeting would derive the token of a first create again. The first check always runs in the same
 * provider process just before, and a run killed mid-replacement leaves the old meeting in the state, so the next
 * run derives the same values again: nothing here needs to outlive the process.
 */
export interface Derived {
  generation: number;
  clientRequestToken: string;
}

const derived = new Map<string, Derived>();

/** One resource (its seed) with one create request; undefined without a seed (nothing identifies the resource). */
function keyOf(inputs: Partial<MeetingInputs>): string | undefined {
  if (typeof inputs.idempotencySeed !== "string" || inputs.idempotencySeed === "") return undefined;
  return canonicalJson([inputs.idempotencySeed, createOnlyKey(inputs), inputs.tags, inputs.attendees]);
}

export function rememberReplacement(inputs: Partial<MeetingInputs>, values: Derived): void {
  const key = keyOf(inputs);
  if (key !== undefined) derived.set(key, values);
}

/** What the first check derived for these inputs, once: the entry is consumed, so a later create starts afresh. */
export function recallReplacement(inputs: Partial<MeetingInputs>): Derived | undefined {
  const key = keyOf(inputs);
  if (key === undefined) return undefined;
  const found = derived.get(key);
  derived.delete(key);
  return found;
}
