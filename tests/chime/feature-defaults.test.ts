import assert from "node:assert/strict";
import { effectiveMeetingFeatures } from "../../chime/feature-defaults";

describe("chime effectiveMeetingFeatures", () => {
  it("fills the documented video HD and content FHD defaults when no features are given", () => {
    assert.deepEqual(effectiveMeetingFeatures(undefined), { video: { maxResolution: "HD" }, content: { maxResolution: "FHD" } });
  });

  it("treats empty sections like absent ones", () => {
    assert.deepEqual(effectiveMeetingFeatures({ audio: {}, video: {}, attendee: {} }), effectiveMeetingFeatures({}));
  });

  it("keeps explicit values, echo reduction and MaxCount", () => {
    assert.deepEqual(
      effectiveMeetingFeatures({ audio: { echoReduction: "AVAILABLE" }, video: { maxResolution: "FHD" }, attendee: { maxCount: 10 } }),
      {
        audio: { echoReduction: "AVAILABLE" },
        video: { maxResolution: "FHD" },
        content: { maxResolution: "FHD" },
        attendee: { maxCount: 10 },
      },
    );
  });
});
