import { describe, expect, it } from "vitest";
import { mulberry32 as rng } from "../testing/datasets";
import { classificationMetrics, createClassificationMetrics, updateClassificationMetrics } from "./classification";
import { logLossOf as logLoss } from "./log-loss";
import { createRegressionMetrics, regressionMetrics, updateRegressionMetrics } from "./regression";

const roundTrip = <T>(state: T): T => JSON.parse(JSON.stringify(state)) as T;

describe("log-loss", () => {
  it("clips p to [1e-15, 1 − 1e-15]", () => {
    expect(logLoss(0.5)).toBeCloseTo(Math.LN2, 15);
    expect(logLoss(0)).toBe(-Math.log(1e-15));
    expect(logLoss(0)).toBeCloseTo(34.538776394910684, 12);
    expect(logLoss(1)).toBe(-Math.log(1 - 1e-15));
    expect(logLoss(1)).toBeGreaterThan(0);
  });
});

describe("classification metrics", () => {
  // (actual, predicted, probability of the actual class)
  const examples: [string, string | null, number | null][] = [
    ["a", "a", 0.8],
    ["b", "a", 0.3],
    ["b", "b", 0.6],
    ["c", null, 0], // unseen class, no prediction: worst log-loss, a false negative only
    ["a", "b", null], // no probabilities: not part of the log-loss
  ];

  it("matches a hand computation, cumulative and over a window of 3", () => {
    const state = createClassificationMetrics([3]);
    examples.slice(0, 3).forEach(([y, p, q]) => updateClassificationMetrics(state, y, p, q));
    expect(classificationMetrics(state, 3)).toEqual(classificationMetrics(state));
    examples.slice(3).forEach(([y, p, q]) => updateClassificationMetrics(state, y, p, q));

    const cumulative = classificationMetrics(state);
    expect(cumulative.n).toBe(5);
    expect(cumulative.accuracy).toBe(2 / 5);
    expect(cumulative.log_loss).toBeCloseTo((-Math.log(0.8) - Math.log(0.3) - Math.log(0.6) + 34.538776394910684) / 4, 12);
    // F1: a = 2·1/(2 + 1 + 1) = 0.5, b = 0.5, c = 0 → macro 1/3.
    expect(cumulative.macro_f1).toBeCloseTo(1 / 3, 15);

    // Window = examples 3–5. Present classes: b (tp 1, fp 1) → 2/3; c (fn 1) → 0; a (fn 1) → 0.
    const rolling = classificationMetrics(state, 3);
    expect(rolling.n).toBe(3);
    expect(rolling.accuracy).toBe(1 / 3);
    expect(rolling.log_loss).toBeCloseTo((-Math.log(0.6) + 34.538776394910684) / 2, 12);
    expect(rolling.macro_f1).toBeCloseTo(2 / 9, 15);
  });

  it("counts only the classes present in the window for macro-F1", () => {
    const state = createClassificationMetrics([2]);
    for (const y of ["x", "x", "y", "y", "z", "z"]) updateClassificationMetrics(state, y, y, 1);
    expect(classificationMetrics(state, 2)).toMatchObject({ n: 2, accuracy: 1, macro_f1: 1 });
    expect(classificationMetrics(state).macro_f1).toBe(1);
    expect(state.windows[0]!.metrics.macro_f1).toEqual({ tp: [0, 0, 2], fp: [0, 0, 0], fn: [0, 0, 0] });
  });

  it("is empty (nulls) before any example", () => {
    const state = createClassificationMetrics();
    for (const window of [undefined, 200]) {
      for (const [name, value] of Object.entries(classificationMetrics(state, window))) expect(value, name).toBe(name === "n" ? 0 : null);
    }
    expect(() => classificationMetrics(state, 7)).toThrow(RangeError);
  });

  it("rolling windows equal a recomputation over the last k examples, through ring wrap-around", () => {
    const random = rng(7);
    const labels = ["r", "g", "b", "k"];
    const stream: [string, string | null, number | null][] = [];
    const state = createClassificationMetrics([7, 20]);
    for (let i = 0; i < 300; i++) {
      const y = labels[Math.floor(random() * (i < 150 ? 3 : 4))]!;
      const u = random();
      const p = u < 0.1 ? null : u < 0.6 ? y : labels[Math.floor(random() * 4)]!;
      const q = random() < 0.2 ? null : random();
      stream.push([y, p, q]);
      updateClassificationMetrics(state, y, p, q);
      for (const k of [7, 20]) {
        const last = stream.slice(-k);
        const fresh = createClassificationMetrics([k]);
        last.forEach(([a, b, c]) => updateClassificationMetrics(fresh, a, b, c));
        const expected = classificationMetrics(fresh);
        const actual = classificationMetrics(state, k);
        expect(actual.n).toBe(expected.n);
        expect(actual.accuracy).toBe(expected.accuracy);
        expect(actual.macro_f1).toBeCloseTo(expected.macro_f1!, 12);
        if (expected.log_loss === null) expect(actual.log_loss).toBeNull();
        else expect(actual.log_loss).toBeCloseTo(expected.log_loss!, 10);
      }
    }
    expect(state.true_class).toHaveLength(20);
  });

  it("round-trips through JSON mid-stream", () => {
    const a = createClassificationMetrics([3]);
    examples.slice(0, 2).forEach(([y, p, q]) => updateClassificationMetrics(a, y, p, q));
    const b = roundTrip(a);
    for (const s of [a, b]) examples.slice(2).forEach(([y, p, q]) => updateClassificationMetrics(s, y, p, q));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(classificationMetrics(b, 3)).toEqual(classificationMetrics(a, 3));
  });
});

