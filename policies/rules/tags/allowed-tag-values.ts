import { resourceRule } from "../common/define";
import { meetingInputs, MEETING_TYPES } from "../common/meeting";
import { violationMessage } from "../common/message";
import { isRecord } from "../common/values";

export interface AllowedTagValuesConfig {
  /** For a tag key, the only values it may take, e.g. { "environment": ["dev", "prod"] }. Other keys are free. */
  allowedValues: Record<string, string[]>;
}

/**
 * Severity low; keeps tag values usable for cost reports and access rules.
 * https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html
 */
export const chimeMeetingLimitTagValues = resourceRule<AllowedTagValuesConfig>({
  name: "chime-meeting-limit-tag-values",
  description: "Checks that a meeting's tag values are among the values the organisation allows for that key.",
  severity: "low",
  url: "https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      allowedValues: { type: "object", additionalProperties: { type: "array", items: { type: "string" } }, default: {} },
    },
  },
  resourceTypes: MEETING_TYPES,
  check: (resource, config) => {
    const tags = meetingInputs(resource.props).tags;
    if (!isRecord(tags)) return [];
    return Object.entries(config.allowedValues).flatMap(([key, allowed]) => {
      const value = tags[key];
      if (typeof value !== "string" || allowed.includes(value)) return [];
      return [
        violationMessage({
          resource,
          field: `tags[${JSON.stringify(key)}]`,
          value,
          problem: `the allowed values for this key are ${JSON.stringify(allowed)} (policy config allowedValues)`,
          fix: `set tag ${JSON.stringify(key)} to one of ${allowed.join(", ")}`,
        }),
      ];
    });
  },
});
