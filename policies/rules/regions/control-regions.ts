import { CONTROL_REGIONS, validateControlRegion, validateMediaRegionForControlRegion } from "../../../chime";
import { resourceRule } from "../common/define";
import { knownString, meetingInputs, MEETING_TYPES } from "../common/meeting";
import { violationMessage } from "../common/message";
import { controlRegionOf, DEFAULT_REGION_SCHEMA } from "./control-region";

export interface ControlRegionsConfig {
  /** API (control) regions meetings may be created through. Each must have a Chime SDK Meetings endpoint. */
  allowedRegions: string[];
  /** Control region assumed for meetings without a `region` input; "" skips them. */
  defaultRegion: string;
}

/**
 * Severity high; the control region receives the meeting's events and is where the meeting can be managed.
 * Regions without an endpoint, and a media region of another partition, are refused too (service rules from chime/).
 * https://docs.aws.amazon.com/general/latest/gr/chime-sdk.html
 */
export const chimeMeetingLimitControlRegions = resourceRule<ControlRegionsConfig>({
  name: "chime-meeting-limit-control-regions",
  description:
    "Checks that a meeting is created through a Chime SDK Meetings API region the organisation allows, in its media region's partition.",
  severity: "high",
  url: "https://docs.aws.amazon.com/general/latest/gr/chime-sdk.html",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      allowedRegions: { type: "array", items: { type: "string" }, default: [...CONTROL_REGIONS] },
      defaultRegion: { ...DEFAULT_REGION_SCHEMA },
    },
  },
  configProblems: (config) =>
    config.allowedRegions
      .filter((region) => !CONTROL_REGIONS.includes(region))
      .map((region) => `allowedRegions value ${JSON.stringify(region)} has no Chime SDK Meetings endpoint (${CONTROL_REGIONS.join(", ")})`),
  resourceTypes: MEETING_TYPES,
  check: (resource, config) => {
    const inputs = meetingInputs(resource.props);
    const region = controlRegionOf(inputs, config.defaultRegion);
    if (region === undefined) return [];
    const field = inputs.region === undefined ? "region (policy config defaultRegion)" : "region";
    const service = validateControlRegion(region, field);
    if (service.length > 0) {
      return service.map((v) =>
        violationMessage({
          resource,
          field,
          value: region,
          problem: `it ${v.rule} (service rule)`,
          fix: `use one of ${config.allowedRegions.join(", ")}`,
        }),
      );
    }
    const out: string[] = [];
    if (!config.allowedRegions.includes(region)) {
      out.push(
        violationMessage({
          resource,
          field,
          value: region,
          problem: `the allowed control regions are ${JSON.stringify(config.allowedRegions)} (policy config allowedRegions)`,
          fix: `create the meeting through one of ${config.allowedRegions.join(", ")}`,
        }),
      );
    }
    const mediaRegion = knownString(inputs.mediaRegion);
    if (mediaRegion !== undefined) {
      out.push(
        ...validateMediaRegionForControlRegion(mediaRegion, region).map((v) =>
          violationMessage({
            resource,
            field: "mediaRegion",
            value: mediaRegion,
            problem: `it ${v.rule} (service rule)`,
            fix: "keep GovCloud meetings on GovCloud control regions and commercial meetings on commercial ones",
          }),
        ),
      );
    }
    return out;
  },
});
