import type { ContentResolution, MediaCapability, MeetingFeatureStatus, VideoResolution } from "./types";

// Values from the service model (@aws-sdk/client-chime-sdk-meetings dist-es/models/enums.js).
export const MEDIA_CAPABILITIES: readonly MediaCapability[] = ["SendReceive", "Send", "Receive", "None"];
export const VIDEO_RESOLUTIONS: readonly VideoResolution[] = ["None", "HD", "FHD"];
export const CONTENT_RESOLUTIONS: readonly ContentResolution[] = ["None", "FHD", "UHD"];
export const MEETING_FEATURE_STATUSES: readonly MeetingFeatureStatus[] = ["AVAILABLE", "UNAVAILABLE"];
export const MEDIA_PLACEMENT_NETWORK_TYPES: readonly string[] = ["Ipv4Only", "DualStack"];

export const TRANSCRIBE_LANGUAGE_CODES: readonly string[] = [
  "de-DE",
  "en-AU",
  "en-GB",
  "en-US",
  "es-US",
  "fr-CA",
  "fr-FR",
  "hi-IN",
  "it-IT",
  "ja-JP",
  "ko-KR",
  "pt-BR",
  "th-TH",
  "zh-CN",
];
export const TRANSCRIBE_REGIONS: readonly string[] = [
  "us-east-1",
  "us-east-2",
  "us-west-2",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-southeast-2",
  "ca-central-1",
  "eu-central-1",
  "eu-west-1",
  "eu-west-2",
  "sa-east-1",
  "us-gov-west-1",
  "auto",
];
export const TRANSCRIBE_MEDICAL_REGIONS: readonly string[] = [
  "us-east-1",
  "us-east-2",
  "us-west-2",
  "ap-southeast-2",
  "ca-central-1",
  "eu-west-1",
  "auto",
];
export const TRANSCRIBE_MEDICAL_LANGUAGE_CODES: readonly string[] = ["en-US"];
export const TRANSCRIBE_MEDICAL_SPECIALTIES: readonly string[] = [
  "PRIMARYCARE",
  "CARDIOLOGY",
  "NEUROLOGY",
  "ONCOLOGY",
  "RADIOLOGY",
  "UROLOGY",
];
export const TRANSCRIBE_MEDICAL_TYPES: readonly string[] = ["CONVERSATION", "DICTATION"];
export const TRANSCRIBE_MEDICAL_CONTENT_IDENTIFICATION_TYPES: readonly string[] = ["PHI"];
export const TRANSCRIBE_CONTENT_IDENTIFICATION_TYPES: readonly string[] = ["PII"];
export const TRANSCRIBE_CONTENT_REDACTION_TYPES: readonly string[] = ["PII"];
export const TRANSCRIBE_PARTIAL_RESULTS_STABILITIES: readonly string[] = ["low", "medium", "high"];
export const TRANSCRIBE_VOCABULARY_FILTER_METHODS: readonly string[] = ["remove", "mask", "tag"];
