import { attendeeCeiling, validateAttendeeCount } from "../../../chime";
import { resourceRule } from "../common/define";
import { MEETING_TYPES, withFeaturesAndAttendees } from "../common/meeting";
import { violationMessage } from "../common/message";

export type AttendeeCountConfig = Record<string, never>;

/**
 * Severity high; the API refuses attendees beyond MaxCount and beyond the ceiling (25 with video FHD or content
 * UHD, else 250). Rules from chime/ (validateAttendeeCount, attendeeCeiling).
 * https://docs.aws.amazon.com/chime-sdk/latest/dg/meeting-features.html
 */
export const chimeMeetingLimitDeclaredAttendees = resourceRule<AttendeeCountConfig>({
  name: "chime-meeting-limit-declared-attendees",
  description: "Checks that a meeting declares no more attendees than its MaxCount and the service ceiling allow.",
  severity: "high",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/dg/meeting-features.html",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  resourceTypes: MEETING_TYPES,
  check: (resource) =>
    withFeaturesAndAttendees(resource.props, (features, attendees) =>
      validateAttendeeCount(attendees.length, features).map((v) =>
        violationMessage({
          resource,
          field: "attendees",
          value: `${attendees.length} attendees`,
          problem: `it ${v.rule}`,
          fix: `declare at most ${attendeeCeiling(features)} attendees, or raise meetingFeatures.attendee.maxCount within the service ceiling`,
        }),
      ),
    ),
});
