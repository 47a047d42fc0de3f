import assert from "node:assert/strict";
import { detailFingerprint, parseChimeEvent } from "../../../../components/notifications/handler/parse";
import { ALL_EVENT_TYPES, ATTENDEE_ID, MEETING_ID, sampleEvent } from "./fixtures";

describe("parseChimeEvent", () => {
  for (const type of ALL_EVENT_TYPES) {
    it(`accepts a ${type} event and keeps its detail typed and intact`, () => {
      const event = sampleEvent(type);
      const parsed = parseChimeEvent(event);
      assert.ok(parsed.ok, parsed.ok ? "" : parsed.reason);
      assert.deepEqual(parsed.event, {
        eventId: event.id,
        account: "123456789012",
        region: "us-east-1",
        time: event.time,
        detail: event.detail,
      });
    });
  }

  it("uses a fingerprint of the detail as the id when the payload has none", () => {
    const { id: _id, ...withoutId } = sampleEvent("chime:AttendeeJoined", { timestamp: 1_764_000_123_456 });
    const parsed = parseChimeEvent(withoutId);
    assert.ok(parsed.ok);
    assert.equal(parsed.event.eventId, `chime:AttendeeJoined/${MEETING_ID}/${ATTENDEE_ID}/1764000123456`);
    assert.equal(detailFingerprint(parsed.event.detail), parsed.event.eventId);
  });

  const joined = () => sampleEvent("chime:AttendeeJoined") as unknown as Record<string, unknown> & { detail: Record<string, unknown> };
  const malformed: { title: string; payload: () => unknown; reason: string }[] = [
    { title: "a non-object payload", payload: () => "hello", reason: "payload: must be a JSON object" },
    {
      title: "another service's event",
      payload: () => ({ ...joined(), source: "aws.s3" }),
      reason: 'source: value "aws.s3" must be "aws.chime"',
    },
    {
      title: "another detail-type",
      payload: () => ({ ...joined(), "detail-type": "Chime VoiceConnector Streaming Status" }),
      reason: 'detail-type: value "Chime VoiceConnector Streaming Status" must be "Chime Meeting State Change"',
    },
    { title: "a missing detail", payload: () => ({ ...joined(), detail: undefined }), reason: "detail: must be a JSON object" },
    {
      title: "an unknown event type",
      payload: () => ({ ...joined(), detail: { ...joined().detail, eventType: "chime:MeetingPaused" } }),
      reason: 'detail.eventType: value "chime:MeetingPaused" is not a Chime meeting event type',
    },
    {
      title: "a join without networkType",
      payload: () => ({ ...joined(), detail: { ...joined().detail, networkType: undefined } }),
      reason: "detail.networkType: value undefined must be a non-empty string",
    },
    {
      title: "an empty meetingId and a string timestamp",
      payload: () => ({ ...joined(), detail: { ...joined().detail, meetingId: "", timestamp: "1764000000000" } }),
      reason: 'detail.meetingId: value "" must be a non-empty string; detail.timestamp: value "1764000000000" must be epoch milliseconds',
    },
    {
      title: "a transcription failure without its message",
      payload: () => {
        const e = sampleEvent("chime:TranscriptionFailed") as unknown as { detail: Record<string, unknown> };
        return { ...e, detail: { ...e.detail, message: undefined } };
      },
      reason: "detail.message: value undefined must be a non-empty string",
    },
    {
      title: "a transcription event without its configuration",
      payload: () => {
        const e = sampleEvent("chime:TranscriptionStarted") as unknown as { detail: Record<string, unknown> };
        return { ...e, detail: { ...e.detail, transcriptionConfiguration: undefined } };
      },
      reason: "detail.transcriptionConfiguration: value undefined is required for transcription events",
    },
  ];
  for (const c of malformed) {
    it(`rejects ${c.title}, naming the field`, () => {
      assert.deepEqual(parseChimeEvent(c.payload()), { ok: false, reason: c.reason });
    });
  }
});
