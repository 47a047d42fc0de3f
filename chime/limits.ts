/**
 * Every numeric limit of the API in one place (service model min/max, quotas of the AWS General Reference).
 * Sources: docs/API-NOTES.md#lengths-patterns-and-enums and docs/API-NOTES.md#quotas-and-throttling.
 */
export const LIMITS = {
  /** MeetingFeatures.Attendee.MaxCount (AttendeeMax). */
  maxCount: { min: 1, max: 250 },
  /** Attendee ceiling when video FHD or content UHD is chosen. */
  highResolutionCeiling: 25,
  /** Attendees per meeting without high-resolution features. */
  perMeeting: 250,
  /** CreateMeetingWithAttendees.Attendees (CreateMeetingWithAttendeesRequestItemList). */
  createWithAttendeesBatch: 20,
  /** BatchCreateAttendee.Attendees (CreateAttendeeRequestItemList). */
  batchCreateAttendee: 100,
  /** ExcludedAttendeeIds of BatchUpdateAttendeeCapabilitiesExcept. */
  excludedAttendeeIds: 250,
  /** Tags per resource (TagList) and keys per UntagResource (TagKeyList). */
  tags: 50,
  tagKey: { min: 1, max: 128 },
  tagValue: { min: 0, max: 256 },
  /** ExternalMeetingId, ExternalUserId, MeetingHostId. */
  externalId: { min: 2, max: 64 },
  primaryMeetingId: { min: 2, max: 64 },
  mediaRegion: { min: 2, max: 64 },
  clientRequestToken: { min: 2, max: 64 },
  tenantIds: { min: 1, max: 5 },
  tenantId: { min: 2, max: 256 },
  /** Notification target ARNs (Arn shape). */
  notificationArn: { min: 1, max: 1024 },
  /** ResourceARN of the tag operations (AmazonResourceName shape). */
  resourceArn: { min: 1, max: 1011 },
  /** ListAttendees max-results (ResultMax). */
  maxResults: { min: 1, max: 100 },
  /** Replica meetings per primary meeting. */
  replicasPerPrimary: 4,
  /** Generic String shape (error members, transcription names). */
  string: { max: 4096 },
  transcribeLanguageModelName: { min: 1, max: 200 },
  transcribeLanguageOptions: { min: 1, max: 200 },
  transcribePiiEntityTypes: { min: 1, max: 300 },
  transcribeNames: { min: 1, max: 3000 },
  /** Meeting lifecycle (docs/API-NOTES.md#meeting-lifecycle), in seconds. */
  idleEndSeconds: 5 * 60,
  maxDurationSeconds: 24 * 60 * 60,
} as const;
