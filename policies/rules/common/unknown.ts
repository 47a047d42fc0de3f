/**
 * Values the engine cannot know during preview (outputs of resources not created yet).
 *
 * CrossGuard hands rules a proxy that throws on any access to an unknown; rules here instead read a
 * plain snapshot in which every unknown is the single `UNKNOWN` marker, so a rule can skip exactly the
 * field it cannot check yet and still check the rest of the resource.
 */
class UnknownValue {
  toJSON(): string {
    return "<unknown until apply>";
  }
}

export const UNKNOWN: unknown = Object.freeze(new UnknownValue());

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

// The engine sends every unknown as the first sentinel (also `pulumi.runtime.unknownValue`); the others
// are the typed sentinels of @pulumi/policy's deserializer (proxy.js), kept for completeness.
const SENTINELS: ReadonlySet<string> = new Set([
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/**
 * A plain deep copy of resource properties with unknowns replaced by `UNKNOWN`. Reads through property
 * descriptors, which the policy SDK's unknown-checking proxy does not intercept, so nothing throws.
 */
export function plainProps(value: unknown): unknown {
  if (typeof value === "string") return SENTINELS.has(value) ? UNKNOWN : value;
  if (value === null || typeof value !== "object" || value === UNKNOWN) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(plainProps(rawGet(value, String(i))));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = plainProps(rawGet(value, key));
  return out;
}

function rawGet(target: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  return descriptor && "value" in descriptor ? descriptor.value : undefined;
}

/** True when `value` or anything inside it is unknown. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}
