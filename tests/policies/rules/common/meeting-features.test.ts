import assert from "node:assert/strict";
import { parseFeatures } from "../../../../policies/rules/common/meeting-features";
import { UNKNOWN } from "../../../../policies/rules/common/unknown";

describe("reading a meeting's features for the policy rules", () => {
  it("reads absent features as the service defaults ({})", () => {
    assert.deepEqual(parseFeatures(undefined), {});
  });

  it("types every value of the service's type", () => {
    const given = {
      audio: { echoReduction: "AVAILABLE" },
      video: { maxResolution: "FHD" },
      content: { maxResolution: "UHD" },
      attendee: { maxCount: 25 },
    };
    assert.deepEqual(parseFeatures(given), given);
  });

  it("keeps a maxCount out of the service range (the rules judge ranges)", () => {
    assert.deepEqual(parseFeatures({ attendee: { maxCount: 0 } }), { attendee: { maxCount: 0 } });
  });

  const unreadable: [string, unknown][] = [
    ["an unknown enum value", { video: { maxResolution: "4K" } }],
    ["a maxCount given as a string", { attendee: { maxCount: "10" } }],
    ["a section that is not an object", { audio: "AVAILABLE" }],
    ["features that are not an object", "HD"],
    ["a value unknown at preview", { video: { maxResolution: UNKNOWN } }],
  ];
  for (const [what, value] of unreadable) {
    it(`reads nothing from ${what}`, () => {
      assert.equal(parseFeatures(value), undefined);
    });
  }
});
