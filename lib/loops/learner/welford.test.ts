import { describe, expect, it } from "vitest";
import { addObservation, emptyStats, populationStd, standardize } from "./welford";

describe("Welford running stats", () => {
  it("track mean and population variance; z = 0 while σ = 0; optional clip", () => {
    const s = emptyStats();
    expect(standardize(s, 5, null)).toBe(0);
    addObservation(s, 5);
    expect(populationStd(s)).toBe(0);
    expect(standardize(s, 9, null)).toBe(0);
    for (const x of [7, 9, 3]) addObservation(s, x);
    expect(s.mean).toBe(6);
    expect(populationStd(s)).toBeCloseTo(Math.sqrt(5), 14);
    expect(standardize(s, 6 + Math.sqrt(5), null)).toBeCloseTo(1, 14);
    expect(standardize(s, 1e6, 5)).toBe(5);
    expect(standardize(s, -1e6, 5)).toBe(-5);
  });
});
