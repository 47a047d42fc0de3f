/**
 * The types every model file shares. This module imports nothing from the model, so the model's modules
 * depend on it and never on each other for types alone (no import cycle).
 */
import type {
  AttendeeCapabilities,
  MeetingFeatures,
  NotificationsConfiguration,
  Tag,
  TranscriptionConfiguration,
} from "../../../../chime/types";
import type { Violation } from "../../../../chime/violation";

export interface RequestContext {
  /** The API region of the caller (SigV4 credential scope). */
  controlRegion: string;
}

export interface AttendeeState {
  readonly attendeeId: string;
  readonly externalUserId: string;
  capabilities: AttendeeCapabilities;
  joined: boolean;
}

/** A per-item failure of CreateMeetingWithAttendees / BatchCreateAttendee. */
export interface AttendeeError {
  externalUserId: string;
  errorCode: string;
  violations: Violation[];
}

/** What an idempotent create remembers to answer a replay with the same ClientRequestToken. */
export interface CreateRequestMemo {
  token: string;
  /** Hash of the request without the token: a replay with other parameters is a conflict. */
  fingerprint: string;
  /** CreateMeetingWithAttendees: the attendees and per-item errors of the original answer. */
  attendeeIds?: string[];
  errors?: AttendeeError[];
}

/** The persisted, wire-independent fields of a meeting. */
export interface MeetingSnapshot {
  meetingId: string;
  externalMeetingId: string;
  meetingHostId?: string;
  mediaRegion: string;
  controlRegion: string;
  meetingFeatures?: MeetingFeatures;
  notificationsConfiguration?: NotificationsConfiguration;
  primaryMeetingId?: string;
  tenantIds: string[];
  tags: Tag[];
  createdAt: number;
  idleSince?: number;
  transcription?: TranscriptionConfiguration;
  request?: CreateRequestMemo;
  attendees: AttendeeState[];
}

/** A meeting's fields without its attendees (those live in their own map). */
export type MeetingState = Omit<MeetingSnapshot, "attendees">;

export interface MediaPlacement {
  audioHostUrl: string;
  audioFallbackUrl: string;
  signalingUrl: string;
  turnControlUrl: string;
  screenDataUrl: string;
  screenViewingUrl: string;
  screenSharingUrl: string;
  eventIngestionUrl: string;
}

/** What the API returns for a meeting (GetMeeting's Meeting shape: no tags, no notification settings). */
export interface MeetingView {
  meetingId: string;
  meetingHostId?: string;
  externalMeetingId: string;
  mediaRegion: string;
  mediaPlacement: MediaPlacement;
  meetingFeatures?: MeetingFeatures;
  primaryMeetingId?: string;
  tenantIds: string[];
  meetingArn: string;
}

export interface AttendeeView {
  externalUserId: string;
  attendeeId: string;
  joinToken: string;
  capabilities: AttendeeCapabilities;
}

/** One change of the model's state. Changes are domain data only: no wire format, no join tokens. */
export type StateChange =
  | { kind: "meeting"; meeting: MeetingSnapshot }
  | { kind: "attendee"; meetingId: string; attendee: AttendeeState; idleSince?: number }
  | { kind: "attendeeDeleted"; meetingId: string; attendeeId: string; idleSince?: number }
  | { kind: "meetingEnded"; meetingId: string }
  | { kind: "tags"; meetingId: string; tags: Tag[] }
  | { kind: "transcription"; meetingId: string; config?: TranscriptionConfiguration }
  | { kind: "clock"; advancedMs: number }
  | { kind: "reset" };

/**
 * Where the store reports its changes before applying them. `persist` returns only once the changes are safe
 * (durable, for a data directory); when they cannot be kept it throws, and the store applies nothing.
 */
export interface ChangeSink {
  persist(changes: readonly StateChange[]): void;
}

/** The emulator clock as the model uses it (epoch milliseconds; the admin API can move it forward). */
export interface ModelClock {
  now(): number;
  /** The offset after advancing by `seconds`, without applying it; throws RangeError for a refused value. */
  advancedAfter(seconds: unknown): number;
  readonly advancedMs: number;
  restoreAdvance(ms: number): void;
}

/** Derives join tokens (never stored) from a meeting and attendee id. */
export interface TokenMinter {
  mint(meetingId: string, attendeeId: string): string;
}
