import { CONTENT_RESOLUTIONS, type ContentResolution } from "../../../chime";
import { resourceRule } from "../common/define";
import { knownFeatures, meetingInputs, MEETING_TYPES } from "../common/meeting";
import { violationMessage } from "../common/message";

export interface ContentResolutionConfig {
  /** Content.MaxResolution values a meeting may use; an absent value counts as the service default FHD. */
  allowedResolutions: ContentResolution[];
}

/** The service default when MeetingFeatures.Content.MaxResolution is omitted (API reference, ContentFeatures). */
const SERVICE_DEFAULT: ContentResolution = "FHD";

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
  configSchema: {
    properties: {
      allowedResolutions: {
        type: "array", items: { type: "string", enum: [...CONTENT_RESOLUTIONS] }, default: [...CONTENT_RESOLUTIONS],
      },
    },
  },
  resourceTypes: MEETING_TYPES,
  check: (resource, config) => {
    const features = knownFeatures(meetingInputs(resource.props));
    if (features === undefined) return [];
    const given = features.content?.maxResolution;
    // A value the service does not know is chime-meeting-enforce-feature-rules' violation, not this one's.
    if (given !== undefined && !CONTENT_RESOLUTIONS.includes(given)) return [];
    const effective = given ?? SERVICE_DEFAULT;
    if (config.allowedResolutions.includes(effective)) return [];
    return [violationMessage({
      resource, field: "meetingFeatures.content.maxResolution", value: given,
      problem: `the allowed content resolutions are ${JSON.stringify(config.allowedResolutions)}` +
        (given === undefined ? ` and the service default is ${SERVICE_DEFAULT}` : ""),
      fix: `set meetingFeatures.content.maxResolution to one of ${config.allowedResolutions.join(", ")}`,
    })];
  },
});
