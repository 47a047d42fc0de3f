import assert from "node:assert/strict";
import { LIMITS } from "../../../chime";
import { assertFired, goodMeeting, meeting, only } from "../support";

const base = goodMeeting();
const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`key-${i}`, `value-${i}`]));
const withTags = (t: Record<string, string>) => meeting({ ...base, tags: t });

describe("tag rules", () => {
  it(`accepts exactly ${LIMITS.tags} tags (the service maximum)`, async () => {
    await assertFired([withTags(tags(50))], []);
  });

  it("refuses 51 tags with the service rule only, even with a lower organisation ceiling", async () => {
    const violations = await assertFired([withTags(tags(51))], ["chime-meeting-enforce-tag-rules"], {
      "chime-meeting-limit-tag-count": { maximum: 20 },
    });
    assert.match(only(violations, "chime-meeting-enforce-tag-rules"), /tags is "51 items" but it must have at most 50 items/);
  });

  it("refuses 21 tags against an organisation ceiling of 20 and accepts 20", async () => {
    const config = { "chime-meeting-limit-tag-count": { maximum: 20 } };
    await assertFired([withTags(tags(20))], [], config);
    const violations = await assertFired([withTags(tags(21))], ["chime-meeting-limit-tag-count"], config);
    assert.match(
      only(violations, "chime-meeting-limit-tag-count"),
      /tags is "21 tags" but the organisation allows at most 20 .* Fix: remove 1 tags\./,
    );
  });

  for (const key of ["aws:team", "AWS:team", "Aws:team"]) {
    it(`refuses the reserved key prefix in ${JSON.stringify(key)}`, async () => {
      const violations = await assertFired([withTags({ [key]: "x" })], ["chime-meeting-enforce-tag-rules"]);
      assert.match(
        only(violations, "chime-meeting-enforce-tag-rules"),
        new RegExp(`tag key "${key}" is "${key}" but it must not begin with the reserved prefix`),
      );
    });
  }

  it("refuses a 129-character key and accepts a 128-character one", async () => {
    await assertFired([withTags({ ["k".repeat(128)]: "v" })], []);
    await assertFired([withTags({ ["k".repeat(129)]: "v" })], ["chime-meeting-enforce-tag-rules"]);
  });

  it("refuses a 257-character value and accepts a 256-character one", async () => {
    await assertFired([withTags({ team: "v".repeat(256) })], []);
    await assertFired([withTags({ team: "v".repeat(257) })], ["chime-meeting-enforce-tag-rules"]);
  });

  it("refuses characters outside the tag value pattern", async () => {
    await assertFired([withTags({ team: "a&b" })], ["chime-meeting-enforce-tag-rules"]);
  });

  it("refuses a meeting missing required tag keys, listing them", async () => {
    const violations = await assertFired([withTags({ team: "x" })], ["chime-meeting-require-tag-keys"], {
      "chime-meeting-require-tag-keys": { keys: ["team", "cost-center", "owner"] },
    });
    assert.match(only(violations, "chime-meeting-require-tag-keys"), /the required tag keys \["cost-center","owner"\] are missing/);
  });

  it("refuses a meeting without tags when keys are required", async () => {
    await assertFired([meeting({ ...base, tags: undefined })], ["chime-meeting-require-tag-keys"], {
      "chime-meeting-require-tag-keys": { keys: ["team"] },
    });
  });

  it("refuses a tag value outside the allowed values of its key and ignores other keys", async () => {
    const config = { "chime-meeting-limit-tag-values": { allowedValues: { environment: ["dev", "prod"] } } };
    await assertFired([withTags({ environment: "prod", team: "anything" })], [], config);
    const violations = await assertFired([withTags({ environment: "staging" })], ["chime-meeting-limit-tag-values"], config);
    assert.match(
      only(violations, "chime-meeting-limit-tag-values"),
      /tags\["environment"\] is "staging" but the allowed values for this key are \["dev","prod"\]/,
    );
  });

  it("refuses an organisation ceiling above the service's 50 as invalid config", async () => {
    await assert.rejects(
      assertFired([withTags({})], [], { "chime-meeting-limit-tag-count": { maximum: 51 } }),
      /maximum value 51 must be at most 50/,
    );
  });
});
