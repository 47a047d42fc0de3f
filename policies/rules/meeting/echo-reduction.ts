import { resourceRule } from "../common/define";
import { knownFeatures, meetingInputs, MEETING_TYPES } from "../common/meeting";
import { violationMessage } from "../common/message";

export type EchoReductionMode = "any" | "required" | "forbidden";

export interface EchoReductionConfig {
  /** "required": Audio.EchoReduction must be AVAILABLE; "forbidden": it must not be (it is billed); "any": no check. */
  echoReduction: EchoReductionMode;
}

const FIELD = "meetingFeatures.audio.echoReduction";

/**
 * Severity low; org choice (echo reduction is a billed feature and is off unless set to AVAILABLE).
 * https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_AudioFeatures.html
 */
export const chimeMeetingConfigureEchoReduction = resourceRule<EchoReductionConfig>({
  name: "chime-meeting-configure-echo-reduction",
  description: "Checks that a meeting turns echo reduction on or off as the organisation requires.",
  severity: "low",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_AudioFeatures.html",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: { echoReduction: { type: "string", enum: ["any", "required", "forbidden"], default: "any" } },
  },
  resourceTypes: MEETING_TYPES,
  check: (resource, config) => {
    if (config.echoReduction === "any") return [];
    const features = knownFeatures(meetingInputs(resource.props));
    if (features === undefined) return [];
    const given = features.audio?.echoReduction;
    const on = given === "AVAILABLE";
    if (config.echoReduction === "required" && !on) {
      return [
        violationMessage({
          resource,
          field: FIELD,
          value: given,
          problem: "policy config echoReduction=required asks for AVAILABLE",
          fix: `set ${FIELD} to "AVAILABLE"`,
        }),
      ];
    }
    if (config.echoReduction === "forbidden" && on) {
      return [
        violationMessage({
          resource,
          field: FIELD,
          value: given,
          problem: "policy config echoReduction=forbidden does not allow AVAILABLE",
          fix: `remove ${FIELD} or set it to "UNAVAILABLE"`,
        }),
      ];
    }
    return [];
  },
});
