import { effectiveMeetingFeatures } from "../../chime/feature-defaults";
import type { MeetingInputs } from "./types";
import { isUnknown } from "./unknown";

/** Inputs the API cannot change on an existing meeting: any change replaces it (docs/API-NOTES.md#provider-notes). */
export const CREATE_ONLY_FIELDS = [
  "region",
  "mediaRegion",
  "externalMeetingId",
  "meetingHostId",
  "meetingFeatures",
  "notificationsConfiguration",
  "primaryMeetingId",
  "tenantIds",
] as const;

export type CreateOnlyField = (typeof CREATE_ONLY_FIELDS)[number];

/** Every input a program declares on a Meeting: the create-only ones, then those updated in place. */
export const DECLARED_FIELDS = [...CREATE_ONLY_FIELDS, "tags", "attendees"] as const;

/** JSON with sorted keys and undefined members dropped: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && Object.values(value).every((v) => v === undefined);
}

/**
 * A create-only field in the form used for comparison: the service's echo of features (documented
 * defaults filled in) equals the request without them, an empty tenant list (the echo when none were
 * given) equals none, and an empty notifications object equals none.
 */
export function comparable(field: CreateOnlyField, value: unknown): unknown {
  if (isUnknown(value)) return value;
  switch (field) {
    case "meetingFeatures":
      return typeof value === "object" && value !== null ? effectiveMeetingFeatures(value) : effectiveMeetingFeatures(undefined);
    case "tenantIds":
      return Array.isArray(value) && value.length === 0 ? undefined : value;
    case "notificationsConfiguration":
      return isEmptyObject(value) ? undefined : value;
    default:
      return value;
  }
}

export function sameCreateOnlyValue(field: CreateOnlyField, a: unknown, b: unknown): boolean {
  return canonicalJson(comparable(field, a)) === canonicalJson(comparable(field, b));
}

/** The create-only fields whose values differ between the old state and the new inputs. */
export function changedCreateOnlyFields(olds: Partial<Record<CreateOnlyField, unknown>>, news: Partial<MeetingInputs>): CreateOnlyField[] {
  return CREATE_ONLY_FIELDS.filter((f) => !sameCreateOnlyValue(f, olds[f], news[f]));
}

/** One text that changes exactly when a create-only field changes (the basis of the idempotency token). */
export function createOnlyKey(inputs: Partial<MeetingInputs>): string {
  return canonicalJson(CREATE_ONLY_FIELDS.map((f) => comparable(f, inputs[f])));
}
