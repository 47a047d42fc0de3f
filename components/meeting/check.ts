import {
  formatViolation,
  validateAttendee,
  validateAttendeeCount,
  validateControlRegion,
  validateMediaRegionForControlRegion,
  validateMeeting,
  validateNotificationTargets,
  type Violation,
} from "../../chime/validate";
import type { AttendeeSpec, MeetingFeatures, MeetingSpec, Tag } from "../../chime/types";
import { isObject } from "../../chime/checks";
import { CREATE_ONLY_FIELDS } from "./compare";
import { nextGeneration } from "./generation";
import { recallReplacement, rememberReplacement } from "./replacement-tokens";
import { MISSING_REGION_RULE } from "./settings";
import { idempotencyToken } from "./token";
import type { MeetingInputs } from "./types";
import { containsUnknown, isUnknown, isUnknownAtPath, withoutUnknowns } from "./unknown";

export interface CheckFailure {
  property: string;
  reason: string;
}

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * chime/ reports tag problems by list index ("tags[3].key"); this resource and the stack config take tags as a map,
 * so the path names the key instead, as a Pulumi property path the engine can parse: `tags.team`, or
 * `tags["aws:owner"]` for a key with other characters (an unparseable path makes the CLI drop the reason).
 */
function tagPathByKey(path: string, tags: Tag[]): string {
  const m = /^tags\[(\d+)\]\.(key|value)$/.exec(path);
  if (!m) return path;
  const key = tags[Number(m[1])]?.key;
  if (key === undefined) return `tags[${m[1]}]`;
  return SIMPLE_KEY.test(key) ? `tags.${key}` : `tags[${JSON.stringify(key)}]`;
}

/** tags are a key→value map in this resource; the API (and chime/) speaks Tag[]. */
function tagsToList(tags: unknown, out: Violation[]): Tag[] | undefined {
  if (tags === undefined || isUnknown(tags)) return undefined;
  if (!isObject(tags)) {
    out.push({ path: "tags", value: tags, rule: "must be a map of tag key to tag value" });
    return undefined;
  }
  return Object.entries(tags).map(([key, value]) => ({ key, value: value as string }));
}

function attendeeViolations(attendees: unknown, features: MeetingFeatures | undefined): Violation[] {
  if (attendees === undefined || isUnknown(attendees)) return [];
  if (!Array.isArray(attendees)) return [{ path: "attendees", value: attendees, rule: "must be a list" }];
  const out: Violation[] = [];
  const seen = new Set<string>();
  attendees.forEach((a: unknown, i) => {
    if (isUnknown(a)) return;
    out.push(...validateAttendee(a as AttendeeSpec, features, `attendees[${i}]`));
    const id = isObject(a) ? a.externalUserId : undefined;
    if (typeof id === "string" && !isUnknown(id)) {
      // Attendees are matched across updates by externalUserId, so it must identify one attendee.
      if (seen.has(id))
        out.push({ path: `attendees[${i}].externalUserId`, value: id, rule: "must be unique among the meeting's attendees" });
      seen.add(id);
    }
  });
  out.push(...validateAttendeeCount(attendees.length, features));
  return out;
}

function regionViolations(news: MeetingInputs, region: string | undefined): Violation[] {
  if (region === undefined) return [{ path: "region", value: undefined, rule: MISSING_REGION_RULE }];
  if (isUnknown(region)) return [];
  const out = validateControlRegion(region);
  if (out.length > 0) return out;
  if (typeof news.mediaRegion === "string" && !isUnknown(news.mediaRegion)) {
    out.push(...validateMediaRegionForControlRegion(news.mediaRegion, region));
  }
  if (isObject(news.notificationsConfiguration)) {
    out.push(...validateNotificationTargets(withoutUnknowns(news.notificationsConfiguration), region));
  }
  return out;
}

/**
 * Every rule the service enforces (from chime/), applied before anything reaches the API. Values that
 * are unknown during a preview are skipped: violations at or inside an unknown are dropped, and rules
 * that combine fields see the features without their unknown parts.
 */
export function meetingViolations(news: MeetingInputs, region: string | undefined): Violation[] {
  const out: Violation[] = [];
  const tags = tagsToList(news.tags, out);
  const spec = { ...news, tags } as MeetingSpec;
  const knownFeatures = isObject(news.meetingFeatures) ? (withoutUnknowns(news.meetingFeatures) as MeetingFeatures) : undefined;
  out.push(...validateMeeting(spec));
  out.push(...attendeeViolations(news.attendees, knownFeatures));
  out.push(...regionViolations(news, region));
  const root = { ...spec, attendees: news.attendees, region };
  return out.filter((v) => !isUnknownAtPath(root, v.path)).map((v) => ({ ...v, path: tagPathByKey(v.path, tags ?? []) }));
}

export function toFailures(violations: Violation[]): CheckFailure[] {
  return violations.map((v) => ({ property: v.path, reason: formatViolation(v) }));
}

/**
 * The inputs to store: the resolved control region filled in, the generation carried over from the stored meeting
 * (one more when that meeting ended), and the idempotency token derived (left unknown while a create-only input is
 * unknown). `generation` and `ended` are the provider's own: values in `news` are ignored. The engine's second check
 * of a replacement (no old inputs) gets what the first derived (replacement-tokens.ts).
 */
export function checkedInputs(olds: Partial<MeetingInputs>, news: MeetingInputs, region: string | undefined): MeetingInputs {
  const { generation: _generation, ended: _ended, ...declared } = news;
  const inputs: MeetingInputs = { ...declared, region };
  const hasOlds = olds !== undefined && Object.keys(olds).length > 0;
  const requestParts = [...CREATE_ONLY_FIELDS.map((f) => inputs[f]), inputs.tags, inputs.attendees];
  const known = !requestParts.some(containsUnknown);
  const replacement = !hasOlds && known ? recallReplacement(inputs) : undefined;
  const generation = replacement?.generation ?? (hasOlds ? nextGeneration(olds) : 0);
  if (generation > 0) inputs.generation = generation;
  if (known) {
    const token = replacement?.clientRequestToken ?? idempotencyToken(inputs, hasOlds ? olds : undefined);
    if (hasOlds && token !== olds.clientRequestToken) rememberReplacement(inputs, { generation, clientRequestToken: token });
    inputs.clientRequestToken = token;
  }
  if (inputs.region === undefined) delete inputs.region;
  if (inputs.clientRequestToken === undefined) delete inputs.clientRequestToken;
  return inputs;
}
