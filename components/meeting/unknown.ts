/**
 * The value Pulumi sends to check()/diff() for inputs not known yet during a preview
 * (`pulumi.runtime.unknownValue`). Kept as a literal so that the provider closure does not
 * capture the Pulumi SDK; tests/provider/unknown.test.ts pins it to the SDK's constant.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True when the value is, or contains anywhere inside, an unknown. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}

/** A copy with unknown leaves (and list items) removed, for validations that combine several fields. */
export function withoutUnknowns<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => !isUnknown(v)).map(withoutUnknowns) as T;
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!isUnknown(v)) out[k] = withoutUnknowns(v);
    return out as T;
  }
  return value;
}

/**
 * Whether a violation path such as "meetingFeatures.attendee.maxCount" or "attendees[2].capabilities.video"
 * points at, or inside, a value that is unknown in `root`.
 */
export function isUnknownAtPath(root: unknown, path: string): boolean {
  let current: unknown = root;
  for (const segment of path.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== "")) {
    if (isUnknown(current)) return true;
    if (typeof current !== "object" || current === null) return false;
    current = (current as Record<string, unknown>)[segment];
  }
  return isUnknown(current);
}
