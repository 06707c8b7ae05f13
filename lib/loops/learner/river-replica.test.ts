import { describe, expect, it } from "vitest";
import { createLearnerState, learnOne } from ".";
import { resolveSettings } from "../settings";
import { additivityGap, chickWeights } from "../testing/datasets";
import type { LearnerSettings, LoopSpec } from "../types";

/**
 * docs/loops-learner.md §6.1: the River replica (StandardScaler | LinearRegression, SGD 0.01, g = 2(p − y)) on ChickWeights in
 * file order must reproduce River's published figures; the default learner must reach §6.3's goal.
 * Metrics are computed here from the prequential predictions learnOne returns.
 */

function chickSpec(settings: Partial<LearnerSettings>): LoopSpec {
  return {
    task_type: "regression",
    input_schema: { time: "integer", chick: "integer", diet: "integer" },
    output: { name: "weight", type: "integer" },
    settings: resolveSettings(settings),
  };
}

const replica: Partial<LearnerSettings> = {
  optimizer: "sgd",
  learning_rate: 0.01,
  intercept_learning_rate: 0.01,
  l2: 0,
  target_standardization: false,
  squared_loss_gradient: "twice_residual",
};

function regressionMetrics(pairs: { y: number; yHat: number }[]) {
  let abs = 0;
  let sq = 0;
  let mean = 0;
  pairs.forEach((p, i) => {
    abs += Math.abs(p.y - p.yHat);
    sq += (p.y - p.yHat) ** 2;
    mean += (p.y - mean) / (i + 1);
  });
  const sst = pairs.reduce((s, p) => s + (p.y - mean) ** 2, 0);
  return { mae: abs / pairs.length, rmse: Math.sqrt(sq / pairs.length), r2: 1 - sq / sst };
}

function runChick(settings: Partial<LearnerSettings>) {
  const spec = chickSpec(settings);
  const state = createLearnerState(spec);
  const pairs: { y: number; yHat: number }[] = [];
  let worstGap = 0;
  for (const row of chickWeights()) {
    const { prediction, y } = learnOne(spec, state, row);
    pairs.push({ y: y as number, yHat: prediction.value as number });
    worstGap = Math.max(worstGap, additivityGap(prediction.explanation));
  }
  return { ...regressionMetrics(pairs), first: pairs[0]!.yHat, n: pairs.length, worstGap };
}

describe("River replica on ChickWeights (§6.1)", () => {
  it("reproduces MAE 23.7587, RMSE 37.0377, R² 0.72795 with l2 = 0", () => {
    const r = runChick(replica);
    console.info(`River replica, ChickWeights: MAE ${r.mae.toFixed(6)}, RMSE ${r.rmse.toFixed(6)}, R² ${r.r2.toFixed(7)}`);
    expect(r.n).toBe(578);
    expect(r.first).toBe(0);
    expect(Math.abs(r.mae - 23.7587)).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(r.rmse - 37.0377)).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(r.r2 - 0.72795)).toBeLessThanOrEqual(1e-5);
    expect(r.worstGap).toBeLessThanOrEqual(1e-9);
  });

  it("reproduces MAE 25.2738 (RMSE 38.5885, R² 0.7047) with l2 = 1 on the weights", () => {
    const r = runChick({ ...replica, l2: 1 });
    console.info(`River replica l2 = 1: MAE ${r.mae.toFixed(6)}, RMSE ${r.rmse.toFixed(6)}, R² ${r.r2.toFixed(7)}`);
    expect(Math.abs(r.mae - 25.2738)).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(r.rmse - 38.5885)).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(r.r2 - 0.7047)).toBeLessThanOrEqual(1e-4);
  });

  it("has the running-mean baseline at MAE 50.2509", () => {
    let mean = 0;
    const pairs = chickWeights().map((row, i) => {
      const pair = { y: row.weight, yHat: mean };
      mean += (row.weight - mean) / (i + 1);
      return pair;
    });
    const r = regressionMetrics(pairs);
    expect(Math.abs(r.mae - 50.2509)).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(r.rmse - 71.1144)).toBeLessThanOrEqual(1e-4);
  });
});

describe("default learner on ChickWeights (§6.3)", () => {
  it("reaches MAE ≤ 23.11 in file order (reference 22.51)", () => {
    const r = runChick({});
    expect(r.first).toBe(0);
    expect(r.mae).toBeLessThanOrEqual(23.11);
    expect(r.worstGap).toBeLessThanOrEqual(1e-9);
    console.info(`default learner, ChickWeights: MAE ${r.mae.toFixed(4)}, RMSE ${r.rmse.toFixed(4)}, R² ${r.r2.toFixed(5)}`);
  });
});
