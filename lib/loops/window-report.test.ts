import { describe, expect, it } from "vitest";
import { createClassificationMetrics, updateClassificationMetrics } from "./metrics/classification";
import { createRegressionMetrics, updateRegressionMetrics } from "./metrics/regression";
import { confusionReport, CONFUSION_CLASSES, OTHER_CLASS, residualReport } from "./window-report";

describe("the window report", () => {
  it("counts true against predicted classes over the window, with per-class precision and recall", () => {
    const state = createClassificationMetrics([4]);
    updateClassificationMetrics(state, "spam", null, null); // no prediction yet; leaves the ring later
    for (const [actual, predicted] of [["spam", "spam"], ["ham", "spam"], ["ham", "ham"], ["spam", null]] as const) updateClassificationMetrics(state, actual, predicted, null);
    const report = confusionReport(state);
    expect(report.examples).toBe(4);
    expect(report.unpredicted).toBe(1);
    expect(report.classes).toEqual(["spam", "ham"]); // by frequency as truth, then first seen
    expect(report.counts).toEqual([[1, 0], [1, 1]]);
    expect(report.perClass).toEqual([
      { class: "spam", support: 1, precision: 0.5, recall: 1, f1: 2 / 3 },
      { class: "ham", support: 2, precision: 1, recall: 0.5, f1: 2 / 3 },
    ]);
  });

  it("pools rare classes so the matrix stays small", () => {
    const state = createClassificationMetrics([1000]);
    for (let c = 0; c < 40; c++) for (let k = 0; k <= 40 - c; k++) updateClassificationMetrics(state, `c${c}`, `c${c}`, null);
    const report = confusionReport(state);
    expect(report.classes).toHaveLength(CONFUSION_CLASSES);
    expect(report.classes.at(-1)).toBe(OTHER_CLASS);
    expect(report.counts.flat().reduce((a, b) => a + b, 0)).toBe(report.examples);
  });

  it("gives a regression's newest predictions and residuals", () => {
    const state = createRegressionMetrics([3]);
    for (const [y, p] of [[1, 2], [3, 3], [5, 4], [7, 9]]) updateRegressionMetrics(state, y!, p!);
    expect(residualReport(state)).toEqual({ kind: "regression", examples: 3, points: [{ predicted: 3, residual: 0 }, { predicted: 4, residual: 1 }, { predicted: 9, residual: -2 }] });
  });
});
