import type { MeetingInputs } from "./types";

/** The generation of a resource's meeting: 0 for the first meeting, one more for each recreation after it ended. */
export function generationOf(inputs: Partial<MeetingInputs> | undefined): number {
  const g = inputs?.generation;
  return typeof g === "number" && Number.isInteger(g) && g > 0 ? g : 0;
}

/**
 * The generation the next create uses: the stored meeting's, plus one when read() found that meeting gone. A create
 * retried with no stored meeting (a killed run) or over the same ended state computes the same number again, so it
 * sends the same ClientRequestToken; a meeting created after the previous one ended gets a new one.
 */
export function nextGeneration(olds: Partial<MeetingInputs> | undefined): number {
  return generationOf(olds) + (olds?.ended === true ? 1 : 0);
}
