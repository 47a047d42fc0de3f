import type { Meeting as WireMeeting } from "@aws-sdk/client-chime-sdk-meetings";
import type { AttendeeOutput, MeetingInputs, MeetingOutputs } from "./types";
import { compact, fromWireFeatures, fromWireMediaPlacement } from "./wire";

/** The `__provider` input travels with the state; error properties must carry it (the host adds it only on success). */
export type WithProvider<T> = T & { __provider?: string };

export function withProviderOf<T extends object>(outs: T, source: object): WithProvider<T> {
  const provider = (source as { __provider?: unknown }).__provider;
  return typeof provider === "string" ? { ...outs, __provider: provider } : outs;
}

/** State after create or update: the inputs, plus the service's view of the meeting and the attendees. */
export function meetingOutputs(
  inputs: MeetingInputs,
  region: string,
  meeting: WireMeeting,
  attendees: AttendeeOutput[],
  tags: Record<string, string> | undefined,
): MeetingOutputs {
  return compact({
    region,
    mediaRegion: meeting.MediaRegion ?? inputs.mediaRegion,
    externalMeetingId: inputs.externalMeetingId,
    meetingHostId: inputs.meetingHostId,
    meetingFeatures: fromWireFeatures(meeting.MeetingFeatures) ?? inputs.meetingFeatures,
    notificationsConfiguration: inputs.notificationsConfiguration,
    primaryMeetingId: inputs.primaryMeetingId,
    tenantIds: inputs.tenantIds,
    idempotencySeed: inputs.idempotencySeed,
    clientRequestToken: inputs.clientRequestToken,
    generation: inputs.generation,
    meetingId: meeting.MeetingId ?? "",
    meetingArn: meeting.MeetingArn ?? "",
    mediaPlacement: fromWireMediaPlacement(meeting.MediaPlacement),
    tags: tags ?? {},
    attendees,
  });
}

/**
 * The inputs that would produce the given state (returned by read() so refreshes do not show drift). An ended
 * meeting's `ended` marker is kept, so that the next check() raises the generation.
 */
export function inputsFromOutputs(outs: MeetingOutputs): MeetingInputs {
  return compact({
    region: outs.region,
    mediaRegion: outs.mediaRegion,
    externalMeetingId: outs.externalMeetingId,
    meetingHostId: outs.meetingHostId,
    meetingFeatures: outs.meetingFeatures,
    notificationsConfiguration: outs.notificationsConfiguration,
    primaryMeetingId: outs.primaryMeetingId,
    tenantIds: outs.tenantIds,
    tags: outs.tags,
    attendees: outs.attendees.map((a) => ({ externalUserId: a.externalUserId, capabilities: a.capabilities })),
    idempotencySeed: outs.idempotencySeed,
    clientRequestToken: outs.clientRequestToken,
    generation: outs.generation,
    ended: outs.ended,
  });
}
