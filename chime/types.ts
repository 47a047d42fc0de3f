/**
 * Domain shapes of the Chime SDK Meetings API (camelCase). The wire format (PascalCase JSON)
 * is mapped to these in exactly one place per consumer (emulator handlers, provider client).
 */

export type MediaCapability = "SendReceive" | "Send" | "Receive" | "None";
export type VideoResolution = "None" | "HD" | "FHD";
export type ContentResolution = "None" | "FHD" | "UHD";
export type MeetingFeatureStatus = "AVAILABLE" | "UNAVAILABLE";

export interface MeetingFeatures {
  audio?: { echoReduction?: MeetingFeatureStatus };
  video?: { maxResolution?: VideoResolution };
  content?: { maxResolution?: ContentResolution };
  attendee?: { maxCount?: number };
}

export interface AttendeeCapabilities {
  audio: MediaCapability;
  video: MediaCapability;
  content: MediaCapability;
}

export interface NotificationsConfiguration {
  lambdaFunctionArn?: string;
  snsTopicArn?: string;
  sqsQueueArn?: string;
}

export interface Tag {
  key: string;
  value: string;
}

export interface MeetingSpec {
  mediaRegion: string;
  externalMeetingId: string;
  meetingHostId?: string;
  meetingFeatures?: MeetingFeatures;
  notificationsConfiguration?: NotificationsConfiguration;
  primaryMeetingId?: string;
  tenantIds?: string[];
  tags?: Tag[];
}

export interface AttendeeSpec {
  externalUserId: string;
  capabilities?: AttendeeCapabilities;
}

/** Amazon Transcribe settings of StartMeetingTranscription (all optional fields as in the model). */
export interface EngineTranscribeSettings {
  languageCode?: string;
  vocabularyFilterMethod?: string;
  vocabularyFilterName?: string;
  vocabularyName?: string;
  region?: string;
  enablePartialResultsStabilization?: boolean;
  partialResultsStability?: string;
  contentIdentificationType?: string;
  contentRedactionType?: string;
  piiEntityTypes?: string;
  languageModelName?: string;
  identifyLanguage?: boolean;
  languageOptions?: string;
  preferredLanguage?: string;
  vocabularyNames?: string;
  vocabularyFilterNames?: string;
}

export interface EngineTranscribeMedicalSettings {
  languageCode: string;
  specialty: string;
  type: string;
  vocabularyName?: string;
  region?: string;
  contentIdentificationType?: string;
}

export interface TranscriptionConfiguration {
  engineTranscribeSettings?: EngineTranscribeSettings;
  engineTranscribeMedicalSettings?: EngineTranscribeMedicalSettings;
}
