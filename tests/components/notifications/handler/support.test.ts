import assert from "node:assert/strict";
import { parseChimeEvent } from "../../../../components/notifications/handler/parse";
import { AttendanceLog, attendanceEntry } from "../../../../components/notifications/handler/attendance";
import { InMemoryDedupeStore } from "../../../../components/notifications/handler/dedupe";
import { jsonLogger, redact } from "../../../../components/notifications/handler/logger";
import type { ChimeEventType } from "../../../../chime/events";
import type { ChimeMeetingEvent } from "../../../../components/notifications/handler/event";
import { MEETING_ID, memoryLog, sampleEvent } from "./fixtures";

function parsed(type: ChimeEventType, overrides: { timestamp?: number; attendeeId?: string } = {}): ChimeMeetingEvent {
  const result = parseChimeEvent(sampleEvent(type, overrides));
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}

describe("InMemoryDedupeStore", () => {
  it("grants the first claim of an id and refuses later ones", async () => {
    const store = new InMemoryDedupeStore();
    assert.equal(await store.claim("a"), true);
    assert.equal(await store.claim("a"), false);
    assert.equal(await store.claim("b"), true);
  });

  it("grants a claim again after it is released", async () => {
    const store = new InMemoryDedupeStore();
    await store.claim("a");
    await store.release("a");
    assert.equal(await store.claim("a"), true);
  });

  it("forgets ids after the ttl", async () => {
    let now = 1_000;
    const store = new InMemoryDedupeStore({ ttlMs: 100, now: () => now });
    await store.claim("a");
    now += 99;
    assert.equal(await store.claim("a"), false);
    now += 1;
    assert.equal(await store.claim("a"), true);
  });

  it("keeps at most maxEntries ids, dropping the oldest", async () => {
    const store = new InMemoryDedupeStore({ maxEntries: 2 });
    for (const id of ["a", "b", "c"]) await store.claim(id);
    assert.equal(store.size, 2);
    assert.equal(await store.claim("a"), true);
    assert.equal(await store.claim("c"), false);
  });
});

describe("AttendanceLog", () => {
  const cases: [ChimeEventType, string | undefined][] = [
    ["chime:AttendeeJoined", "joined"],
    ["chime:AttendeeLeft", "left"],
    ["chime:AttendeeDropped", "dropped"],
    ["chime:AttendeeAdded", undefined],
    ["chime:AttendeeContentJoined", undefined],
    ["chime:MeetingEnded", undefined],
  ];
  for (const [type, change] of cases) {
    it(`records ${change ?? "nothing"} for ${type}`, () => {
      assert.equal(attendanceEntry(parsed(type))?.change, change);
    });
  }

  it("knows who is present from the latest event per attendee, even when deliveries arrive out of order", async () => {
    const seen: unknown[] = [];
    const log = new AttendanceLog((entry) => {
      seen.push(entry);
    });
    await log.handle(parsed("chime:AttendeeJoined", { attendeeId: "a1", timestamp: 100 }));
    await log.handle(parsed("chime:AttendeeLeft", { attendeeId: "a1", timestamp: 300 }));
    await log.handle(parsed("chime:AttendeeJoined", { attendeeId: "a1", timestamp: 200 }));
    await log.handle(parsed("chime:AttendeeJoined", { attendeeId: "a2", timestamp: 150 }));
    await log.handle(parsed("chime:MeetingStarted"));
    assert.deepEqual(log.present(MEETING_ID), ["a2"]);
    assert.equal(log.entries(MEETING_ID).length, 4);
    assert.deepEqual(seen[0], { meetingId: MEETING_ID, attendeeId: "a1", change: "joined", at: 100 });
  });
});

describe("jsonLogger", () => {
  it("redacts join tokens and credentials at any depth", () => {
    assert.deepEqual(redact({ joinToken: "abc", nested: [{ JoinToken: "x", secretAccessKey: "k", keep: 1 }] }), {
      joinToken: "[redacted]",
      nested: [{ JoinToken: "[redacted]", secretAccessKey: "[redacted]", keep: 1 }],
    });
  });

  it("writes one JSON object per line with level, time and message", () => {
    const log = memoryLog();
    jsonLogger(log.write, () => new Date("2026-11-25T21:00:00.000Z")).log("info", "hello", { attendee: { joinToken: "t" } });
    assert.deepEqual(log.lines, [
      '{"level":"info","time":"2026-11-25T21:00:00.000Z","message":"hello","attendee":{"joinToken":"[redacted]"}}',
    ]);
  });
});
