import { describe, expect, it } from "vitest";
import { belowGoldThreshold, goldAccuracy } from "./gold-accuracy";

describe("goldAccuracy", () => {
  it("gives the Wilson score interval (textbook values)", () => {
    // 8 of 10 at 95%: centre (0.8 + 0.19208) / 1.38416 = 0.71675, half-width 0.22657 → [0.4902, 0.9433].
    const eight = goldAccuracy(8, 10);
    expect(eight.accuracy).toBe(0.8);
    expect(eight.low).toBeCloseTo(0.4902, 4);
    expect(eight.high).toBeCloseTo(0.9433, 4);
    // 10 of 10 is not certainty: the lower end is 10 / (10 + 1.96²) = 0.7225.
    expect(goldAccuracy(10, 10)).toMatchObject({ low: expect.closeTo(0.7225, 4), high: 1 });
    expect(goldAccuracy(0, 0)).toMatchObject({ accuracy: 0, low: 0, high: 1 });
    expect(() => goldAccuracy(3, 2)).toThrow(RangeError);
  });

  it("benches a cruncher only after enough gold answers and when even the upper end is below the threshold", () => {
    expect(belowGoldThreshold(goldAccuracy(0, 3), 0.7, 5)).toBe(false);
    expect(belowGoldThreshold(goldAccuracy(6, 10), 0.7, 5)).toBe(false);
    expect(belowGoldThreshold(goldAccuracy(2, 10), 0.7, 5)).toBe(true);
  });
});
