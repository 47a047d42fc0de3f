import type { ChimeEventEnvelope, ChimeEventType } from "../../../../chime/events";
import { EVENT_TYPES } from "../../../../chime/events";

/** Sample events (docs/API-NOTES.md#event-envelope) and the envelopes each channel wraps them in. */

export const MEETING_ID = "5a2e4c1f-8b3d-4e6a-9f70-1c2d3e4f5a6b";
export const ATTENDEE_ID = "582e3b1f-115a-8024-a8dc-b3257e3e4856";

type Json = Record<string, unknown>;

function detailFields(type: ChimeEventType): Json {
  const attendee = { attendeeId: ATTENDEE_ID, externalUserId: "user-0001" };
  if (type === "chime:MeetingStarted" || type === "chime:MeetingEnded") return { externalMeetingId: "standup-42" };
  if (type.startsWith("chime:Transcription")) {
    return {
      externalMeetingId: "standup-42",
      transcriptionRegion: "us-east-1",
      transcriptionConfiguration: { EngineTranscribeSettings: { LanguageCode: "en-US" } },
      ...(type === "chime:TranscriptionFailed" ? { message: "Internal server error" } : {}),
    };
  }
  if (/Joined|Left|Dropped/.test(type)) return { ...attendee, networkType: "Voip" };
  return attendee;
}

let counter = 0;

export function sampleEvent(
  type: ChimeEventType,
  overrides: { id?: string; timestamp?: number; attendeeId?: string } = {},
): ChimeEventEnvelope {
  counter += 1;
  const timestamp = overrides.timestamp ?? 1_764_000_000_000 + counter;
  const detail = {
    version: "0",
    eventType: type,
    timestamp,
    meetingId: MEETING_ID,
    mediaRegion: "us-east-1",
    ...detailFields(type),
    ...(overrides.attendeeId !== undefined ? { attendeeId: overrides.attendeeId } : {}),
  };
  return {
    version: "0",
    id: overrides.id ?? `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    "detail-type": "Chime Meeting State Change",
    source: "aws.chime",
    account: "123456789012",
    time: new Date(timestamp).toISOString(),
    region: "us-east-1",
    resources: [],
    detail,
  } as unknown as ChimeEventEnvelope;
}

export const ALL_EVENT_TYPES: readonly ChimeEventType[] = EVENT_TYPES;

export function sqsRecord(body: string, messageId: string): Json {
  return {
    messageId,
    receiptHandle: `rh-${messageId}`,
    body,
    attributes: { ApproximateReceiveCount: "1" },
    messageAttributes: {},
    md5OfBody: "",
    eventSource: "aws:sqs",
    eventSourceARN: "arn:aws:sqs:us-east-1:123456789012:meetings-queue",
    awsRegion: "us-east-1",
  };
}

/** SNS's notification JSON (what a queue receives from a subscription without raw delivery). */
export function snsNotification(message: string, messageId: string): Json {
  return {
    Type: "Notification",
    MessageId: messageId,
    TopicArn: "arn:aws:sns:us-east-1:123456789012:meetings-topic",
    Message: message,
    Timestamp: "2026-11-25T21:00:00.000Z",
    SignatureVersion: "1",
    Signature: "c2ln",
    SigningCertURL: "https://sns.us-east-1.amazonaws.com/cert.pem",
    UnsubscribeURL: "https://sns.us-east-1.amazonaws.com/unsub",
  };
}

export type Channel = "eventbridge" | "sqs" | "sqs+sns" | "sns";
export const CHANNELS: readonly Channel[] = ["eventbridge", "sqs", "sqs+sns", "sns"];

/** One invocation carrying `events` as `channel` delivers them (EventBridge: one event per invocation). */
export function invocation(channel: Channel, events: unknown[]): unknown {
  switch (channel) {
    case "eventbridge":
      if (events.length !== 1) throw new Error("EventBridge invokes with one event");
      return events[0];
    case "sqs":
      return { Records: events.map((e, i) => sqsRecord(JSON.stringify(e), `msg-${i}`)) };
    case "sqs+sns":
      return { Records: events.map((e, i) => sqsRecord(JSON.stringify(snsNotification(JSON.stringify(e), `sns-${i}`)), `msg-${i}`)) };
    case "sns":
      return {
        Records: events.map((e, i) => ({
          EventSource: "aws:sns",
          EventVersion: "1.0",
          EventSubscriptionArn: "arn:aws:sns:us-east-1:123456789012:meetings-topic:sub",
          Sns: snsNotification(JSON.stringify(e), `sns-${i}`),
        })),
      };
  }
}

/** Collects log lines as parsed JSON. */
export function memoryLog(): { lines: string[]; entries: () => Json[]; write: (line: string) => void } {
  const lines: string[] = [];
  return {
    lines,
    entries: () => lines.map((l) => JSON.parse(l) as Json),
    write: (line) => {
      lines.push(line);
    },
  };
}
