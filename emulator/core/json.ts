import { isObject } from "../../chime/checks";

export type JsonObject = Record<string, unknown>;

/** A JSON object: not null, not an array (the one plain-object check, chime/checks.ts). */
export const isJsonObject: (v: unknown) => v is JsonObject = isObject;

/** A request body as a JSON object (an empty body is `{}`); `refuse` builds the service's error for anything else. */
export function parseJsonObject(body: Buffer, refuse: (message: string) => Error): JsonObject {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw refuse("The request body is not valid JSON");
  }
  if (!isJsonObject(parsed)) throw refuse("The request body must be a JSON object");
  return parsed;
}
