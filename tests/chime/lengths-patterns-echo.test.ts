import assert from "node:assert/strict";
import { codePointLength } from "../../chime/checks";
import { formatViolation, validateMeeting } from "../../chime/validate";
import { javaPattern, PATTERNS } from "../../chime/patterns";
import { echoValue } from "../../chime/violation";

describe("chime lengths, patterns and echoes", () => {
  const lengths: [string, number][] = [
    ["", 0],
    ["ab", 2],
    ["\u{1F600}", 1],
    ["a\u{1F600}b", 3],
    ["\ud800", 1],
    ["\ud800\ud800", 2],
  ];
  for (const [s, n] of lengths) {
    it(`counts ${JSON.stringify(s)} as ${n} characters (code points, a lone surrogate as one)`, () => assert.equal(codePointLength(s), n));
  }

  it("accepts a 64-character ExternalMeetingId of accented letters and refuses 65", () => {
    assert.deepEqual(validateMeeting({ mediaRegion: "us-east-1", externalMeetingId: "é".repeat(64) }), []);
    assert.deepEqual(validateMeeting({ mediaRegion: "us-east-1", externalMeetingId: "é".repeat(65) }).map(formatViolation), [
      `externalMeetingId: value "${"é".repeat(65)}" must be 2 to 64 characters long`,
    ]);
  });

  it("matches a model pattern against the whole value, with Java's ASCII-only \\s", () => {
    assert.equal(javaPattern("[a-z]*").test("abc1"), false);
    assert.equal(PATTERNS.tagValue.regex.test("a b\tc"), true);
    assert.equal(PATTERNS.tagValue.regex.test("a\u00a0b"), false);
    assert.equal(PATTERNS.transcribeLanguageModelName.regex.test("model-1"), true);
    assert.equal(PATTERNS.transcribeLanguageModelName.regex.test("model 1"), false);
  });

  it("echoes a short value whole and a long one cut to 100 characters with its length", () => {
    assert.equal(echoValue("abc"), '"abc"');
    assert.equal(echoValue(undefined), "undefined");
    assert.equal(echoValue("x".repeat(1000)), `"${"x".repeat(99)}… (1002 characters)`);
  });

  it("never cuts an emoji in half when it shortens an echo", () => {
    const echoed = echoValue("\u{1F600}".repeat(100));
    assert.ok(!/[\ud800-\udbff]…/.test(echoed), echoed);
  });
});
