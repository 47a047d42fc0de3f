import { VIDEO_RESOLUTIONS, type VideoResolution } from "../../../chime";
import { resolutionLimitRule, type AllowedResolutionsConfig } from "./resolution-limit";

export type VideoResolutionConfig = AllowedResolutionsConfig<VideoResolution>;

/**
 * Severity medium; org limit (cost and bandwidth). An absent Video.MaxResolution counts as the service default HD.
 * https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_VideoFeatures.html
 */
export const chimeMeetingLimitVideoResolution = resolutionLimitRule<VideoResolution>({
  name: "chime-meeting-limit-video-resolution",
  description: "Checks that a meeting's maximum camera video resolution is one the organisation allows.",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_VideoFeatures.html",
  section: "video",
  read: (features) => features.video?.maxResolution,
  values: VIDEO_RESOLUTIONS,
  serviceDefault: "HD",
});
