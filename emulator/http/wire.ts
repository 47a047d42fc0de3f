/**
 * The one place where wire names (PascalCase JSON of the service model) meet domain names (camelCase).
 * Requests: only modeled members are read; anything else is ignored, and wrongly typed values are passed
 * through so that chime/ validation names them. Responses: domain views → wire shapes.
 */
import type { Tag } from "../../chime/types";
import { echoValue, type Violation } from "../../chime/violation";
import type { MediaPlacement } from "../model/media-placement";
import type { AttendeeError, AttendeeView, MeetingView } from "../model/views";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Copies the listed wire members to domain names; non-objects pass through untouched. */
function fields(v: unknown, names: Record<string, string>): unknown {
  if (!isObject(v)) return v;
  const out: Json = {};
  for (const [wire, domain] of Object.entries(names)) if (v[wire] !== undefined) out[domain] = v[wire];
  return out;
}

function list(v: unknown, item: (x: unknown) => unknown): unknown {
  return Array.isArray(v) ? v.map(item) : v;
}

const CAPABILITIES = { Audio: "audio", Video: "video", Content: "content" };

export const capabilitiesIn = (v: unknown) => fields(v, CAPABILITIES);
export const attendeeIn = (v: unknown) => {
  const a = fields(v, { ExternalUserId: "externalUserId", Capabilities: "capabilities" });
  if (isObject(a) && a.capabilities !== undefined) a.capabilities = capabilitiesIn(a.capabilities);
  return a;
};
export const attendeesIn = (v: unknown) => list(v, attendeeIn);
export const tagsIn = (v: unknown) => list(v, (t) => fields(t, { Key: "key", Value: "value" }));

function featuresIn(v: unknown): unknown {
  if (!isObject(v)) return v;
  return fields({
    audio: fields(v.Audio, { EchoReduction: "echoReduction" }),
    video: fields(v.Video, { MaxResolution: "maxResolution" }),
    content: fields(v.Content, { MaxResolution: "maxResolution" }),
    attendee: fields(v.Attendee, { MaxCount: "maxCount" }),
  }, { audio: "audio", video: "video", content: "content", attendee: "attendee" });
}

/** CreateMeeting / CreateMeetingWithAttendees body → domain input. */
export function createMeetingIn(body: Json): Json {
  const out = fields(body, {
    ClientRequestToken: "clientRequestToken", MediaRegion: "mediaRegion", MeetingHostId: "meetingHostId",
    ExternalMeetingId: "externalMeetingId", PrimaryMeetingId: "primaryMeetingId", TenantIds: "tenantIds",
    MediaPlacementNetworkType: "mediaPlacementNetworkType",
  }) as Json;
  if (body.MeetingFeatures !== undefined) out.meetingFeatures = featuresIn(body.MeetingFeatures);
  if (body.NotificationsConfiguration !== undefined) {
    out.notificationsConfiguration = fields(body.NotificationsConfiguration,
      { LambdaFunctionArn: "lambdaFunctionArn", SnsTopicArn: "snsTopicArn", SqsQueueArn: "sqsQueueArn" });
  }
  if (body.Tags !== undefined) out.tags = tagsIn(body.Tags);
  if (body.Attendees !== undefined) out.attendees = attendeesIn(body.Attendees);
  return out;
}

const STANDARD_TRANSCRIBE = [
  "LanguageCode", "VocabularyFilterMethod", "VocabularyFilterName", "VocabularyName", "Region",
  "EnablePartialResultsStabilization", "PartialResultsStability", "ContentIdentificationType", "ContentRedactionType",
  "PiiEntityTypes", "LanguageModelName", "IdentifyLanguage", "LanguageOptions", "PreferredLanguage", "VocabularyNames",
  "VocabularyFilterNames",
];
const MEDICAL_TRANSCRIBE = ["LanguageCode", "Specialty", "Type", "VocabularyName", "Region", "ContentIdentificationType"];
const camelNames = (names: string[]) => Object.fromEntries(names.map((n) => [n, n[0].toLowerCase() + n.slice(1)]));

export function transcriptionIn(v: unknown): unknown {
  if (!isObject(v)) return v;
  return fields({
    engineTranscribeSettings: fields(v.EngineTranscribeSettings, camelNames(STANDARD_TRANSCRIBE)),
    engineTranscribeMedicalSettings: fields(v.EngineTranscribeMedicalSettings, camelNames(MEDICAL_TRANSCRIBE)),
  }, { engineTranscribeSettings: "engineTranscribeSettings", engineTranscribeMedicalSettings: "engineTranscribeMedicalSettings" });
}

export const excludedIdsIn = (v: unknown) => list(v, (x) => fields(x, { AttendeeId: "attendeeId" }));

// ---- responses ----

/** Drops undefined members (the wire omits absent optional members). */
function compact(o: Json): Json {
  const out: Json = {};
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

function mediaPlacementOut(p: MediaPlacement): Json {
  return {
    AudioHostUrl: p.audioHostUrl, AudioFallbackUrl: p.audioFallbackUrl, SignalingUrl: p.signalingUrl,
    TurnControlUrl: p.turnControlUrl, ScreenDataUrl: p.screenDataUrl, ScreenViewingUrl: p.screenViewingUrl,
    ScreenSharingUrl: p.screenSharingUrl, EventIngestionUrl: p.eventIngestionUrl,
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
    MeetingId: m.meetingId, MeetingHostId: m.meetingHostId, ExternalMeetingId: m.externalMeetingId, MediaRegion: m.mediaRegion,
    MediaPlacement: mediaPlacementOut(m.mediaPlacement), MeetingFeatures: featuresOut(m.meetingFeatures),
    PrimaryMeetingId: m.primaryMeetingId, TenantIds: m.tenantIds, MeetingArn: m.meetingArn,
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
    ExternalUserId: a.externalUserId, AttendeeId: a.attendeeId, JoinToken: a.joinToken,
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
  return path.split(".").map((segment) => {
    const m = /^([^[]*)(.*)$/.exec(segment) as RegExpExecArray;
    const name = WIRE_NAME_EXCEPTIONS[m[1]] ?? (m[1] ? m[1][0].toUpperCase() + m[1].slice(1) : m[1]);
    return name + m[2];
  }).join(".");
}

/** Same style as chime formatViolation, with wire field names (also for dotted paths named inside a rule). */
export function violationsMessage(violations: readonly Violation[]): string {
  return violations.map((v) => {
    const rule = v.rule.replace(/\b[a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)+\b/g, wirePath);
    return `${wirePath(v.path)}: value ${echoValue(v.value)} ${rule}`;
  }).join("; ");
}
