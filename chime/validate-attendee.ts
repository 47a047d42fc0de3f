import { checkEnum, checkObject } from "./checks";
import { MEDIA_CAPABILITIES } from "./enums";
import { attendeeCeiling, isHighResolution } from "./features";
import { LIMITS } from "./limits";
import { checkExternalId } from "./validate-meeting";
import type { AttendeeCapabilities, AttendeeSpec, MediaCapability, MeetingFeatures } from "./types";
import type { Violation } from "./violation";

const RECEIVES: readonly MediaCapability[] = ["SendReceive", "Receive"];

/** ExternalUserId rules plus, when given, the capabilities checked against the meeting's features. */
export function validateAttendee(a: AttendeeSpec, features: MeetingFeatures | undefined, path = "attendee"): Violation[] {
  const out: Violation[] = [];
  // An empty path names the members at the top level, as CreateAttendee's request has them.
  const at = (member: string) => (path === "" ? member : `${path}.${member}`);
  if (!checkObject(a, path === "" ? "attendee" : path, out)) return out;
  checkExternalId(a.externalUserId, at("externalUserId"), out, true);
  if (a.capabilities !== undefined) out.push(...validateCapabilities(a.capabilities, features, at("capabilities")));
  return out;
}

/**
 * All three capabilities are required; then the corner cases of the API reference (AttendeeCapabilities):
 * video/content must be None when the meeting disables that channel, and content SendReceive/Receive
 * needs video SendReceive/Receive.
 */
export function validateCapabilities(
  caps: AttendeeCapabilities,
  features: MeetingFeatures | undefined,
  path = "capabilities",
): Violation[] {
  const out: Violation[] = [];
  if (!checkObject(caps, path, out)) return out;
  const audioOk = checkEnum(caps.audio, `${path}.audio`, MEDIA_CAPABILITIES, out, true);
  const videoOk = checkEnum(caps.video, `${path}.video`, MEDIA_CAPABILITIES, out, true);
  const contentOk = checkEnum(caps.content, `${path}.content`, MEDIA_CAPABILITIES, out, true);
  if (!audioOk || !videoOk || !contentOk) return out;
  if (features?.video?.maxResolution === "None" && caps.video !== "None") {
    out.push({ path: `${path}.video`, value: caps.video, rule: "must be None because meetingFeatures.video.maxResolution is None" });
  }
  if (features?.content?.maxResolution === "None" && caps.content !== "None") {
    out.push({ path: `${path}.content`, value: caps.content, rule: "must be None because meetingFeatures.content.maxResolution is None" });
  }
  if (RECEIVES.includes(caps.content) && !RECEIVES.includes(caps.video)) {
    out.push({
      path: `${path}.content`,
      value: caps.content,
      rule: `can be SendReceive or Receive only when video is SendReceive or Receive (video is ${caps.video})`,
    });
  }
  return out;
}

/** A meeting may hold at most attendeeCeiling(features) attendees (MaxCount, 25 with FHD/UHD, 250). */
export function validateAttendeeCount(count: number, features: MeetingFeatures | undefined, path = "attendees"): Violation[] {
  const ceiling = attendeeCeiling(features);
  if (count <= ceiling) return [];
  const maxCount = features?.attendee?.maxCount;
  const reason =
    maxCount !== undefined && maxCount === ceiling
      ? `meetingFeatures.attendee.maxCount is ${maxCount}`
      : isHighResolution(features)
        ? `the limit is ${LIMITS.highResolutionCeiling} with video FHD or content UHD`
        : `the service limit is ${LIMITS.perMeeting}`;
  return [{ path, value: count, rule: `must not exceed ${ceiling} attendees per meeting (${reason})` }];
}
