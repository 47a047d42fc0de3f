import { LIMITS } from "../../../chime";
import { resourceRule } from "../common/define";
import { knownTags, meetingInputs, MEETING_TYPES } from "../common/meeting";
import { violationMessage } from "../common/message";

export interface TagCountConfig {
  /** Most tags a meeting may carry; at most the service's 50. */
  maximum: number;
}

/**
 * Severity low; org ceiling below the service's 50 (counts beyond 50 are left to chime-meeting-enforce-tag-rules).
 * https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_TagResource.html
 */
export const chimeMeetingLimitTagCount = resourceRule<TagCountConfig>({
  name: "chime-meeting-limit-tag-count",
  description: "Checks that a meeting carries no more tags than the organisation's ceiling.",
  severity: "low",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_TagResource.html",
  enforcementLevel: "mandatory",
  configSchema: { properties: { maximum: { type: "integer", minimum: 0, maximum: LIMITS.tags, default: LIMITS.tags } } },
  resourceTypes: MEETING_TYPES,
  check: (resource, config) => {
    const tags = knownTags(meetingInputs(resource.props));
    if (tags === undefined || tags.length <= config.maximum || tags.length > LIMITS.tags) return [];
    return [
      violationMessage({
        resource,
        field: "tags",
        value: `${tags.length} tags`,
        problem: `the organisation allows at most ${config.maximum} (policy config maximum)`,
        fix: `remove ${tags.length - config.maximum} tags`,
      }),
    ];
  },
});
