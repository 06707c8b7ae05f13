import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  createLastClass,
  createMajorityClass,
  createRunningMean,
  lastClassLearn,
  lastClassPredict,
  majorityClassLearn,
  majorityClassPredict,
  majorityClassProbability,
  runningMeanLearn,
  runningMeanPredict,
} from "./baselines";
import { createRegressionMetrics, regressionMetrics, updateRegressionMetrics } from "./metrics/regression";

describe("baselines", () => {
  it("majority class: most frequent so far, ties to the first seen, prior probabilities", () => {
    const state = createMajorityClass();
    expect(majorityClassPredict(state)).toBeNull();
    expect(majorityClassProbability(state, "a")).toBe(0);
    ["b", "a", "a", "b"].forEach((y) => majorityClassLearn(state, y));
    expect(majorityClassPredict(state)).toBe("b");
    majorityClassLearn(state, "a");
    expect(majorityClassPredict(state)).toBe("a");
    expect(majorityClassProbability(state, "a")).toBe(3 / 5);
    expect(majorityClassProbability(state, "zzz")).toBe(0);
  });

  it("last class and running mean (0 before the first target)", () => {
    const last = createLastClass();
    expect(lastClassPredict(last)).toBeNull();
    lastClassLearn(last, "q");
    expect(lastClassPredict(last)).toBe("q");
    const mean = createRunningMean();
    expect(runningMeanPredict(mean)).toBe(0);
    [2, 4, 9].forEach((y) => runningMeanLearn(mean, y));
    expect(runningMeanPredict(mean)).toBe(5);
  });

  it("reproduces River's running-mean row on ChickWeights, file order (docs/loops-learner.md §6.1)", () => {
    const rows = readFileSync(path.join(import.meta.dirname, "testdata", "chick-weights.csv"), "utf8").trim().split("\n").slice(1);
    expect(rows).toHaveLength(578);
    const mean = createRunningMean();
    const metrics = createRegressionMetrics();
    for (const row of rows) {
      const y = Number(row.split(",")[0]);
      updateRegressionMetrics(metrics, y, runningMeanPredict(mean));
      runningMeanLearn(mean, y);
    }
    const m = regressionMetrics(metrics);
    expect(Math.abs(m.mae! - 50.2509)).toBeLessThan(1e-4);
    expect(Math.abs(m.rmse! - 71.1144)).toBeLessThan(1e-4);
    expect(Math.abs(m.r2! - -0.0029)).toBeLessThan(5e-5);
  });
});
