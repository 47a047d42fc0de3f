/**
 * Meeting events as delivered to EventBridge (and, with the same payload, to SNS/SQS targets).
 * Shapes from the Chime SDK developer guide "Using events" (docs/API-NOTES.md#event-envelope).
 */
import { isObject } from "./checks";

export const EVENT_TYPES = [
  "chime:MeetingStarted",
  "chime:MeetingEnded",
  "chime:AttendeeAdded",
  "chime:AttendeeDeleted",
  "chime:AttendeeAuthorized",
  "chime:AttendeeJoined",
  "chime:AttendeeLeft",
  "chime:AttendeeDropped",
  "chime:AttendeeVideoStarted",
  "chime:AttendeeVideoStopped",
  "chime:AttendeeContentJoined",
  "chime:AttendeeContentLeft",
  "chime:AttendeeContentDropped",
  "chime:AttendeeContentVideoStarted",
  "chime:AttendeeContentVideoStopped",
  "chime:TranscriptionStarted",
  "chime:TranscriptionStopped",
  "chime:TranscriptionInterrupted",
  "chime:TranscriptionResumed",
  "chime:TranscriptionFailed",
] as const;

export type ChimeEventType = (typeof EVENT_TYPES)[number];

export const EVENT_SOURCE = "aws.chime";
export const EVENT_DETAIL_TYPE = "Chime Meeting State Change";

interface BaseDetail {
  version: "0";
  eventType: ChimeEventType;
  /** Epoch milliseconds. */
  timestamp: number;
  meetingId: string;
  mediaRegion: string;
}

export interface MeetingEventDetail extends BaseDetail {
  eventType: "chime:MeetingStarted" | "chime:MeetingEnded";
  externalMeetingId: string;
}

export interface AttendeeEventDetail extends BaseDetail {
  eventType:
    | "chime:AttendeeAdded"
    | "chime:AttendeeDeleted"
    | "chime:AttendeeAuthorized"
    | "chime:AttendeeVideoStarted"
    | "chime:AttendeeVideoStopped"
    | "chime:AttendeeContentVideoStarted"
    | "chime:AttendeeContentVideoStopped";
  attendeeId: string;
  externalUserId: string;
}

export interface AttendeeConnectionEventDetail extends BaseDetail {
  eventType:
    | "chime:AttendeeJoined"
    | "chime:AttendeeLeft"
    | "chime:AttendeeDropped"
    | "chime:AttendeeContentJoined"
    | "chime:AttendeeContentLeft"
    | "chime:AttendeeContentDropped";
  attendeeId: string;
  externalUserId: string;
  /** e.g. "Voip". */
  networkType: string;
}

export interface TranscriptionEventDetail extends BaseDetail {
  eventType:
    | "chime:TranscriptionStarted"
    | "chime:TranscriptionStopped"
    | "chime:TranscriptionInterrupted"
    | "chime:TranscriptionResumed"
    | "chime:TranscriptionFailed";
  externalMeetingId: string;
  transcriptionRegion: string;
  /** The TranscriptionConfiguration as sent (wire JSON). */
  transcriptionConfiguration: unknown;
  /** Only on TranscriptionFailed. */
  message?: string;
}

export type ChimeEventDetail = MeetingEventDetail | AttendeeEventDetail | AttendeeConnectionEventDetail | TranscriptionEventDetail;

/** EventBridge envelope; `region` is the control (API) region that created the meeting. */
export interface ChimeEventEnvelope<D extends ChimeEventDetail = ChimeEventDetail> {
  version: "0";
  id: string;
  "detail-type": typeof EVENT_DETAIL_TYPE;
  source: typeof EVENT_SOURCE;
  account: string;
  /** ISO-8601 time. */
  time: string;
  region: string;
  resources: string[];
  detail: D;
}

export function isChimeEventType(value: unknown): value is ChimeEventType {
  return typeof value === "string" && (EVENT_TYPES as readonly string[]).includes(value);
}

/** Narrows an unknown payload (e.g. an SQS message body) to a Chime event envelope. */
export function isChimeEventEnvelope(value: unknown): value is ChimeEventEnvelope {
  if (!isObject(value) || !isObject(value.detail)) return false;
  const detail = value.detail;
  return (
    value.source === EVENT_SOURCE &&
    value["detail-type"] === EVENT_DETAIL_TYPE &&
    isChimeEventType(detail.eventType) &&
    typeof detail.meetingId === "string"
  );
}
