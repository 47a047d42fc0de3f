import { createHash } from "node:crypto";
import { canonicalJson, createOnlyKey } from "./compare";
import { generationOf } from "./generation";
import type { MeetingInputs } from "./types";

/** ClientRequestToken allows 2–64 characters of [-_a-zA-Z0-9] (chime/ validates it too). */
const TOKEN_PREFIX = "pulumi-";
const TOKEN_HASH_LENGTH = 48;

function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * The idempotency token for CreateMeeting*, computed in check() so it is stored with the inputs:
 * - the same resource with the same create-only inputs keeps its token, so a retried or interrupted
 *   create (even with no state yet) sends the same token and the service returns the same meeting;
 * - a replacement gets a new token, chained from the previous one, so that going back to earlier
 *   inputs (A → B → A) never replays the first, deleted meeting;
 * - a new token covers the whole create request (tags and attendees too): the service refuses a
 *   token reused with different parameters (ConflictException);
 * - a recreation after the meeting ended (a higher `generation`) gets a new token too, in case the service
 *   remembers the tokens of ended meetings (docs/API-NOTES.md#idempotency).
 * Generation 0 adds nothing to the material, so tokens of meetings created before generations existed are unchanged.
 */
export function idempotencyToken(news: Partial<MeetingInputs>, olds: Partial<MeetingInputs> | undefined): string {
  const previous = olds?.clientRequestToken;
  const generation = generationOf(news);
  if (previous && createOnlyKey(olds) === createOnlyKey(news) && generationOf(olds) === generation) return previous;
  const request = canonicalJson({ tags: news.tags, attendees: news.attendees });
  const parts = [news.idempotencySeed ?? "", createOnlyKey(news), request, previous ?? ""];
  if (generation > 0) parts.push(`generation ${generation}`);
  const material = parts.join("\n");
  return TOKEN_PREFIX + sha256Hex(material).slice(0, TOKEN_HASH_LENGTH);
}
