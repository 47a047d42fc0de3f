import type { PolicyConfigSchema } from "@pulumi/policy";
import type { RuleResource } from "../common/define";
import { violationMessage } from "../common/message";

/** One resolution setting of MeetingFeatures: the video or the content-share maximum. */
export interface ResolutionSetting<R extends string> {
  section: "video" | "content";
  /** Every value the service accepts. */
  values: readonly R[];
  /** What the service uses when MaxResolution is omitted (API reference, VideoFeatures/ContentFeatures). */
  serviceDefault: R;
}

/** The rule's settings: which resolutions a meeting may use, every one by default. */
export function allowedResolutionsSchema<R extends string>(setting: ResolutionSetting<R>): PolicyConfigSchema {
  return {
    properties: {
      allowedResolutions: { type: "array", items: { type: "string", enum: [...setting.values] }, default: [...setting.values] },
    },
  };
}

/** The violation when the effective resolution (the given one, else the service default) is not allowed. */
export function resolutionViolations<R extends string>(
  resource: RuleResource, setting: ResolutionSetting<R>, given: R | undefined, allowed: readonly R[],
): string[] {
  // A value the service does not know is chime-meeting-enforce-feature-rules' violation, not this one's.
  if (given !== undefined && !setting.values.includes(given)) return [];
  const effective = given ?? setting.serviceDefault;
  if (allowed.includes(effective)) return [];
  const field = `meetingFeatures.${setting.section}.maxResolution`;
  return [violationMessage({
    resource, field, value: given,
    problem: `the allowed ${setting.section} resolutions are ${JSON.stringify(allowed)}` +
      (given === undefined ? ` and the service default is ${setting.serviceDefault}` : ""),
    fix: `set ${field} to one of ${allowed.join(", ")}`,
  })];
}
