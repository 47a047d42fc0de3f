import { stackRule, type StackFinding } from "../common/define";
import { isMeetingType, knownString, meetingInputs } from "../common/meeting";
import { resourceLabel } from "../common/message";

export type DuplicateExternalIdsConfig = Record<string, never>;

/**
 * Severity medium; the service accepts duplicates, but events and joins are correlated by ExternalMeetingId, so two
 * meetings of one stack sharing one make both ambiguous.
 * https://docs.aws.amazon.com/chime-sdk/latest/dg/using-events.html
 */
export const chimeMeetingDisallowDuplicateExternalIds = stackRule<DuplicateExternalIdsConfig>({
  name: "chime-meeting-disallow-duplicate-external-ids",
  description: "Checks that no two meetings of a stack share an ExternalMeetingId.",
  severity: "medium",
  url: "https://docs.aws.amazon.com/chime-sdk/latest/dg/using-events.html",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  check: (resources) => {
    const byId = new Map<string, { type: string; name: string; urn: string }[]>();
    for (const resource of resources) {
      if (!isMeetingType(resource.type)) continue;
      const id = knownString(meetingInputs(resource.props).externalMeetingId);
      if (id === undefined) continue;
      byId.set(id, [...(byId.get(id) ?? []), resource]);
    }
    const findings: StackFinding[] = [];
    for (const [id, meetings] of byId) {
      if (meetings.length < 2) continue;
      for (const meeting of meetings) {
        const others = meetings
          .filter((m) => m !== meeting)
          .map((m) => `'${m.name}'`)
          .join(", ");
        findings.push({
          urn: meeting.urn,
          message:
            `${resourceLabel(meeting)}: externalMeetingId is ${JSON.stringify(id)} but meetings ${others} ` +
            "of the same stack use it too and it must be unique per stack. Fix: give each meeting its own externalMeetingId.",
        });
      }
    }
    return findings;
  },
});
