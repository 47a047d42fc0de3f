import type * as sdk from "@aws-sdk/client-chime-sdk-meetings";
import type { AttendeeCapabilities, MeetingFeatures, NotificationsConfiguration, Tag } from "../../chime/types";
import type { AttendeeInputs, MediaPlacement, MeetingInputs } from "./types";

/** The one place where the provider maps its camelCase shapes to the SDK's PascalCase ones and back. */

/** Drops undefined members recursively: the engine's protobuf Struct conversion rejects them. */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact) as T;
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = compact(v);
    return out as T;
  }
  return value;
}

export function tagList(tags: Record<string, string> | undefined): Tag[] {
  return Object.entries(tags ?? {}).map(([key, value]) => ({ key, value }));
}

export function toWireTags(tags: Record<string, string> | undefined): sdk.Tag[] | undefined {
  const list = tagList(tags);
  return list.length === 0 ? undefined : list.map((t) => ({ Key: t.key, Value: t.value }));
}

export function fromWireTags(tags: sdk.Tag[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? "";
  return out;
}

export function toWireFeatures(f: MeetingFeatures | undefined): sdk.MeetingFeaturesConfiguration | undefined {
  if (!f) return undefined;
  return compact({
    Audio: f.audio ? { EchoReduction: f.audio.echoReduction } : undefined,
    Video: f.video ? { MaxResolution: f.video.maxResolution } : undefined,
    Content: f.content ? { MaxResolution: f.content.maxResolution } : undefined,
    Attendee: f.attendee ? { MaxCount: f.attendee.maxCount } : undefined,
  });
}

export function fromWireFeatures(f: sdk.MeetingFeaturesConfiguration | undefined): MeetingFeatures | undefined {
  if (!f) return undefined;
  return compact({
    audio: f.Audio ? { echoReduction: f.Audio.EchoReduction } : undefined,
    video: f.Video ? { maxResolution: f.Video.MaxResolution } : undefined,
    content: f.Content ? { maxResolution: f.Content.MaxResolution } : undefined,
    attendee: f.Attendee ? { maxCount: f.Attendee.MaxCount } : undefined,
  });
}

export function toWireCapabilities(c: AttendeeCapabilities): sdk.AttendeeCapabilities {
  return { Audio: c.audio, Video: c.video, Content: c.content };
}

export function fromWireCapabilities(c: sdk.AttendeeCapabilities | undefined): AttendeeCapabilities | undefined {
  if (!c?.Audio || !c.Video || !c.Content) return undefined;
  return { audio: c.Audio, video: c.Video, content: c.Content };
}

export function toWireAttendee(a: AttendeeInputs): sdk.CreateAttendeeRequestItem {
  return compact({ ExternalUserId: a.externalUserId, Capabilities: a.capabilities ? toWireCapabilities(a.capabilities) : undefined });
}

function toWireNotifications(n: NotificationsConfiguration | undefined): sdk.NotificationsConfiguration | undefined {
  if (!n) return undefined;
  return compact({ LambdaFunctionArn: n.lambdaFunctionArn, SnsTopicArn: n.snsTopicArn, SqsQueueArn: n.sqsQueueArn });
}

/** The CreateMeeting request body (also the meeting part of CreateMeetingWithAttendees). */
export function toCreateMeetingRequest(inputs: MeetingInputs, clientRequestToken: string): sdk.CreateMeetingRequest {
  return compact({
    ClientRequestToken: clientRequestToken,
    MediaRegion: inputs.mediaRegion,
    ExternalMeetingId: inputs.externalMeetingId,
    MeetingHostId: inputs.meetingHostId,
    MeetingFeatures: toWireFeatures(inputs.meetingFeatures),
    NotificationsConfiguration: toWireNotifications(inputs.notificationsConfiguration),
    PrimaryMeetingId: inputs.primaryMeetingId,
    TenantIds: inputs.tenantIds,
    Tags: toWireTags(inputs.tags),
  });
}

export function fromWireMediaPlacement(m: sdk.MediaPlacement | undefined): MediaPlacement {
  return compact({
    audioHostUrl: m?.AudioHostUrl,
    audioFallbackUrl: m?.AudioFallbackUrl,
    signalingUrl: m?.SignalingUrl,
    turnControlUrl: m?.TurnControlUrl,
    screenDataUrl: m?.ScreenDataUrl,
    screenViewingUrl: m?.ScreenViewingUrl,
    screenSharingUrl: m?.ScreenSharingUrl,
    eventIngestionUrl: m?.EventIngestionUrl,
  });
}
