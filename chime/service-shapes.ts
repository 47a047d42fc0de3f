import * as E from "./enums";
import { LIMITS } from "./limits";
import type { PatternName } from "./patterns";

/**
 * The request shapes of the 16 operations as the service model states them (botocore
 * data/chime-sdk-meetings/2021-07-15/service-2.json): structures, required members, lists, lengths, ranges,
 * patterns and enums. tests/chime/service-shapes.test.ts compares this table with the published model, so a
 * model update that changes a constraint fails a test. Rules the model does not state (documented patterns
 * of the external IDs, the "aws:" prefix, capability combinations, media regions) live in the validators.
 */
export interface Member {
  readonly shape: string;
  /** Where a member travels when it is not in the JSON body. */
  readonly location?: "uri" | "querystring";
  readonly locationName?: string;
}

export type Shape =
  | { readonly type: "structure"; readonly members: Readonly<Record<string, Member>>; readonly required?: readonly string[] }
  | { readonly type: "list"; readonly member: string; readonly min?: number; readonly max?: number }
  | {
      readonly type: "string";
      readonly min?: number;
      readonly max?: number;
      readonly pattern?: PatternName;
      readonly enum?: readonly string[];
    }
  | { readonly type: "integer"; readonly min: number; readonly max: number }
  | { readonly type: "boolean" };

const str = (range: { min?: number; max?: number }, pattern?: PatternName): Shape => ({
  type: "string",
  ...(range.min !== undefined && { min: range.min }),
  ...(range.max !== undefined && { max: range.max }),
  ...(pattern && { pattern }),
});
const enumOf = (values: readonly string[]): Shape => ({ type: "string", enum: values });
const uri = (shape: string, name: string): Member => ({ shape, location: "uri", locationName: name });
const query = (shape: string, name: string): Member => ({ shape, location: "querystring", locationName: name });
const m = (shape: string): Member => ({ shape });

const MEETING_ID = uri("GuidString", "MeetingId");
const ATTENDEE_ID = uri("GuidString", "AttendeeId");

const CREATE_MEETING_MEMBERS = {
  ClientRequestToken: m("ClientRequestToken"),
  MediaRegion: m("MediaRegion"),
  MeetingHostId: m("ExternalUserId"),
  ExternalMeetingId: m("ExternalMeetingId"),
  NotificationsConfiguration: m("NotificationsConfiguration"),
  MeetingFeatures: m("MeetingFeaturesConfiguration"),
  PrimaryMeetingId: m("PrimaryMeetingId"),
  TenantIds: m("TenantIdList"),
  Tags: m("TagList"),
  MediaPlacementNetworkType: m("MediaPlacementNetworkType"),
};

