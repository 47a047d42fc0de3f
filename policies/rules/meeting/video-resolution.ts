import { VIDEO_RESOLUTIONS, type VideoResolution } from "../../../chime";
import { resourceRule } from "../common/define";
import { knownFeatures, meetingInputs, MEETING_TYPES } from "../common/meeting";
import { violationMessage } from "../common/message";

export interface VideoResolutionConfig {
  /** Video.MaxResolution values a meeting may use; an absent value counts as the service default HD. */
  allowedResolutions: VideoResolution[];
}

/** The service default when MeetingFeatures.Video.MaxResolution is omitted (API reference, VideoFeatures). */
const SERVICE_DEFAULT: VideoResolution = "HD";

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
  configSchema: {
    properties: {
      allowedResolutions: { type: "array", items: { type: "string", enum: [...VIDEO_RESOLUTIONS] }, default: [...VIDEO_RESOLUTIONS] },
    },
  },
  resourceTypes: MEETING_TYPES,
  check: (resource, config) => {
    const features = knownFeatures(meetingInputs(resource.props));
    if (features === undefined) return [];
    const given = features.video?.maxResolution;
    // A value the service does not know is chime-meeting-enforce-feature-rules' violation, not this one's.
    if (given !== undefined && !VIDEO_RESOLUTIONS.includes(given)) return [];
    const effective = given ?? SERVICE_DEFAULT;
    if (config.allowedResolutions.includes(effective)) return [];
    return [violationMessage({
      resource, field: "meetingFeatures.video.maxResolution", value: given,
      problem: `the allowed video resolutions are ${JSON.stringify(config.allowedResolutions)}` +
        (given === undefined ? ` and the service default is ${SERVICE_DEFAULT}` : ""),
      fix: `set meetingFeatures.video.maxResolution to one of ${config.allowedResolutions.join(", ")}`,
    })];
  },
});
