import { isHighResolution, LIMITS } from "../../../chime";
import { resourceRule } from "../common/define";
import { knownFeatures, meetingInputs, MEETING_TYPES } from "../common/meeting";
import { violationMessage } from "../common/message";

export interface AttendeeMaxCountConfig {
  /** Highest MeetingFeatures.Attendee.MaxCount the organisation allows (the service allows up to 250). */
  maximum: number;
  /** Whether every meeting must set MaxCount (the service requires it only with video FHD or content UHD). */
  required: boolean;
}

const FIELD = "meetingFeatures.attendee.maxCount";

/**
 * Severity medium; org limit on top of the service's 1–250 (values outside that range are left to
 * chime-meeting-enforce-feature-rules, so one mistake gives one violation).
 * https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_AttendeeFeatures.html
 */
export const chimeMeetingLimitAttendeeMaxCount = resourceRule<AttendeeMaxCountConfig>({
  name: "chime-meeting-limit-attendee-max-count",
  description: "Checks that a meeting's attendee MaxCount is set when required and stays under the organisation's ceiling.",
  severity: "medium",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_AttendeeFeatures.html",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      maximum: { type: "integer", minimum: LIMITS.maxCount.min, maximum: LIMITS.maxCount.max, default: LIMITS.maxCount.max },
      required: { type: "boolean", default: false },
    },
  },
  resourceTypes: MEETING_TYPES,
  check: (resource, config) => {
    const features = knownFeatures(meetingInputs(resource.props));
    if (features === undefined) return [];
    const maxCount = features.attendee?.maxCount;
    if (maxCount === undefined) {
      // With FHD/UHD the service itself requires MaxCount; that violation belongs to the feature rule.
      if (!config.required || isHighResolution(features)) return [];
      return [
        violationMessage({
          resource,
          field: FIELD,
          value: maxCount,
          problem: "policy config required=true asks every meeting to set it",
          fix: `set ${FIELD} to an integer from ${LIMITS.maxCount.min} to ${config.maximum}`,
        }),
      ];
    }
    const serviceValid = Number.isInteger(maxCount) && maxCount >= LIMITS.maxCount.min && maxCount <= LIMITS.maxCount.max;
    if (!serviceValid || maxCount <= config.maximum) return [];
    return [
      violationMessage({
        resource,
        field: FIELD,
        value: maxCount,
        problem: `the organisation's ceiling (policy config maximum) is ${config.maximum}`,
        fix: `lower ${FIELD} to ${config.maximum} or less`,
      }),
    ];
  },
});
