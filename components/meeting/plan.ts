import { defaultCapabilities } from "../../chime/features";
import type { AttendeeCapabilities, MeetingFeatures } from "../../chime/types";
import { canonicalJson } from "./compare";
import type { AttendeeInputs, AttendeeOutput } from "./types";

/** In-place changes to a meeting's attendees, matched by externalUserId. */
export interface AttendeePlan {
  add: AttendeeInputs[];
  remove: AttendeeOutput[];
  updateCapabilities: { attendee: AttendeeOutput; capabilities: AttendeeCapabilities }[];
}

/** The capabilities an attendee ends up with: the given ones, else the service defaults for the features. */
export function effectiveCapabilities(a: AttendeeInputs, features: MeetingFeatures | undefined): AttendeeCapabilities {
  return a.capabilities ?? defaultCapabilities(features);
}

function sameCapabilities(a: AttendeeCapabilities, b: AttendeeCapabilities): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function planAttendees(
  current: AttendeeOutput[] | undefined,
  desired: AttendeeInputs[] | undefined,
  features: MeetingFeatures | undefined,
): AttendeePlan {
  const byUser = new Map((current ?? []).map((a) => [a.externalUserId, a]));
  const wanted = new Set((desired ?? []).map((a) => a.externalUserId));
  const plan: AttendeePlan = { add: [], remove: [], updateCapabilities: [] };
  for (const a of desired ?? []) {
    const existing = byUser.get(a.externalUserId);
    const capabilities = effectiveCapabilities(a, features);
    if (!existing) plan.add.push(a);
    else if (!sameCapabilities(existing.capabilities, capabilities)) plan.updateCapabilities.push({ attendee: existing, capabilities });
  }
  for (const a of current ?? []) if (!wanted.has(a.externalUserId)) plan.remove.push(a);
  return plan;
}

export function isEmptyPlan(plan: AttendeePlan): boolean {
  return plan.add.length === 0 && plan.remove.length === 0 && plan.updateCapabilities.length === 0;
}

/** Tag changes: keys to remove (UntagResource) and entries to set (TagResource). */
export interface TagPlan {
  removeKeys: string[];
  set: Record<string, string>;
}

export function planTags(current: Record<string, string> | undefined, desired: Record<string, string> | undefined): TagPlan {
  const from = current ?? {};
  const to = desired ?? {};
  const removeKeys = Object.keys(from).filter((k) => !(k in to));
  const set: Record<string, string> = {};
  for (const [k, v] of Object.entries(to)) if (from[k] !== v) set[k] = v;
  return { removeKeys, set };
}

export function isEmptyTagPlan(plan: TagPlan): boolean {
  return plan.removeKeys.length === 0 && Object.keys(plan.set).length === 0;
}
