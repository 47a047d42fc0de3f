/**
 * The one place where wire names (PascalCase JSON of the service model) meet domain names (camelCase).
 * Requests: only modeled members are read (anything else is ignored) and parsed into domain types; the request
 * shape check has already refused wrongly typed values with the model's messages. Responses: domain views →
 * wire shapes.
 */
import { CONTENT_RESOLUTIONS, MEDIA_CAPABILITIES, MEETING_FEATURE_STATUSES, VIDEO_RESOLUTIONS } from "../../../../chime/enums";
import type {
  AttendeeCapabilities,
  AttendeeSpec,
  EngineTranscribeMedicalSettings,
  EngineTranscribeSettings,
  MeetingFeatures,
  NotificationsConfiguration,
  Tag,
  TranscriptionConfiguration,
} from "../../../../chime/types";
import { echoValue, type Violation } from "../../../../chime/violation";
import type { CreateMeetingInput, CreateMeetingWithAttendeesInput } from "../model/meetings";
import type { AttendeeError, AttendeeView, MediaPlacement, MeetingView } from "../model/types";
import { boolean, defined, integer, list, object, oneOf, optional, string, type JsonObject } from "./parse";

type Json = JsonObject;

const capability = oneOf(MEDIA_CAPABILITIES);

export function capabilitiesIn(v: unknown, path: string): AttendeeCapabilities {
  const o = object(v, path);
  return {
    audio: capability(o.Audio, `${path}.Audio`),
    video: capability(o.Video, `${path}.Video`),
    content: capability(o.Content, `${path}.Content`),
  };
}

export function attendeeIn(v: unknown, path: string): AttendeeSpec {
  const o = object(v, path);
  return defined({
    externalUserId: string(o.ExternalUserId, `${path}.ExternalUserId`),
    capabilities: optional(capabilitiesIn)(o.Capabilities, `${path}.Capabilities`),
  });
}

export const attendeesIn = list(attendeeIn);

function tagIn(v: unknown, path: string): Tag {
  const o = object(v, path);
  return { key: string(o.Key, `${path}.Key`), value: string(o.Value, `${path}.Value`) };
}

export const tagsIn = list(tagIn);

function featuresIn(v: unknown, path: string): MeetingFeatures {
  const o = object(v, path);
  const member = <T>(name: string, parse: (x: Json, at: string) => T) =>
    optional((x, at) => parse(object(x, at), at))(o[name], `${path}.${name}`);
  return defined({
    audio: member("Audio", (x, at) =>
      defined({ echoReduction: optional(oneOf(MEETING_FEATURE_STATUSES))(x.EchoReduction, `${at}.EchoReduction`) }),
    ),
    video: member("Video", (x, at) =>
      defined({ maxResolution: optional(oneOf(VIDEO_RESOLUTIONS))(x.MaxResolution, `${at}.MaxResolution`) }),
    ),
    content: member("Content", (x, at) =>
      defined({ maxResolution: optional(oneOf(CONTENT_RESOLUTIONS))(x.MaxResolution, `${at}.MaxResolution`) }),
    ),
    attendee: member("Attendee", (x, at) => defined({ maxCount: optional(integer)(x.MaxCount, `${at}.MaxCount`) })),
  });
}

function notificationsIn(v: unknown, path: string): NotificationsConfiguration {
  const o = object(v, path);
  const arn = (name: string) => optional(string)(o[name], `${path}.${name}`);
  return defined({ lambdaFunctionArn: arn("LambdaFunctionArn"), snsTopicArn: arn("SnsTopicArn"), sqsQueueArn: arn("SqsQueueArn") });
}

/** CreateMeeting body → domain input. */
export function createMeetingIn(body: Json): CreateMeetingInput {
  const text = (name: string) => optional(string)(body[name], name);
  return defined({
    clientRequestToken: string(body.ClientRequestToken, "ClientRequestToken"),
    mediaRegion: string(body.MediaRegion, "MediaRegion"),
    meetingHostId: text("MeetingHostId"),
    externalMeetingId: string(body.ExternalMeetingId, "ExternalMeetingId"),
    primaryMeetingId: text("PrimaryMeetingId"),
    tenantIds: optional(list(string))(body.TenantIds, "TenantIds"),
    mediaPlacementNetworkType: text("MediaPlacementNetworkType"),
    meetingFeatures: optional(featuresIn)(body.MeetingFeatures, "MeetingFeatures"),
    notificationsConfiguration: optional(notificationsIn)(body.NotificationsConfiguration, "NotificationsConfiguration"),
    tags: optional(tagsIn)(body.Tags, "Tags"),
  });
}

/** CreateMeetingWithAttendees body → domain input. */
export function createMeetingWithAttendeesIn(body: Json): CreateMeetingWithAttendeesInput {
  return { ...createMeetingIn(body), attendees: attendeesIn(body.Attendees, "Attendees") };
}

function standardTranscribeIn(v: unknown, path: string): EngineTranscribeSettings {
  const o = object(v, path);
  const text = (name: string) => optional(string)(o[name], `${path}.${name}`);
  const flag = (name: string) => optional(boolean)(o[name], `${path}.${name}`);
  return defined({
    languageCode: text("LanguageCode"),
    vocabularyFilterMethod: text("VocabularyFilterMethod"),
    vocabularyFilterName: text("VocabularyFilterName"),
    vocabularyName: text("VocabularyName"),
    region: text("Region"),
    enablePartialResultsStabilization: flag("EnablePartialResultsStabilization"),
    partialResultsStability: text("PartialResultsStability"),
    contentIdentificationType: text("ContentIdentificationType"),
    contentRedactionType: text("ContentRedactionType"),
    piiEntityTypes: text("PiiEntityTypes"),
    languageModelName: text("LanguageModelName"),
    identifyLanguage: flag("IdentifyLanguage"),
    languageOptions: text("LanguageOptions"),
    preferredLanguage: text("PreferredLanguage"),
    vocabularyNames: text("VocabularyNames"),
    vocabularyFilterNames: text("VocabularyFilterNames"),
  });
}

