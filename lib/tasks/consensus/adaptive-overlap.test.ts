import { describe, expect, it } from "vitest";
import { consensusModel, decideAdaptive, posteriorOf, type ConsensusModel } from "./adaptive-overlap";
import { dawidSkene } from "./dawid-skene";

// Two classes, even priors. "good" is right 90% of the time; "spam" answers 0 whatever the truth.
const MODEL: ConsensusModel = {
  classes: 3,
  priors: [0.5, 0.5, 0],
  confusion: {
    good: [[0.9, 0.1, 0], [0.1, 0.9, 0], [0.5, 0.5, 0]],
    good2: [[0.9, 0.1, 0], [0.1, 0.9, 0], [0.5, 0.5, 0]],
    spam: [[1, 0, 0], [1, 0, 0], [1, 0, 0]],
  },
  fallback: [[0.6, 0.4, 0], [0.4, 0.6, 0], [0.5, 0.5, 0]],
};
const settings = { minConfidence: 0.95, maxCrunchers: 3 };
const a = (cruncherId: string, label: number) => ({ cruncherId, label });

describe("decideAdaptive", () => {
  it("asks one more while the posterior is below min_confidence, and completes once it reaches it", () => {
    // One good "0": 0.5·0.9 / (0.5·0.9 + 0.5·0.1) = 0.9 < 0.95.
    expect(decideAdaptive(MODEL, 2, [a("good", 0)], settings)).toMatchObject({ state: "pending", label: 0, confidence: expect.closeTo(0.9, 12) });
    // Two: 0.81 / (0.81 + 0.01) = 81/82 ≈ 0.988 ≥ 0.95.
    expect(decideAdaptive(MODEL, 2, [a("good", 0), a("good2", 0)], settings)).toMatchObject({ state: "complete", label: 0, confidence: expect.closeTo(81 / 82, 12) });
    // One good answer is enough when less is asked: 0.9 ≥ 0.85.
    expect(decideAdaptive(MODEL, 2, [a("good", 1)], { minConfidence: 0.85, maxCrunchers: 3 })).toMatchObject({ state: "complete", label: 1 });
  });

  it("never completes on the priors alone", () => {
    const lopsided = { ...MODEL, priors: [0.99, 0.01, 0] };
    expect(decideAdaptive(lopsided, 2, [], settings)).toMatchObject({ state: "pending", label: 0, confidence: 0.99 });
  });

  it("completes with response null once max_crunchers answered without reaching it", () => {
    const split = [a("good", 0), a("good2", 1)];
    expect(decideAdaptive(MODEL, 2, split, settings).state).toBe("pending");
    expect(decideAdaptive(MODEL, 2, split, { ...settings, maxCrunchers: 2 })).toMatchObject({ state: "no_agreement", response: null, confidence: 0.5 });
  });

  it("a spammer's answer carries no weight; a newcomer counts as the crowd's average", () => {
    expect(posteriorOf(MODEL, 2, [a("spam", 0)])).toEqual([0.5, 0.5]);
    expect(posteriorOf(MODEL, 2, [a("good", 1), a("spam", 0)])).toEqual(posteriorOf(MODEL, 2, [a("good", 1)]));
    expect(posteriorOf(MODEL, 2, [a("newcomer", 0)])[0]).toBeCloseTo(0.6, 12);
  });

  it("counts a cruncher once and only the first max_crunchers crunchers", () => {
    expect(posteriorOf(MODEL, 2, [a("good", 0), a("good", 0)])[0]).toBeCloseTo(0.9, 12);
    const late = decideAdaptive(MODEL, 2, [a("good", 0), a("spam", 0), a("good2", 0)], { minConfidence: 0.95, maxCrunchers: 2 });
    expect(late).toMatchObject({ state: "no_agreement", confidence: expect.closeTo(0.9, 12) });
  });

  it("refuses labels beyond the request's choices and bad settings", () => {
    expect(() => posteriorOf(MODEL, 2, [a("good", 2)])).toThrow(RangeError);
    expect(() => posteriorOf(MODEL, 4, [])).toThrow(RangeError);
    expect(() => decideAdaptive(MODEL, 2, [], { minConfidence: 0, maxCrunchers: 3 })).toThrow(RangeError);
  });
});

describe("consensusModel", () => {
  it("takes a fit's priors and matrices, and the answer-weighted mean matrix for crunchers it has not seen", () => {
    const fit = dawidSkene({
      classes: 2,
      answers: [
        { item: "x", worker: "A", label: 0 },
        { item: "y", worker: "A", label: 1 },
        { item: "x", worker: "B", label: 0 },
      ],
    });
    const model = consensusModel(fit);
    expect(model.priors).toEqual(fit.priors);
    expect(model.confusion.A).toEqual(fit.workers[0]!.confusion);
    const [wa, wb] = fit.workers;
    expect(model.fallback[1]![0]).toBeCloseTo((2 * wa!.confusion[1]![0]! + wb!.confusion[1]![0]!) / 3, 12);
    expect(consensusModel(dawidSkene({ classes: 2, answers: [] })).fallback).toEqual([[0.5, 0.5], [0.5, 0.5]]);
  });
});
