import { checkEnum, checkInteger, checkList, checkNotReserved, checkObject, checkRequired, checkString, isObject } from "./checks";
import { CONTENT_RESOLUTIONS, MEETING_FEATURE_STATUSES, VIDEO_RESOLUTIONS } from "./enums";
import { isHighResolution } from "./features";
import { LIMITS } from "./limits";
import { MEDIA_REGIONS } from "./regions";
import { validateTags } from "./validate-tags";
import type { MeetingFeatures, MeetingSpec } from "./types";
import type { Violation } from "./violation";

/** ExternalMeetingId, ExternalUserId and MeetingHostId share one rule set. */
export function checkExternalId(value: unknown, path: string, out: Violation[], required: boolean): void {
  if (checkString(value, path, out, { range: LIMITS.externalId, pattern: "externalId", required })) {
    checkNotReserved(value, path, out);
  }
}

export function checkMediaRegion(value: unknown, path: string, out: Violation[]): void {
  if (checkString(value, path, out, { range: LIMITS.mediaRegion, required: true }) && !MEDIA_REGIONS.includes(value)) {
    out.push({ path, value, rule: `must be one of the media regions ${MEDIA_REGIONS.join(", ")}` });
  }
}

/** Shapes, lengths, patterns, enums, reserved prefixes, media region, features, tenant IDs, tags, notification ARNs. */
export function validateMeeting(spec: MeetingSpec): Violation[] {
  const out: Violation[] = [];
  if (!checkObject(spec, "meeting", out)) return out;
  checkMediaRegion(spec.mediaRegion, "mediaRegion", out);
  checkExternalId(spec.externalMeetingId, "externalMeetingId", out, true);
  checkExternalId(spec.meetingHostId, "meetingHostId", out, false);
  if (spec.meetingFeatures !== undefined) out.push(...validateMeetingFeatures(spec.meetingFeatures, "meetingFeatures"));
  if (spec.notificationsConfiguration !== undefined) checkNotifications(spec.notificationsConfiguration, out);
  checkString(spec.primaryMeetingId, "primaryMeetingId", out, { range: LIMITS.primaryMeetingId });
  if (spec.tenantIds !== undefined) checkTenantIds(spec.tenantIds, out);
  if (spec.tags !== undefined) out.push(...validateTags(spec.tags));
  return out;
}

export function validateMeetingFeatures(features: MeetingFeatures, path = "meetingFeatures"): Violation[] {
  const out: Violation[] = [];
  if (!checkObject(features, path, out)) return out;
  const sections = ["audio", "video", "content", "attendee"] as const;
  for (const section of sections) {
    const value: unknown = features[section];
    if (value !== undefined && !isObject(value)) out.push({ path: `${path}.${section}`, value, rule: "must be an object" });
  }
  checkEnum(features.audio?.echoReduction, `${path}.audio.echoReduction`, MEETING_FEATURE_STATUSES, out);
  checkEnum(features.video?.maxResolution, `${path}.video.maxResolution`, VIDEO_RESOLUTIONS, out);
  checkEnum(features.content?.maxResolution, `${path}.content.maxResolution`, CONTENT_RESOLUTIONS, out);
  const maxCount = features.attendee?.maxCount;
  const maxCountPath = `${path}.attendee.maxCount`;
  if (maxCount !== undefined) checkInteger(maxCount, maxCountPath, LIMITS.maxCount, out);
  if (isHighResolution(features)) {
    const why = `when ${path}.video.maxResolution is FHD or ${path}.content.maxResolution is UHD`;
    if (maxCount === undefined) out.push({ path: maxCountPath, value: maxCount, rule: `is required ${why}` });
    else if (typeof maxCount === "number" && maxCount > LIMITS.highResolutionCeiling) {
      out.push({ path: maxCountPath, value: maxCount, rule: `must be at most ${LIMITS.highResolutionCeiling} ${why}` });
    }
  }
  return out;
}

function checkNotifications(value: unknown, out: Violation[]): void {
  const path = "notificationsConfiguration";
  if (!checkObject(value, path, out) || !isObject(value)) return;
  for (const field of ["lambdaFunctionArn", "snsTopicArn", "sqsQueueArn"] as const) {
    checkString(value[field], `${path}.${field}`, out, { range: LIMITS.notificationArn, pattern: "notificationArn" });
  }
}

function checkTenantIds(value: unknown, out: Violation[]): void {
  if (!checkList(value, "tenantIds", LIMITS.tenantIds, out)) return;
  value.forEach((id, i) => {
    const path = `tenantIds[${i}]`;
    if (checkRequired(id, path, out)) checkString(id, path, out, { range: LIMITS.tenantId, pattern: "tenantId" });
  });
}
