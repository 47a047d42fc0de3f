import { configured } from "../../components/meeting/operations";
import type { MeetingOperations } from "../../components/meeting/stored-outputs";
import type { AttendeeOutput, MeetingInputs, MeetingOutputs } from "../../components/meeting/types";

export type { MeetingOperations } from "../../components/meeting/stored-outputs";

/** The stack config of a test (stack config keys → values) as the provider host hands it over. */
export function stackConfig(config: Record<string, string>): Parameters<typeof configured>[0] {
  return { get: (key: string) => config[key] };
}

/** The operations configured like a stack would configure them. */
export async function configuredProvider(
  config: Record<string, string> = { "chime-meetings:region": "us-east-1" },
): Promise<MeetingOperations> {
  return Promise.resolve(configured(stackConfig(config)));
}

export function baseInputs(overrides: Partial<MeetingInputs> = {}): MeetingInputs {
  return { mediaRegion: "us-east-1", externalMeetingId: "townhall-2026", idempotencySeed: "chime-meetings/test/townhall", ...overrides };
}

export function attendee(externalUserId: string, attendeeId: string, joinToken = `token-${attendeeId}`): AttendeeOutput {
  return { externalUserId, attendeeId, joinToken, capabilities: { audio: "SendReceive", video: "SendReceive", content: "SendReceive" } };
}

/** A stored state as create() would have written it for `inputs`. */
export function stateFor(inputs: MeetingInputs, attendees: AttendeeOutput[] = []): MeetingOutputs {
  const { attendees: _ignored, tags, ...rest } = inputs;
  return {
    ...rest,
    region: inputs.region ?? "us-east-1",
    meetingId: "11111111-2222-3333-4444-555555555555",
    meetingArn: "arn:aws:chime:us-east-1:123456789012:meeting/11111111-2222-3333-4444-555555555555",
    mediaPlacement: { audioHostUrl: "audio.example:3478" },
    tags: tags ?? {},
    attendees,
  };
}
