import type { ResourceValidationPolicy } from "@pulumi/policy";
import type { MeetingFeatures } from "../../../chime";
import { resourceRule } from "../common/define";
import { knownFeatures, meetingInputs, MEETING_TYPES } from "../common/meeting";
import { violationMessage } from "../common/message";

/** A rule limiting one resolution setting of MeetingFeatures: the video or the content-share maximum. */
export interface ResolutionLimit<R extends string> {
  name: string;
  description: string;
  url: string;
  section: "video" | "content";
  read(features: MeetingFeatures): R | undefined;
  /** Every value the service accepts. */
  values: readonly R[];
  /** What the service uses when MaxResolution is omitted (API reference, VideoFeatures/ContentFeatures). */
  serviceDefault: R;
}

export interface AllowedResolutionsConfig<R extends string> {
  /** MaxResolution values a meeting may use; an absent value counts as the service default. */
  allowedResolutions: R[];
}

/** Severity medium, mandatory; allows every resolution until configured. */
export function resolutionLimitRule<R extends string>(limit: ResolutionLimit<R>): ResourceValidationPolicy {
  const { name, description, url, section, values, serviceDefault } = limit;
  const field = `meetingFeatures.${section}.maxResolution`;
  return resourceRule<AllowedResolutionsConfig<R>>({
    name,
    description,
    url,
    severity: "medium",
    enforcementLevel: "mandatory",
    configSchema: {
      properties: { allowedResolutions: { type: "array", items: { type: "string", enum: [...values] }, default: [...values] } },
    },
    resourceTypes: MEETING_TYPES,
    check: (resource, config) => {
      const features = knownFeatures(meetingInputs(resource.props));
      if (features === undefined) return [];
      const given = limit.read(features);
      // A value the service does not know is chime-meeting-enforce-feature-rules' violation, not this one's.
      if (given !== undefined && !values.includes(given)) return [];
      const allowed = config.allowedResolutions;
      if (allowed.includes(given ?? serviceDefault)) return [];
      return [
        violationMessage({
          resource,
          field,
          value: given,
          problem:
            `the allowed ${section} resolutions are ${JSON.stringify(allowed)}` +
            (given === undefined ? ` and the service default is ${serviceDefault}` : ""),
          fix: `set ${field} to one of ${allowed.join(", ")}`,
        }),
      ];
    },
  });
}
