import { VIDEO_RESOLUTIONS, type VideoResolution } from "../../../chime";
import { resourceRule } from "../common/define";
import { knownFeatures, meetingInputs, MEETING_TYPES } from "../common/meeting";
import { allowedResolutionsSchema, resolutionViolations, type ResolutionSetting } from "./resolution-limit";

export interface VideoResolutionConfig {
  /** Video.MaxResolution values a meeting may use; an absent value counts as the service default HD. */
  allowedResolutions: VideoResolution[];
}

const VIDEO: ResolutionSetting<VideoResolution> = { section: "video", values: VIDEO_RESOLUTIONS, serviceDefault: "HD" };

/**
 * Severity medium; org limit (cost and bandwidth).
 * https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_VideoFeatures.html
 */
export const chimeMeetingLimitVideoResolution = resourceRule<VideoResolutionConfig>({
  name: "chime-meeting-limit-video-resolution",
  description: "Checks that a meeting's maximum camera video resolution is one the organisation allows.",
  severity: "medium",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_VideoFeatures.html",
  enforcementLevel: "mandatory",
  configSchema: allowedResolutionsSchema(VIDEO),
  resourceTypes: MEETING_TYPES,
  check: (resource, config) => {
    const features = knownFeatures(meetingInputs(resource.props));
    if (features === undefined) return [];
    return resolutionViolations(resource, VIDEO, features.video?.maxResolution, config.allowedResolutions);
  },
});
