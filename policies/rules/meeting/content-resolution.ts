import { CONTENT_RESOLUTIONS, type ContentResolution } from "../../../chime";
import { resourceRule } from "../common/define";
import { knownFeatures, meetingInputs, MEETING_TYPES } from "../common/meeting";
import { allowedResolutionsSchema, resolutionViolations, type ResolutionSetting } from "./resolution-limit";

export interface ContentResolutionConfig {
  /** Content.MaxResolution values a meeting may use; an absent value counts as the service default FHD. */
  allowedResolutions: ContentResolution[];
}

const CONTENT: ResolutionSetting<ContentResolution> = { section: "content", values: CONTENT_RESOLUTIONS, serviceDefault: "FHD" };

/**
 * Severity medium; org limit (UHD content share lowers the attendee ceiling to 25).
 * https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_ContentFeatures.html
 */
export const chimeMeetingLimitContentResolution = resourceRule<ContentResolutionConfig>({
  name: "chime-meeting-limit-content-resolution",
  description: "Checks that a meeting's maximum content-share resolution is one the organisation allows.",
  severity: "medium",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_ContentFeatures.html",
  enforcementLevel: "mandatory",
  configSchema: allowedResolutionsSchema(CONTENT),
  resourceTypes: MEETING_TYPES,
  check: (resource, config) => {
    const features = knownFeatures(meetingInputs(resource.props));
    if (features === undefined) return [];
    return resolutionViolations(resource, CONTENT, features.content?.maxResolution, config.allowedResolutions);
  },
});
