import { isGovCloud } from "../../../chime";
import { resourceRule } from "../common/define";
import { knownString, meetingInputs, MEETING_TYPES } from "../common/meeting";
import { violationMessage } from "../common/message";

export interface GovCloudConfig {
  /** Whether meetings may use AWS GovCloud (US) media or control regions. */
  allowGovCloud: boolean;
}

/**
 * Severity high; GovCloud needs its own accounts and is for regulated workloads only.
 * https://docs.aws.amazon.com/chime-sdk/latest/dg/sdk-available-regions.html
 */
export const chimeMeetingDisallowGovCloudRegions = resourceRule<GovCloudConfig>({
  name: "chime-meeting-disallow-govcloud-regions",
  description: "Checks that a meeting uses AWS GovCloud (US) regions only where the organisation allows them.",
  severity: "high",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/dg/sdk-available-regions.html",
  enforcementLevel: "mandatory",
  configSchema: { properties: { allowGovCloud: { type: "boolean", default: false } } },
  resourceTypes: MEETING_TYPES,
  check: (resource, config) => {
    if (config.allowGovCloud) return [];
    const inputs = meetingInputs(resource.props);
    const fields: [string, string | undefined][] = [
      ["mediaRegion", knownString(inputs.mediaRegion)],
      ["region", knownString(inputs.region)],
    ];
    return fields
      .filter(([, region]) => region !== undefined && isGovCloud(region))
      .map(([field, region]) =>
        violationMessage({
          resource,
          field,
          value: region,
          problem: "GovCloud regions are not allowed here (policy config allowGovCloud=false)",
          fix: "use a commercial region, or set allowGovCloud=true in this environment's policy config",
        }),
      );
  },
});
