import { resourceRule } from "../common/define";
import { meetingInputs, MEETING_TYPES } from "../common/meeting";
import { violationMessage } from "../common/message";
import { isRecord } from "../common/values";

export interface RequiredTagKeysConfig {
  /** Tag keys every meeting must carry (exact, case-sensitive). */
  keys: string[];
}

/**
 * Severity medium; cost allocation and ownership.
 * https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html
 */
export const chimeMeetingRequireTagKeys = resourceRule<RequiredTagKeysConfig>({
  name: "chime-meeting-require-tag-keys",
  description: "Checks that a meeting carries every tag key the organisation requires.",
  severity: "medium",
  url: "https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html",
  enforcementLevel: "mandatory",
  configSchema: { properties: { keys: { type: "array", items: { type: "string" }, default: [] } } },
  resourceTypes: MEETING_TYPES,
  check: (resource, config) => {
    if (config.keys.length === 0) return [];
    const tags = meetingInputs(resource.props).tags;
    if (tags !== undefined && !isRecord(tags)) return [];
    const present = Object.keys(tags ?? {});
    const missing = config.keys.filter((key) => !present.includes(key));
    if (missing.length === 0) return [];
    return [
      violationMessage({
        resource,
        field: "tags",
        value: tags,
        problem: `the required tag keys ${JSON.stringify(missing)} are missing (policy config keys)`,
        fix: `add tags ${missing.map((k) => JSON.stringify(k)).join(", ")}`,
      }),
    ];
  },
});
