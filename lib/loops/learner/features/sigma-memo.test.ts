import { describe, expect, it } from "vitest";
import { addObservation, emptyStats, populationStd } from "../welford";
import { SigmaMemo } from "./sigma-memo";

describe("SigmaMemo", () => {
  it("answers populationStd bit for bit, recomputing whenever n or M2 changed", () => {
    const memo = new SigmaMemo(2);
    const a = emptyStats();
    const b = emptyStats();
    expect(memo.of(0, a)).toBe(0);
    for (const x of [3.5, -1.25, 7, 7, 1e-9, 42.125]) {
      addObservation(a, x);
      addObservation(b, x * 3);
      expect(memo.of(0, a)).toBe(populationStd(a));
      expect(memo.of(0, a)).toBe(populationStd(a)); // the remembered value
      expect(memo.of(1, b)).toBe(populationStd(b));
    }
    // Another stats object with other numbers at the same position is recomputed, not confused.
    expect(memo.of(0, b)).toBe(populationStd(b));
    expect(memo.of(0, { n: 0, mean: 0, m2: 0 })).toBe(0);
  });
});
