import { validateCapabilities } from "../../../chime";
import { resourceRule } from "../common/define";
import { known, MEETING_TYPES, withFeaturesAndAttendees } from "../common/meeting";
import { violationMessage } from "../common/message";

export type AttendeeCapabilitiesConfig = Record<string, never>;

/**
 * Severity high; the API rejects these attendees: video/content must be None when the meeting turns that channel
 * off, and content SendReceive/Receive needs video SendReceive/Receive. Rules from chime/ (validateCapabilities).
 * https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_AttendeeCapabilities.html
 */
export const chimeMeetingEnforceAttendeeCapabilities = resourceRule<AttendeeCapabilitiesConfig>({
  name: "chime-meeting-enforce-attendee-capabilities",
  description: "Checks that each declared attendee's capabilities are consistent with the meeting's features.",
  severity: "high",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_AttendeeCapabilities.html",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  resourceTypes: MEETING_TYPES,
  check: (resource) =>
    withFeaturesAndAttendees(resource.props, (features, attendees) =>
      attendees.flatMap((attendee, i) => {
        const capabilities = known(attendee?.capabilities);
        if (capabilities === undefined) return [];
        return validateCapabilities(capabilities, features, `attendees[${i}].capabilities`).map((v) =>
          violationMessage({
            resource,
            field: v.path,
            value: v.value,
            problem: `it ${v.rule} (service rule; CreateAttendee rejects it)`,
            fix: "change the attendee's capabilities, or the meeting's features, so they agree",
          }),
        );
      }),
    ),
});
