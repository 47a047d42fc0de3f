import { createHmac, randomBytes, randomUUID } from "node:crypto";
import type { TokenMinter } from "./types";

/**
 * A copy of `s` as one flat string. Node builds UUIDs (and V8 builds template literals) as trees of
 * concatenated pieces, about 20 heap objects per id; ids kept for the life of a meeting are flattened
 * so 10,000 meetings x 10 attendees stay small.
 */
export function flat(s: string): string {
  return Buffer.from(s, "latin1").toString("latin1");
}

export function newGuid(): string {
  return flat(randomUUID());
}

/**
 * Join tokens are derived, not stored: base64url("<AttendeeId>:<uuid-shaped HMAC>") — the observed shape
 * of real tokens (docs/API-NOTES.md#arns-and-identifiers). Deriving them from a per-data-dir key means the journal never holds a token.
 */
export class JoinTokenMinter implements TokenMinter {
  constructor(private readonly key: Buffer = randomBytes(32)) {}

  mint(meetingId: string, attendeeId: string): string {
    const h = createHmac("sha256", this.key).update(`${meetingId}/${attendeeId}`).digest("hex");
    const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
    return Buffer.from(`${attendeeId}:${uuid}`).toString("base64url");
  }
}
