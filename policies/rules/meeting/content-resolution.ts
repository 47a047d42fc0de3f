import { CONTENT_RESOLUTIONS, type ContentResolution } from "../../../chime";
import { resolutionLimitRule, type AllowedResolutionsConfig } from "./resolution-limit";

export type ContentResolutionConfig = AllowedResolutionsConfig<ContentResolution>;

/**
 * Severity medium; org limit (UHD content share lowers the attendee ceiling to 25). An absent
 * Content.MaxResolution counts as the service default FHD.
 * https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_ContentFeatures.html
 */
export const chimeMeetingLimitContentResolution = resolutionLimitRule<ContentResolution>({
  name: "chime-meeting-limit-content-resolution",
  description: "Checks that a meeting's maximum content-share resolution is one the organisation allows.",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_ContentFeatures.html",
  section: "content",
  read: (features) => features.content?.maxResolution,
  values: CONTENT_RESOLUTIONS,
  serviceDefault: "FHD",
});
