import { checkEnum, checkInteger, checkList, checkObject, checkString, isObject } from "./checks";
import { MEDIA_PLACEMENT_NETWORK_TYPES } from "./enums";
import { LIMITS } from "./limits";
import { CONTROL_REGIONS, partitionOf } from "./regions";
import type { NotificationsConfiguration } from "./types";
import type { Violation } from "./violation";

/** Request-level fields that are not part of a meeting or attendee spec. */

export function validateClientRequestToken(token: unknown, path = "clientRequestToken"): Violation[] {
  const out: Violation[] = [];
  checkString(token, path, out, { range: LIMITS.clientRequestToken, pattern: "clientRequestToken", required: true });
  return out;
}

/** MeetingId / AttendeeId (GuidString). */
export function validateGuid(value: unknown, path: string): Violation[] {
  const out: Violation[] = [];
  // The GUID pattern fixes the length, so no separate length rule is reported.
  checkString(value, path, out, { range: { min: 0, max: LIMITS.string.max }, pattern: "guid", required: true });
  return out;
}

export function validateMaxResults(value: unknown, path = "maxResults"): Violation[] {
  const out: Violation[] = [];
  if (value !== undefined) checkInteger(value, path, LIMITS.maxResults, out);
  return out;
}

/** ResourceARN of the tag operations (AmazonResourceName: 1–1011, begins with "arn:"). */
export function validateResourceArn(value: unknown, path = "resourceArn"): Violation[] {
  const out: Violation[] = [];
  checkString(value, path, out, { range: LIMITS.resourceArn, pattern: "resourceArn", required: true });
  return out;
}

/** A request list of 1..max items (e.g. CreateMeetingWithAttendees 20, BatchCreateAttendee 100). */
export function validateListLength(value: unknown, max: number, path: string): Violation[] {
  const out: Violation[] = [];
  checkList(value, path, { min: 1, max }, out);
  return out;
}

/** ExcludedAttendeeIds: 1–250 items of `{ attendeeId: GUID }`. */
export function validateExcludedAttendeeIds(ids: unknown, path = "excludedAttendeeIds"): Violation[] {
  const out: Violation[] = [];
  if (!checkList(ids, path, { min: 1, max: LIMITS.excludedAttendeeIds }, out)) return out;
  ids.forEach((item, i) => {
    if (checkObject(item, `${path}[${i}]`, out) && isObject(item)) out.push(...validateGuid(item.attendeeId, `${path}[${i}].attendeeId`));
  });
  return out;
}

/** CreateMeeting's MediaPlacementNetworkType (request-only member). */
export function validateMediaPlacementNetworkType(value: unknown, path = "mediaPlacementNetworkType"): Violation[] {
  const out: Violation[] = [];
  checkEnum(value, path, MEDIA_PLACEMENT_NETWORK_TYPES, out);
  return out;
}

/** The API (control) region must have a Chime SDK Meetings endpoint. */
export function validateControlRegion(region: string, path = "region"): Violation[] {
  if (CONTROL_REGIONS.includes(region)) return [];
  return [{ path, value: region, rule: `must be a Chime SDK Meetings API region (${CONTROL_REGIONS.join(", ")})` }];
}

/** GovCloud meetings need a GovCloud control region and vice versa (same partition). */
export function validateMediaRegionForControlRegion(mediaRegion: string, controlRegion: string, path = "mediaRegion"): Violation[] {
  if (partitionOf(mediaRegion) === partitionOf(controlRegion)) return [];
  return [{ path, value: mediaRegion, rule: `must be in the same partition as the API region ${controlRegion}` }];
}

const TARGET_SERVICES = { lambdaFunctionArn: "lambda", snsTopicArn: "sns", sqsQueueArn: "sqs" } as const;

/**
 * Each notification target must be an ARN of its own service; SNS and SQS targets must be in the
 * control region that creates the meeting (developer guide, meeting notifications). Lambda has no
 * documented region rule, so only its service is checked.
 */
export function validateNotificationTargets(
  cfg: NotificationsConfiguration,
  controlRegion: string,
  path = "notificationsConfiguration",
): Violation[] {
  const out: Violation[] = [];
  for (const field of Object.keys(TARGET_SERVICES) as (keyof typeof TARGET_SERVICES)[]) {
    const arn = cfg[field];
    if (typeof arn !== "string") continue;
    const [prefix, partition, service, region] = arn.split(":");
    const at = `${path}.${field}`;
    if (prefix !== "arn" || service !== TARGET_SERVICES[field] || partition !== partitionOf(controlRegion)) {
      out.push({ path: at, value: arn, rule: `must be an ${TARGET_SERVICES[field]} ARN in partition ${partitionOf(controlRegion)}` });
    } else if (field !== "lambdaFunctionArn" && region !== controlRegion) {
      out.push({ path: at, value: arn, rule: `must be in the API region ${controlRegion} that creates the meeting` });
    }
  }
  return out;
}
