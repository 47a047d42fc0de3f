import type { Violation } from "../../../chime";
import { checkExternalId } from "../../../chime/validate-meeting";
import { resourceRule } from "../common/define";
import { declaredAttendees, meetingInputs, MEETING_TYPES } from "../common/meeting";
import { violationMessage } from "../common/message";
import { isUnknown } from "../common/unknown";

export type ExternalIdFormatConfig = Record<string, never>;

/**
 * Severity high; the API rejects these IDs: 2–64 characters of the documented pattern, no "aws:" prefix in any
 * case. Rules from chime/ (checkExternalId).
 * https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_CreateMeeting.html
 */
export const chimeMeetingEnforceExternalIdFormat = resourceRule<ExternalIdFormatConfig>({
  name: "chime-meeting-enforce-external-id-format",
  description:
    "Checks that ExternalMeetingId, MeetingHostId and each ExternalUserId satisfy the service's length, pattern and reserved-prefix rules.",
  severity: "high",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_CreateMeeting.html",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  resourceTypes: MEETING_TYPES,
  check: (resource) => {
    const inputs = meetingInputs(resource.props);
    const found: Violation[] = [];
    if (!isUnknown(inputs.externalMeetingId)) checkExternalId(inputs.externalMeetingId, "externalMeetingId", found, true);
    if (!isUnknown(inputs.meetingHostId)) checkExternalId(inputs.meetingHostId, "meetingHostId", found, false);
    (declaredAttendees(inputs) ?? []).forEach((attendee, i) => {
      if (attendee === undefined || isUnknown(attendee.externalUserId)) return;
      checkExternalId(attendee.externalUserId, `attendees[${i}].externalUserId`, found, true);
    });
    return found.map((v) =>
      violationMessage({
        resource,
        field: v.path,
        value: v.value,
        problem: `it ${v.rule} (service rule)`,
        fix: 'use 2 to 64 characters of the documented set, not starting with "aws:"',
      }),
    );
  },
});
