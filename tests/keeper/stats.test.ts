// The recovery-time figures of bench/keeper: order statistics of a small sample.
import assert from "node:assert/strict";
import { distribution, median } from "../../bench/keeper/stats";

describe("keeper bench statistics", () => {
  const cases: [number[], ReturnType<typeof distribution>][] = [
    [[3], { n: 1, min: 3, p50: 3, p90: 3, max: 3 }],
    [[40.04, 12.26, 31.5, 7.81], { n: 4, min: 7.8, p50: 12.3, p90: 40, max: 40 }],
    [[5, 1, 4, 2, 3, 10, 9, 8, 7, 6], { n: 10, min: 1, p50: 5, p90: 9, max: 10 }],
  ];
  for (const [samples, expected] of cases) {
    it(`summarises ${JSON.stringify(samples)} by nearest rank`, () => assert.deepEqual(distribution(samples), expected));
  }

  it("refuses an empty sample, naming it", () => {
    assert.throws(() => distribution([]), { name: "RangeError", message: "samples: value [] must hold at least one sample" });
  });

  it("takes the middle value, or the mean of the two middle ones", () => {
    assert.deepEqual([median([3, 1, 2]), median([4, 1, 3, 2])], [2, 2.5]);
  });
});
