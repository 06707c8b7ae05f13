import { describe, expect, it } from "vitest";
import { mulberry32 } from "../testing/datasets";
import { classificationMetrics, completeClassificationMetrics, createClassificationMetrics, updateClassificationMetrics } from "./classification";
import { completeRegressionMetrics, createRegressionMetrics, regressionMetrics, updateRegressionMetrics } from "./regression";
import { CLASSIFICATION_METRICS, describeMetrics, REGRESSION_METRICS } from "./registry";

/** Every registered metric, whatever it computes, behaves in the rolling helper: these run on each. */

function classificationStream(n: number, seed: number): [string, string | null, number | null][] {
  const random = mulberry32(seed);
  const labels = ["r", "g", "b", "k"];
  return Array.from({ length: n }, (_, i) => {
    const y = labels[Math.floor(random() * (i < n / 2 ? 3 : 4))]!;
    const u = random();
    return [y, u < 0.1 ? null : u < 0.6 ? y : labels[Math.floor(random() * 4)]!, random() < 0.2 ? null : random()];
  });
}

function regressionStream(n: number, seed: number): [number, number][] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const y = 1000 + random() * 50;
    return [y, y + (random() - 0.5) * 20];
  });
}

const close = (a: number | null | undefined, b: number | null | undefined) => (a === null || b === null ? expect(a).toBe(b) : expect(a).toBeCloseTo(b!, 9));

describe("the rolling helper, for every registered metric", () => {
  it.each(CLASSIFICATION_METRICS.map((m) => [m.name]))("classification %s: a window equals the metric over its last examples, through the ring's wrap-around", (name) => {
    const stream = classificationStream(400, 3);
    const state = createClassificationMetrics([7, 50]);
    stream.forEach(([y, p, q], i) => {
      updateClassificationMetrics(state, y, p, q);
      for (const k of [7, 50]) {
        const fresh = createClassificationMetrics([k]);
        for (const [a, b, c] of stream.slice(Math.max(0, i + 1 - k), i + 1)) updateClassificationMetrics(fresh, a, b, c);
        close(classificationMetrics(state, k)[name], classificationMetrics(fresh)[name]);
      }
    });
  });

  it.each(REGRESSION_METRICS.map((m) => [m.name]))("regression %s: a window equals the metric over its last examples, far from zero", (name) => {
    const stream = regressionStream(400, 4);
    const state = createRegressionMetrics([7, 50]);
    stream.forEach(([y, p], i) => {
      updateRegressionMetrics(state, y, p);
      for (const k of [7, 50]) {
        const fresh = createRegressionMetrics([k]);
        for (const [a, b] of stream.slice(Math.max(0, i + 1 - k), i + 1)) updateRegressionMetrics(fresh, a, b);
        close(regressionMetrics(state, k)[name], regressionMetrics(fresh)[name]);
      }
    });
  });

  it("builds a metric a stored state has no state of (one added to the registry later) from the examples it keeps", () => {
    const classification = createClassificationMetrics([7, 50]);
    for (const [y, p, q] of classificationStream(40, 5)) updateClassificationMetrics(classification, y, p, q);
    const regression = createRegressionMetrics([7, 50]);
    for (const [y, p] of regressionStream(40, 6)) updateRegressionMetrics(regression, y, p);
    for (const [state, metrics, complete, values] of [
      [classification, CLASSIFICATION_METRICS, completeClassificationMetrics, classificationMetrics],
      [regression, REGRESSION_METRICS, completeRegressionMetrics, regressionMetrics],
    ] as const) {
      const before = [undefined, 7, 50].map((w) => values(state as never, w));
      for (const { name } of metrics) {
        delete state.cumulative[name];
        for (const w of state.windows) delete w.metrics[name];
      }
      complete(state as never);
      // All 40 examples are still in the ring (its length is 50): every value comes back.
      [undefined, 7, 50].forEach((w, i) => {
        const after = values(state as never, w);
        for (const { name } of metrics) close(after[name], before[i]![name]);
      });
    }
  });

  it("describes each metric for clients and the loop page", () => {
    // The specification's metrics come first; a metric added later follows them.
    expect(describeMetrics("classification").map((m) => m.name).slice(0, 3)).toEqual(["accuracy", "log_loss", "macro_f1"]);
    expect(describeMetrics("regression").slice(0, 3)).toEqual([
      { name: "mae", label: "MAE", better: "lower" },
      { name: "rmse", label: "RMSE", better: "lower" },
      { name: "r2", label: "R²", better: "higher" },
    ]);
  });
});
