import { resourceRule } from "../common/define";
import { declaredAttendees, knownString, meetingInputs, MEETING_TYPES } from "../common/meeting";
import { violationMessage } from "../common/message";

export interface ExternalIdPatternConfig {
  /** A JavaScript regular expression every ExternalMeetingId must match; "" means no organisation pattern. */
  externalMeetingIdPattern: string;
  /** A JavaScript regular expression every ExternalUserId must match; "" means no organisation pattern. */
  externalUserIdPattern: string;
}

function compileProblem(key: string, source: string): string[] {
  try {
    new RegExp(source);
    return [];
  } catch (error) {
    return [
      `${key} value ${JSON.stringify(source)} is not a valid regular expression (${error instanceof Error ? error.message : String(error)})`,
    ];
  }
}

/**
 * Severity low; org naming convention on top of the service rules (see chime-meeting-enforce-external-id-format).
 * https://docs.aws.amazon.com/chime-sdk/latest/dg/meeting-namespace-migration.html
 */
export const chimeMeetingConfigureExternalIdPattern = resourceRule<ExternalIdPatternConfig>({
  name: "chime-meeting-configure-external-id-pattern",
  description: "Checks that ExternalMeetingId and each ExternalUserId follow the organisation's naming patterns.",
  severity: "low",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/dg/meeting-namespace-migration.html",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      externalMeetingIdPattern: { type: "string", default: "" },
      externalUserIdPattern: { type: "string", default: "" },
    },
  },
  configProblems: (config) => [
    ...compileProblem("externalMeetingIdPattern", config.externalMeetingIdPattern),
    ...compileProblem("externalUserIdPattern", config.externalUserIdPattern),
  ],
  resourceTypes: MEETING_TYPES,
  check: (resource, config) => {
    const inputs = meetingInputs(resource.props);
    const out: string[] = [];
    const meetingPattern = config.externalMeetingIdPattern;
    const meetingId = knownString(inputs.externalMeetingId);
    if (meetingPattern !== "" && meetingId !== undefined && !new RegExp(meetingPattern).test(meetingId)) {
      out.push(
        violationMessage({
          resource,
          field: "externalMeetingId",
          value: meetingId,
          problem: `it does not match the organisation pattern /${meetingPattern}/ (policy config externalMeetingIdPattern)`,
          fix: "rename the meeting's externalMeetingId to match the pattern",
        }),
      );
    }
    const userPattern = config.externalUserIdPattern;
    if (userPattern === "") return out;
    (declaredAttendees(inputs) ?? []).forEach((attendee, i) => {
      const userId = knownString(attendee?.externalUserId);
      if (userId === undefined || new RegExp(userPattern).test(userId)) return;
      out.push(
        violationMessage({
          resource,
          field: `attendees[${i}].externalUserId`,
          value: userId,
          problem: `it does not match the organisation pattern /${userPattern}/ (policy config externalUserIdPattern)`,
          fix: "use an externalUserId that matches the pattern",
        }),
      );
    });
    return out;
  },
});
