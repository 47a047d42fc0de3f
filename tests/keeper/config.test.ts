// Stack config `publish` and `window`: parsing, validation messages, and which meetings are declared when.
import assert from "node:assert/strict";
import { parseMeetings, StackConfigError } from "../../stack/config";
import { activeMeetings, currentTime, windowPhase } from "../../stack/window";

const base = { mediaRegion: "us-east-1" };
const WINDOW = { start: "2026-12-01T08:00:00Z", end: "2026-12-04T18:00:00Z" };

function problems(raw: unknown): string[] {
  try {
    parseMeetings(raw, "us-east-1");
  } catch (err) {
    if (err instanceof StackConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe("stack config: publish and window", () => {
  it("accepts publish: true and a window, keeping both on the declaration", () => {
    const [d] = parseMeetings({ conference: { ...base, publish: true, window: WINDOW } }, "us-east-1");
    assert.equal(d.publish, true);
    assert.deepEqual(d.window, WINDOW);
  });

  it("accepts a window that YAML turned into Date objects", () => {
    const [d] = parseMeetings({ cc: { ...base, window: { start: new Date(WINDOW.start), end: new Date(WINDOW.end) } } }, "us-east-1");
    assert.deepEqual(d.window, { start: "2026-12-01T08:00:00.000Z", end: "2026-12-04T18:00:00.000Z" });
  });

  const cases: [string, unknown, string][] = [
    ["publish that is not a boolean", { ...base, publish: "yes" }, 'chime-meetings:meetings.mm.publish: value "yes" must be true or false'],
    [
      "a window that is not a map",
      { ...base, window: "all week" },
      'chime-meetings:meetings.mm.window: value "all week" must be a map with start and end (ISO 8601 date-times)',
    ],
    [
      "a start without a time zone",
      { ...base, window: { ...WINDOW, start: "2026-12-01T08:00:00" } },
      'chime-meetings:meetings.mm.window.start: value "2026-12-01T08:00:00" must be an ISO 8601 date-time with a time zone, e.g. "2026-12-01T08:00:00Z"',
    ],
    [
      "a missing end",
      { ...base, window: { start: WINDOW.start } },
      'chime-meetings:meetings.mm.window.end: value undefined must be an ISO 8601 date-time with a time zone, e.g. "2026-12-01T08:00:00Z"',
    ],
    [
      "an end before the start",
      { ...base, window: { start: WINDOW.end, end: WINDOW.start } },
      'chime-meetings:meetings.mm.window.end: value "2026-12-01T08:00:00Z" must be later than window.start (2026-12-04T18:00:00Z)',
    ],
    [
      "an unknown window key",
      { ...base, window: { ...WINDOW, timezone: "UTC" } },
      'chime-meetings:meetings.mm.window.timezone: value "UTC" is not a window setting (known: start, end)',
    ],
  ];
  for (const [what, settings, message] of cases) {
    it(`rejects ${what}, naming the key`, () => {
      assert.deepEqual(problems({ mm: settings }), [message]);
    });
  }

  it("rejects publish for a meeting whose name cannot be part of an SSM parameter name", () => {
    assert.deepEqual(problems({ "town hall": { ...base, externalMeetingId: "town-hall", publish: true } }), [
      "chime-meetings:meetings.town hall.publish: value true needs a meeting name usable in an SSM parameter name (must contain only a-z, A-Z, 0-9, _, ., - and /)",
    ]);
  });
});

describe("meeting windows", () => {
  const at = (iso: string) => new Date(iso);

  it("places now before, inside and after the window (end exclusive)", () => {
    assert.equal(windowPhase(WINDOW, at("2026-12-01T07:59:59Z")), "before");
    assert.equal(windowPhase(WINDOW, at("2026-12-01T08:00:00Z")), "active");
    assert.equal(windowPhase(WINDOW, at("2026-12-04T18:00:00Z")), "after");
    assert.equal(windowPhase(undefined, at("1999-01-01T00:00:00Z")), "active");
  });

  it("declares only meetings inside their window, and a replica only with its primary", () => {
    const decls = [
      { name: "conference", window: WINDOW },
      { name: "conference-eu", primary: "conference" },
      { name: "support" },
      { name: "later", window: { start: "2027-01-01T00:00:00Z", end: "2027-01-02T00:00:00Z" } },
    ];
    assert.deepEqual(
      activeMeetings(decls, at("2026-12-02T00:00:00Z")).map((d) => d.name),
      ["conference", "conference-eu", "support"],
    );
    assert.deepEqual(
      activeMeetings(decls, at("2026-12-05T00:00:00Z")).map((d) => d.name),
      ["support"],
    );
  });

  it("takes now from CHIME_MEETINGS_NOW and rejects a value that is not a date-time", () => {
    assert.equal(currentTime({ CHIME_MEETINGS_NOW: "2026-12-02T00:00:00Z" }).toISOString(), "2026-12-02T00:00:00.000Z");
    assert.throws(
      () => currentTime({ CHIME_MEETINGS_NOW: "tomorrow" }),
      /^Error: CHIME_MEETINGS_NOW: value "tomorrow" must be an ISO 8601 date-time with a time zone/,
    );
    assert.ok(Math.abs(currentTime({}).getTime() - Date.now()) < 1000);
  });
});
