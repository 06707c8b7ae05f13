import { describe, expect, it } from "vitest";
import { niceStep, niceTicks } from "./nice-ticks";

describe("niceTicks", () => {
  it("steps by 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([0.13, 0.3, 0.7, 2.2, 4, 9, 130].map(niceStep)).toEqual([0.2, 0.5, 1, 2.5, 5, 10, 200]);
  });

  it("covers the values and zero with round ticks", () => {
    expect(niceTicks(-0.47, 0.81)).toEqual([-0.5, 0, 0.5, 1]);
    expect(niceTicks(0.13, 0.92)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(-3.1, -0.2)).toEqual([-4, -3, -2, -1, 0]);
    expect(niceTicks(0, 0)).toEqual([0, 1]);
  });

  it("can leave zero out, for an axis around a base value", () => {
    expect(niceTicks(-2.36, 7.29, 5, { includeZero: false })).toEqual([-2.5, 0, 2.5, 5, 7.5]);
    expect(niceTicks(3.1, 3.9, 5, { includeZero: false })).toEqual([3, 3.2, 3.4, 3.6, 3.8, 4]);
  });

  it("never prints floating-point noise", () => {
    for (const t of niceTicks(-0.3, 0.7, 8)) expect(String(t).length).toBeLessThan(6);
  });
});