function medicalTranscribeIn(v: unknown, path: string): EngineTranscribeMedicalSettings {
  const o = object(v, path);
  const text = (name: string) => optional(string)(o[name], `${path}.${name}`);
  return defined({
    languageCode: string(o.LanguageCode, `${path}.LanguageCode`),
    specialty: string(o.Specialty, `${path}.Specialty`),
    type: string(o.Type, `${path}.Type`),
    vocabularyName: text("VocabularyName"),
    region: text("Region"),
    contentIdentificationType: text("ContentIdentificationType"),
  });
}

export function transcriptionIn(v: unknown, path: string): TranscriptionConfiguration {
  const o = object(v, path);
  return defined({
    engineTranscribeSettings: optional(standardTranscribeIn)(o.EngineTranscribeSettings, `${path}.EngineTranscribeSettings`),
    engineTranscribeMedicalSettings: optional(medicalTranscribeIn)(
      o.EngineTranscribeMedicalSettings,
      `${path}.EngineTranscribeMedicalSettings`,
    ),
  });
}

export const excludedIdsIn = list((v, path): { attendeeId: string } => ({
  attendeeId: string(object(v, path).AttendeeId, `${path}.AttendeeId`),
}));

// ---- responses ----

/** Drops undefined members (the wire omits absent optional members). */
const compact = (o: Json): Json => defined(o);

function mediaPlacementOut(p: MediaPlacement): Json {
  return {
    AudioHostUrl: p.audioHostUrl,
    AudioFallbackUrl: p.audioFallbackUrl,
    SignalingUrl: p.signalingUrl,
    TurnControlUrl: p.turnControlUrl,
    ScreenDataUrl: p.screenDataUrl,
    ScreenViewingUrl: p.screenViewingUrl,
    ScreenSharingUrl: p.screenSharingUrl,
    EventIngestionUrl: p.eventIngestionUrl,
  };
}

function featuresOut(f: MeetingView["meetingFeatures"]): Json | undefined {
  if (!f) return undefined;
  return compact({
    Audio: f.audio && compact({ EchoReduction: f.audio.echoReduction }),
    Video: f.video && compact({ MaxResolution: f.video.maxResolution }),
    Content: f.content && compact({ MaxResolution: f.content.maxResolution }),
    Attendee: f.attendee && compact({ MaxCount: f.attendee.maxCount }),
  });
}

export function meetingOut(m: MeetingView): Json {
  return compact({
    MeetingId: m.meetingId,
    MeetingHostId: m.meetingHostId,
    ExternalMeetingId: m.externalMeetingId,
    MediaRegion: m.mediaRegion,
    MediaPlacement: mediaPlacementOut(m.mediaPlacement),
    MeetingFeatures: featuresOut(m.meetingFeatures),
    PrimaryMeetingId: m.primaryMeetingId,
    TenantIds: m.tenantIds,
    MeetingArn: m.meetingArn,
  });
}

const meetingJson = new WeakMap<MeetingView, Buffer>();

/** `{"Meeting":…}` serialised once per (immutable) view, as bytes ready for the socket; GetMeeting is the hot path. */
export function meetingResponseJson(m: MeetingView): Buffer {
  let json = meetingJson.get(m);
  if (json === undefined) {
    json = Buffer.from(JSON.stringify({ Meeting: meetingOut(m) }));
    meetingJson.set(m, json);
  }
  return json;
}

export function attendeeOut(a: AttendeeView): Json {
  const c = a.capabilities;
  return {
    ExternalUserId: a.externalUserId,
    AttendeeId: a.attendeeId,
    JoinToken: a.joinToken,
    Capabilities: { Audio: c.audio, Video: c.video, Content: c.content },
  };
}

export function attendeeErrorOut(e: AttendeeError): Json {
  return { ExternalUserId: e.externalUserId, ErrorCode: e.errorCode, ErrorMessage: violationsMessage(e.violations) };
}

export const tagsOut = (tags: Tag[]) => tags.map((t) => ({ Key: t.key, Value: t.value }));

// ---- messages ----

/** Domain path segments whose wire name is not the plain PascalCase of the domain name. */
const WIRE_NAME_EXCEPTIONS: Record<string, string> = { resourceArn: "ResourceARN" };

/** "attendees[2].capabilities.video" → "Attendees[2].Capabilities.Video". */
export function wirePath(path: string): string {
  return path
    .split(".")
    .map((segment) => {
      const bracket = segment.indexOf("[");
      const head = bracket < 0 ? segment : segment.slice(0, bracket);
      const rest = bracket < 0 ? "" : segment.slice(bracket);
      const name = WIRE_NAME_EXCEPTIONS[head] ?? (head ? head[0].toUpperCase() + head.slice(1) : head);
      return name + rest;
    })
    .join(".");
}

/** Same style as chime formatViolation, with wire field names (also for dotted paths named inside a rule). */
export function violationsMessage(violations: readonly Violation[]): string {
  return violations
    .map((v) => {
      const rule = v.rule.replace(/\b[a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)+\b/g, wirePath);
      return `${wirePath(v.path)}: value ${echoValue(v.value)} ${rule}`;
    })
    .join("; ");
}
