import { validateMeetingFeatures } from "../../../chime";
import { resourceRule } from "../common/define";
import { meetingInputs, MEETING_TYPES, known } from "../common/meeting";
import { violationMessage } from "../common/message";
import { isRecord } from "../common/values";

export type FeatureRulesConfig = Record<string, never>;

/**
 * Severity high; the API rejects these meetings (enums, MaxCount 1–250, MaxCount required and at most 25 with
 * video FHD or content UHD). Rules come from chime/ (validateMeetingFeatures).
 * https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_MeetingFeaturesConfiguration.html
 */
export const chimeMeetingEnforceFeatureRules = resourceRule<FeatureRulesConfig>({
  name: "chime-meeting-enforce-feature-rules",
  description: "Checks that a meeting's features satisfy the service's rules (values, MaxCount range, MaxCount with FHD/UHD).",
  severity: "high",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_MeetingFeaturesConfiguration.html",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  resourceTypes: MEETING_TYPES,
  check: (resource) => {
    const features = known(meetingInputs(resource.props).meetingFeatures);
    if (features === undefined) return [];
    // validateMeetingFeatures is written for unchecked input: it checks every section and value itself.
    const violations = isRecord(features)
      ? validateMeetingFeatures(features)
      : [{ path: "meetingFeatures", value: features, rule: "must be an object" }];
    return violations.map((v) =>
      violationMessage({
        resource,
        field: v.path,
        value: v.value,
        problem: `it ${v.rule} (service rule; CreateMeeting rejects it)`,
        fix: "change the meeting's features to satisfy the service rule",
      }),
    );
  },
});
