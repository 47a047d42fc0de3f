import { validateTags } from "../../../chime";
import { resourceRule } from "../common/define";
import { knownTags, meetingInputs, MEETING_TYPES } from "../common/meeting";
import { violationMessage } from "../common/message";
import { tagField } from "./tag-view";

export type ServiceTagRulesConfig = Record<string, never>;

/**
 * Severity high; the API rejects these tags: at most 50, key 1–128 and value 0–256 characters of the model's
 * patterns, no "aws:" key prefix in any case. Rules and limits from chime/ (validateTags, LIMITS.tags).
 * https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_Tag.html
 */
export const chimeMeetingEnforceTagRules = resourceRule<ServiceTagRulesConfig>({
  name: "chime-meeting-enforce-tag-rules",
  description: "Checks that a meeting's tags satisfy the service's count, length, character and reserved-prefix rules.",
  severity: "high",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_Tag.html",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  resourceTypes: MEETING_TYPES,
  check: (resource) => {
    const tags = knownTags(meetingInputs(resource.props));
    if (tags === undefined) return [];
    return validateTags(tags).map((v) =>
      violationMessage({
        resource,
        field: tagField(v.path, tags),
        value: v.value,
        problem: `it ${v.rule} (service rule; CreateMeeting rejects it)`,
        fix: "change the tags to satisfy the service rule",
      }),
    );
  },
});