/** Every shape reachable from the 16 operations' inputs, by model name. */
export const SHAPES: Readonly<Record<string, Shape>> = {
  AmazonResourceName: str(LIMITS.resourceArn, "resourceArn"),
  Arn: str(LIMITS.notificationArn, "notificationArn"),
  AttendeeCapabilities: {
    type: "structure",
    required: ["Audio", "Video", "Content"],
    members: { Audio: m("MediaCapabilities"), Video: m("MediaCapabilities"), Content: m("MediaCapabilities") },
  },
  AttendeeFeatures: { type: "structure", members: { MaxCount: m("AttendeeMax") } },
  AttendeeIdItem: { type: "structure", required: ["AttendeeId"], members: { AttendeeId: m("GuidString") } },
  AttendeeIdsList: { type: "list", member: "AttendeeIdItem", min: 1, max: LIMITS.excludedAttendeeIds },
  AttendeeMax: { type: "integer", ...LIMITS.maxCount },
  AudioFeatures: { type: "structure", members: { EchoReduction: m("MeetingFeatureStatus") } },
  BatchCreateAttendeeRequest: {
    type: "structure",
    required: ["MeetingId", "Attendees"],
    members: { MeetingId: MEETING_ID, Attendees: m("CreateAttendeeRequestItemList") },
  },
  BatchUpdateAttendeeCapabilitiesExceptRequest: {
    type: "structure",
    required: ["MeetingId", "ExcludedAttendeeIds", "Capabilities"],
    members: { MeetingId: MEETING_ID, ExcludedAttendeeIds: m("AttendeeIdsList"), Capabilities: m("AttendeeCapabilities") },
  },
  Boolean: { type: "boolean" },
  ClientRequestToken: str(LIMITS.clientRequestToken, "clientRequestToken"),
  ContentFeatures: { type: "structure", members: { MaxResolution: m("ContentResolution") } },
  ContentResolution: enumOf(E.CONTENT_RESOLUTIONS),
  CreateAttendeeRequest: {
    type: "structure",
    required: ["MeetingId", "ExternalUserId"],
    members: { MeetingId: MEETING_ID, ExternalUserId: m("ExternalUserId"), Capabilities: m("AttendeeCapabilities") },
  },
  CreateAttendeeRequestItem: {
    type: "structure",
    required: ["ExternalUserId"],
    members: { ExternalUserId: m("ExternalUserId"), Capabilities: m("AttendeeCapabilities") },
  },
  CreateAttendeeRequestItemList: { type: "list", member: "CreateAttendeeRequestItem", min: 1, max: LIMITS.batchCreateAttendee },
  CreateMeetingRequest: {
    type: "structure",
    required: ["ClientRequestToken", "MediaRegion", "ExternalMeetingId"],
    members: CREATE_MEETING_MEMBERS,
  },
  CreateMeetingWithAttendeesRequest: {
    type: "structure",
    required: ["ClientRequestToken", "MediaRegion", "ExternalMeetingId", "Attendees"],
    members: { ...CREATE_MEETING_MEMBERS, Attendees: m("CreateMeetingWithAttendeesRequestItemList") },
  },
  CreateMeetingWithAttendeesRequestItemList: {
    type: "list",
    member: "CreateAttendeeRequestItem",
    min: 1,
    max: LIMITS.createWithAttendeesBatch,
  },
  DeleteAttendeeRequest: {
    type: "structure",
    required: ["MeetingId", "AttendeeId"],
    members: { MeetingId: MEETING_ID, AttendeeId: ATTENDEE_ID },
  },
  DeleteMeetingRequest: { type: "structure", required: ["MeetingId"], members: { MeetingId: MEETING_ID } },
  EngineTranscribeMedicalSettings: {
    type: "structure",
    required: ["LanguageCode", "Specialty", "Type"],
    members: {
      LanguageCode: m("TranscribeMedicalLanguageCode"),
      Specialty: m("TranscribeMedicalSpecialty"),
      Type: m("TranscribeMedicalType"),
      VocabularyName: m("String"),
      Region: m("TranscribeMedicalRegion"),
      ContentIdentificationType: m("TranscribeMedicalContentIdentificationType"),
    },
  },
  EngineTranscribeSettings: {
    type: "structure",
    members: {
      LanguageCode: m("TranscribeLanguageCode"),
      VocabularyFilterMethod: m("TranscribeVocabularyFilterMethod"),
      VocabularyFilterName: m("String"),
      VocabularyName: m("String"),
      Region: m("TranscribeRegion"),
      EnablePartialResultsStabilization: m("Boolean"),
      PartialResultsStability: m("TranscribePartialResultsStability"),
      ContentIdentificationType: m("TranscribeContentIdentificationType"),
      ContentRedactionType: m("TranscribeContentRedactionType"),
      PiiEntityTypes: m("TranscribePiiEntityTypes"),
      LanguageModelName: m("TranscribeLanguageModelName"),
      IdentifyLanguage: m("Boolean"),
      LanguageOptions: m("TranscribeLanguageOptions"),
      PreferredLanguage: m("TranscribeLanguageCode"),
      VocabularyNames: m("TranscribeVocabularyNamesOrFilterNamesString"),
      VocabularyFilterNames: m("TranscribeVocabularyNamesOrFilterNamesString"),
    },
  },
  ExternalMeetingId: str(LIMITS.externalId),
  ExternalUserId: str(LIMITS.externalId),
  GetAttendeeRequest: {
    type: "structure",
    required: ["MeetingId", "AttendeeId"],
    members: { MeetingId: MEETING_ID, AttendeeId: ATTENDEE_ID },
  },
  GetMeetingRequest: { type: "structure", required: ["MeetingId"], members: { MeetingId: MEETING_ID } },
  GuidString: str({}, "guid"),
  ListAttendeesRequest: {
    type: "structure",
    required: ["MeetingId"],
    members: { MeetingId: MEETING_ID, NextToken: query("String", "next-token"), MaxResults: query("ResultMax", "max-results") },
  },
  ListTagsForResourceRequest: {
    type: "structure",
    required: ["ResourceARN"],
    members: { ResourceARN: query("AmazonResourceName", "arn") },
  },
  MediaCapabilities: enumOf(E.MEDIA_CAPABILITIES),
  MediaPlacementNetworkType: enumOf(E.MEDIA_PLACEMENT_NETWORK_TYPES),
  MediaRegion: str(LIMITS.mediaRegion),
  MeetingFeatureStatus: enumOf(E.MEETING_FEATURE_STATUSES),
  MeetingFeaturesConfiguration: {
    type: "structure",
    members: { Audio: m("AudioFeatures"), Video: m("VideoFeatures"), Content: m("ContentFeatures"), Attendee: m("AttendeeFeatures") },
  },
  NotificationsConfiguration: {
    type: "structure",
    members: { LambdaFunctionArn: m("Arn"), SnsTopicArn: m("Arn"), SqsQueueArn: m("Arn") },
  },
  PrimaryMeetingId: str(LIMITS.primaryMeetingId),
  ResultMax: { type: "integer", ...LIMITS.maxResults },
  StartMeetingTranscriptionRequest: {
    type: "structure",
    required: ["MeetingId", "TranscriptionConfiguration"],
    members: { MeetingId: MEETING_ID, TranscriptionConfiguration: m("TranscriptionConfiguration") },
  },
  StopMeetingTranscriptionRequest: { type: "structure", required: ["MeetingId"], members: { MeetingId: MEETING_ID } },
  String: str({ max: LIMITS.string.max }),
  Tag: { type: "structure", required: ["Key", "Value"], members: { Key: m("TagKey"), Value: m("TagValue") } },
  TagKey: str(LIMITS.tagKey, "tagKey"),
  TagKeyList: { type: "list", member: "TagKey", min: 0, max: LIMITS.tags },
  TagList: { type: "list", member: "Tag", min: 0, max: LIMITS.tags },
  TagResourceRequest: {
    type: "structure",
    required: ["ResourceARN", "Tags"],
    members: { ResourceARN: m("AmazonResourceName"), Tags: m("TagList") },
  },
  TagValue: str(LIMITS.tagValue, "tagValue"),
  TenantId: str(LIMITS.tenantId, "tenantId"),
  TenantIdList: { type: "list", member: "TenantId", ...LIMITS.tenantIds },
  TranscribeContentIdentificationType: enumOf(E.TRANSCRIBE_CONTENT_IDENTIFICATION_TYPES),
  TranscribeContentRedactionType: enumOf(E.TRANSCRIBE_CONTENT_REDACTION_TYPES),
  TranscribeLanguageCode: enumOf(E.TRANSCRIBE_LANGUAGE_CODES),
  TranscribeLanguageModelName: str(LIMITS.transcribeLanguageModelName, "transcribeLanguageModelName"),
  TranscribeLanguageOptions: str(LIMITS.transcribeLanguageOptions, "transcribeLanguageOptions"),
  TranscribeMedicalContentIdentificationType: enumOf(E.TRANSCRIBE_MEDICAL_CONTENT_IDENTIFICATION_TYPES),
  TranscribeMedicalLanguageCode: enumOf(E.TRANSCRIBE_MEDICAL_LANGUAGE_CODES),
  TranscribeMedicalRegion: enumOf(E.TRANSCRIBE_MEDICAL_REGIONS),
  TranscribeMedicalSpecialty: enumOf(E.TRANSCRIBE_MEDICAL_SPECIALTIES),
  TranscribeMedicalType: enumOf(E.TRANSCRIBE_MEDICAL_TYPES),
  TranscribePartialResultsStability: enumOf(E.TRANSCRIBE_PARTIAL_RESULTS_STABILITIES),
  TranscribePiiEntityTypes: str(LIMITS.transcribePiiEntityTypes, "transcribePiiEntityTypes"),
  TranscribeRegion: enumOf(E.TRANSCRIBE_REGIONS),
  TranscribeVocabularyFilterMethod: enumOf(E.TRANSCRIBE_VOCABULARY_FILTER_METHODS),
  TranscribeVocabularyNamesOrFilterNamesString: str(LIMITS.transcribeNames, "transcribeNames"),
  TranscriptionConfiguration: {
    type: "structure",
    members: {
      EngineTranscribeSettings: m("EngineTranscribeSettings"),
      EngineTranscribeMedicalSettings: m("EngineTranscribeMedicalSettings"),
    },
  },
  UntagResourceRequest: {
    type: "structure",
    required: ["ResourceARN", "TagKeys"],
    members: { ResourceARN: m("AmazonResourceName"), TagKeys: m("TagKeyList") },
  },
  UpdateAttendeeCapabilitiesRequest: {
    type: "structure",
    required: ["MeetingId", "AttendeeId", "Capabilities"],
    members: { MeetingId: MEETING_ID, AttendeeId: ATTENDEE_ID, Capabilities: m("AttendeeCapabilities") },
  },
  VideoFeatures: { type: "structure", members: { MaxResolution: m("VideoResolution") } },
  VideoResolution: enumOf(E.VIDEO_RESOLUTIONS),
};

/** The input shape of each operation (the model's `operations.<name>.input.shape`). */
export const OPERATION_INPUTS = {
  CreateMeeting: "CreateMeetingRequest",
  CreateMeetingWithAttendees: "CreateMeetingWithAttendeesRequest",
  GetMeeting: "GetMeetingRequest",
  DeleteMeeting: "DeleteMeetingRequest",
  CreateAttendee: "CreateAttendeeRequest",
  BatchCreateAttendee: "BatchCreateAttendeeRequest",
  GetAttendee: "GetAttendeeRequest",
  ListAttendees: "ListAttendeesRequest",
  DeleteAttendee: "DeleteAttendeeRequest",
  UpdateAttendeeCapabilities: "UpdateAttendeeCapabilitiesRequest",
  BatchUpdateAttendeeCapabilitiesExcept: "BatchUpdateAttendeeCapabilitiesExceptRequest",
  StartMeetingTranscription: "StartMeetingTranscriptionRequest",
  StopMeetingTranscription: "StopMeetingTranscriptionRequest",
  TagResource: "TagResourceRequest",
  UntagResource: "UntagResourceRequest",
  ListTagsForResource: "ListTagsForResourceRequest",
} as const;