describe("regression metrics", () => {
  it("matches a hand computation, cumulative and over a window of 2", () => {
    const state = createRegressionMetrics([2]);
    updateRegressionMetrics(state, 3, 2);
    expect(regressionMetrics(state)).toMatchObject({ n: 1, mae: 1, rmse: 1, r2: null }); // SST = 0
    updateRegressionMetrics(state, 5, 5);
    updateRegressionMetrics(state, 7, 10);
    // Residuals 1, 0, −3; targets 3, 5, 7 (mean 5, SST 8).
    const cumulative = regressionMetrics(state);
    expect(cumulative.mae).toBeCloseTo(4 / 3, 15);
    expect(cumulative.rmse).toBeCloseTo(Math.sqrt(10 / 3), 15);
    expect(cumulative.r2).toBeCloseTo(1 - 10 / 8, 15);
    // Window = examples 2–3: residuals 0, −3; targets 5, 7 (mean 6, SST 2).
    const rolling = regressionMetrics(state, 2);
    expect(rolling.n).toBe(2);
    expect(rolling.mae).toBeCloseTo(1.5, 15);
    expect(rolling.rmse).toBeCloseTo(Math.sqrt(9 / 2), 15);
    expect(rolling.r2).toBeCloseTo(1 - 9 / 2, 15);
  });

  it("rolling windows equal a recomputation over the last k examples, far from zero", () => {
    const random = rng(11);
    const stream: [number, number][] = [];
    const state = createRegressionMetrics([5, 13]);
    for (let i = 0; i < 400; i++) {
      const y = 1e6 + (i < 200 ? 1 : 50) * random();
      const p = y + (random() - 0.5) * 3;
      stream.push([y, p]);
      updateRegressionMetrics(state, y, p);
      for (const k of [5, 13]) {
        const last = stream.slice(-k);
        const mean = last.reduce((a, [y]) => a + y, 0) / last.length;
        const sst = last.reduce((a, [y]) => a + (y - mean) ** 2, 0);
        const sse = last.reduce((a, [y, p]) => a + (y - p) ** 2, 0);
        const mae = last.reduce((a, [y, p]) => a + Math.abs(y - p), 0) / last.length;
        const actual = regressionMetrics(state, k);
        expect(actual.n).toBe(last.length);
        expect(actual.mae).toBeCloseTo(mae, 9);
        expect(actual.rmse).toBeCloseTo(Math.sqrt(sse / last.length), 9);
        if (last.length > 1) expect(actual.r2).toBeCloseTo(1 - sse / sst, 6);
      }
    }
  });

  it("keeps a constant-target window at SST = 0 (R² null) after old values leave it", () => {
    const state = createRegressionMetrics([3]);
    for (const y of [1, 2, 4, 5, 5, 5]) updateRegressionMetrics(state, y, 0);
    expect(regressionMetrics(state, 3)).toMatchObject({ n: 3, mae: 5, rmse: 5, r2: null });
  });

  it("round-trips through JSON mid-stream", () => {
    const a = createRegressionMetrics([4]);
    [1.5, 2.25, 3.125].forEach((y) => updateRegressionMetrics(a, y, y / 3));
    const b = roundTrip(a);
    for (const s of [a, b]) [7.1, 0.3, 9.9, 4.4].forEach((y) => updateRegressionMetrics(s, y, 2));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
