import { MEDIA_REGIONS } from "../../../chime";
import { resourceRule } from "../common/define";
import { knownString, meetingInputs, MEETING_TYPES } from "../common/meeting";
import { violationMessage } from "../common/message";

export interface MediaRegionsConfig {
  /** Media regions meetings may use, e.g. EU-only for data residency. Each must be a Chime media region. */
  allowedRegions: string[];
}

/**
 * Severity high; where meeting media is hosted (data residency). Unknown regions are refused too (service rule,
 * from chime/ MEDIA_REGIONS).
 * https://docs.aws.amazon.com/chime-sdk/latest/dg/chime-sdk-meetings-regions.html
 */
export const chimeMeetingLimitMediaRegions = resourceRule<MediaRegionsConfig>({
  name: "chime-meeting-limit-media-regions",
  description: "Checks that a meeting's media region is a Chime media region the organisation allows.",
  severity: "high",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/dg/chime-sdk-meetings-regions.html",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: { allowedRegions: { type: "array", items: { type: "string" }, default: [...MEDIA_REGIONS] } },
  },
  configProblems: (config) =>
    config.allowedRegions
      .filter((region) => !MEDIA_REGIONS.includes(region))
      .map((region) => `allowedRegions value ${JSON.stringify(region)} is not a Chime media region (${MEDIA_REGIONS.join(", ")})`),
  resourceTypes: MEETING_TYPES,
  check: (resource, config) => {
    const region = knownString(meetingInputs(resource.props).mediaRegion);
    if (region === undefined) return [];
    if (!MEDIA_REGIONS.includes(region)) {
      return [
        violationMessage({
          resource,
          field: "mediaRegion",
          value: region,
          problem: "it is not a Chime SDK media region (service rule)",
          fix: `use one of ${config.allowedRegions.join(", ")}`,
        }),
      ];
    }
    if (config.allowedRegions.includes(region)) return [];
    return [
      violationMessage({
        resource,
        field: "mediaRegion",
        value: region,
        problem: `the allowed media regions are ${JSON.stringify(config.allowedRegions)} (policy config allowedRegions)`,
        fix: `move the meeting to one of ${config.allowedRegions.join(", ")}`,
      }),
    ];
  },
});
