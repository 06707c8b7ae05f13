import { describe, expect, it } from "vitest";
import { evaluateThresholds, parseMetrics } from "./thresholds";

describe("modelperformance thresholds", () => {
  it("reads order ≥ 1 as higher-is-better and order ≤ 0 as lower-is-better; every entry must be met", () => {
    const performance = [
      { metric: "Accuracy", order: 1, threshold: 0.89 },
      { metric: "log_loss", order: 0, threshold: "0.4" },
    ];
    expect(evaluateThresholds(performance, { accuracy: 0.9, LogLoss: 0.35 })).toMatchObject({
      met: true,
      checks: [
        { metric: "Accuracy", direction: "higher_is_better", value: 0.9, met: true },
        { metric: "log_loss", direction: "lower_is_better", threshold: 0.4, value: 0.35, met: true },
      ],
    });
    expect(evaluateThresholds(performance, { accuracy: 0.88, log_loss: 0.35 }).met).toBe(false);
    expect(evaluateThresholds(performance, { accuracy: 0.95, log_loss: 0.41 }).met).toBe(false);
    expect(evaluateThresholds([{ metric: "mse", order: -1, threshold: 10 }], { mse: 10 }).met).toBe(true);
  });

  it("does not promote when a metric is missing or the model has no thresholds", () => {
    const missing = evaluateThresholds([{ metric: "r2", order: 1, threshold: 0.3 }], { mae: 40 });
    expect(missing).toMatchObject({ met: false, summary: "r2 not reported ≥ 0.3: not met" });
    expect(evaluateThresholds([], { r2: 0.9 })).toMatchObject({ met: false, checks: [] });
  });

  it("keeps only the finite numbers of metrics.json", () => {
    expect(parseMetrics('{"r2": 0.5, "name": "ridge", "nan": null, "n": 3}')).toEqual({ metrics: { r2: 0.5, n: 3 }, problem: null });
    expect(parseMetrics("[1, 2]").problem).toBe("metrics.json is not a JSON object");
    expect(parseMetrics("{").problem).toMatch(/not valid JSON/);
    expect(parseMetrics(null)).toEqual({ metrics: {}, problem: "no metrics.json" });
  });
});
