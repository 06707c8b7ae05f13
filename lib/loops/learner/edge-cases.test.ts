import { describe, expect, it } from "vitest";
import { createLearnerState, learnOne, predictOne, stateSummary, weightsTable } from ".";
import { resolveSettings } from "../settings";
import { additivityGap } from "../testing/datasets";
import type { LoopSpec } from "../types";

/** docs/loops-learner.md §8 edge cases and the model rules of §2 that the benchmark streams do not pin down. */

const regression: LoopSpec = {
  task_type: "regression",
  input_schema: { x: "float", color: "string" },
  output: { name: "y", type: "float" },
  settings: resolveSettings({}),
};
const multiclass: LoopSpec = { ...regression, task_type: "classification", output: { name: "y", type: "string" } };
const binary: LoopSpec = { ...regression, task_type: "classification", output: { name: "y", type: "boolean" } };

describe("first predictions and warm-up", () => {
  it("a fresh regression loop predicts 0, then the running mean plus the model", () => {
    const state = createLearnerState(regression);
    const first = learnOne(regression, state, { x: 1, color: "red", y: 10 }).prediction;
    expect(first.value).toBe(0);
    expect(first.explanation).toMatchObject({ baseline: 0, margin: 0, other: 0, status: "warming_up", n_seen: 0, units: "target" });
    // n_y = 1: σ_y = 0, so ŷ = μ_y + m, and the model was trained on ỹ = 0 (nothing to learn yet).
    expect(predictOne(regression, state, { x: 1, color: "red" }).value).toBe(10);
  });

  it("classification before any label: null, no probabilities, warming_up", () => {
    const state = createLearnerState(multiclass);
    const p = predictOne(multiclass, state, { x: 3, color: "blue" });
    expect(p.value).toBeNull();
    expect(p.probabilities).toEqual({});
    expect(p.explanation).toMatchObject({ status: "warming_up", baseline: 0, margin: 0, units: "centred_logit" });
    expect(learnOne(multiclass, state, { x: 3, y: "cat" }).prediction.value).toBeNull();
    // One class known: it is predicted with probability 1, and centred logits are all 0.
    const after = predictOne(multiclass, state, { x: 3 });
    expect(after.value).toBe("cat");
    expect(after.probabilities).toEqual({ cat: 1 });
    expect(after.explanation.margin).toBe(0);
  });

  it("a boolean output always has both classes; p = 0.5 predicts true", () => {
    const state = createLearnerState(binary);
    expect(state.classes).toEqual([false, true]);
    const p = predictOne(binary, state, {});
    expect(p).toMatchObject({ value: true, probabilities: { false: 0.5, true: 0.5 } });
    expect(p.explanation.units).toBe("log_odds");
    learnOne(binary, state, { x: 1, y: false });
    expect(predictOne(binary, state, { x: 1 }).value).toBe(false);
  });

  it("warming_up below 10 examples, and while a present numeric input has σ = 0", () => {
    const state = createLearnerState(regression);
    for (let i = 0; i < 9; i++) learnOne(regression, state, { x: i, color: "red", y: i });
    expect(predictOne(regression, state, { x: 1 }).explanation.status).toBe("warming_up");
    learnOne(regression, state, { x: 3, y: 1 });
    expect(predictOne(regression, state, { x: 1 }).explanation).toMatchObject({ status: "ok", n_seen: 10 });
    expect(predictOne(regression, state, {}).explanation.status).toBe("ok");

    const constant = createLearnerState(regression);
    for (let i = 0; i < 12; i++) learnOne(regression, constant, { x: 5, y: i });
    expect(predictOne(regression, constant, { x: 5 }).explanation.status).toBe("warming_up");
    expect(predictOne(regression, constant, { color: "red" }).explanation.status).toBe("ok"); // x absent
  });
});

describe("classes", () => {
  it("keep their JSON type, are appended in first-seen order, and ties go to the first", () => {
    const ints: LoopSpec = { ...multiclass, output: { name: "y", type: "integer" } };
    const state = createLearnerState(ints);
    learnOne(ints, state, { y: 2 });
    learnOne(ints, state, { y: 0 });
    expect(state.classes).toEqual([2, 0]);
    expect(stateSummary(state).classes).toEqual([2, 0]);
    // No inputs at all: only the intercepts differ. Make them tie by symmetry on a fresh state.
    const fresh = createLearnerState(ints);
    fresh.classes.push(7, 3);
    fresh.weights.push([], []);
    fresh.weights_g2.push([], []);
    fresh.bias.push(0, 0);
    fresh.bias_g2.push(0, 0);
    const p = predictOne(ints, fresh, {});
    expect(p.value).toBe(7);
    expect(p.probabilities).toEqual({ "7": 0.5, "3": 0.5 });
  });

  it("a new class gets a zero row and every known class is stepped (g_k = p_k − [k = y])", () => {
    const state = createLearnerState(multiclass);
    learnOne(multiclass, state, { x: 1, y: "a" });
    learnOne(multiclass, state, { x: 2, y: "b" });
    expect(state.weights).toHaveLength(2);
    expect(state.weights.every((row) => row.length === state.n_columns)).toBe(true);
    // First example: one class, p = 1, g = 0. Second: p = (½, ½), so row "a" is stepped down and "b" up.
    expect(state.bias[0]!).toBeLessThan(0);
    expect(state.bias[1]!).toBeGreaterThan(0);
  });
});

describe("optimizer arithmetic", () => {
  it("AdaGrad: G += g², w −= lr·g/√(G + ε), intercept separately, on the first step", () => {
    const spec: LoopSpec = { task_type: "classification", input_schema: { x: "float" }, output: { name: "y", type: "boolean" }, settings: resolveSettings({}) };
    const state = createLearnerState(spec);
    learnOne(spec, state, { x: 3, y: true }); // σ_x = 0 after one value: z = 0
    learnOne(spec, state, { x: 5, y: false }); // μ = 4, σ = 1 → z = 1
    // Replay by hand.
    let b = 0;
    let gb = 0;
    let w = 0;
    let gw = 0;
    const sig = (m: number) => 1 / (1 + Math.exp(-m));
    let g = sig(b) - 1;
    gb += g * g;
    b -= (0.1 * g) / Math.sqrt(gb + 1e-8);
    g = sig(b + w * 1) - 0;
    gw += g * g;
    w -= (0.1 * g) / Math.sqrt(gw + 1e-8);
    gb += g * g;
    b -= (0.1 * g) / Math.sqrt(gb + 1e-8);
    expect(state.bias[0]).toBe(b);
    expect(state.weights[0]![0]).toBe(w);
    expect(state.weights_g2[0]![0]).toBe(gw);
  });

  it("SGD with l2: w ← w − lr·(g·x + l2·w), b ← b − ilr·g; twice_residual doubles the gradient", () => {
    const spec: LoopSpec = {
      task_type: "regression",
      input_schema: { x: "float" },
      output: { name: "y", type: "float" },
      settings: resolveSettings({ optimizer: "sgd", learning_rate: 0.05, intercept_learning_rate: 0.02, l2: 0.5, target_standardization: false, squared_loss_gradient: "twice_residual" }),
    };
    const state = createLearnerState(spec);
    learnOne(spec, state, { x: 0, y: 4 });
    learnOne(spec, state, { x: 2, y: 6 });
    let b = 0;
    let w = 0;
    let g = 2 * (b - 4); // z = 0 on the first example
    b -= 0.02 * g;
    w -= 0.05 * (g * 0 + 0.5 * w);
    g = 2 * (b + w * 1 - 6); // μ = 1, σ = 1 → z = 1
    w -= 0.05 * (g * 1 + 0.5 * w);
    b -= 0.02 * g;
    expect(state.bias[0]).toBe(b);
    expect(state.weights[0]![0]).toBe(w);
    expect(predictOne(spec, state, { x: 1 }).value).toBe(b); // no target standardisation: ŷ = m
  });

  it("a margin beyond ±35 is clamped for the probability but explained unclamped", () => {
    const state = createLearnerState(binary);
    state.bias[0] = 80;
    const p = predictOne(binary, state, {});
    expect(p.probabilities!.true).toBe(1 / (1 + Math.exp(-35)));
    expect(p.explanation.margin).toBe(80);
    expect(additivityGap(p.explanation)).toBe(0);
  });
});

describe("missing values and unseen categories", () => {
  it("missing numbers are mean-imputed and not added to the stats; unseen values have weight 0", () => {
    const state = createLearnerState(regression);
    for (let i = 0; i < 20; i++) learnOne(regression, state, { x: i % 2 ? i : null, color: i % 3 ? "red" : "blue", y: i });
    const x = weightsTable(regression, state).find((r) => r.feature === "x")!;
    expect(x.mean).toBe(10); // 1, 3, …, 19 only
    const p = predictOne(regression, state, { color: "green" }, { topK: 100 });
    const byName = Object.fromEntries(p.explanation.top_contributors.map((c) => [c.feature, c]));
    expect(byName.x).toMatchObject({ value: null, contribution: 0 });
    expect(byName.color).toMatchObject({ value: "green", unseen: true, weight: 0 });
    expect(byName.color!.contribution).not.toBe(0); // −Σ p·w
    expect(additivityGap(p.explanation)).toBeLessThanOrEqual(1e-9);
  });

  it("explanation numbers stay finite on extreme inputs", () => {
    const state = createLearnerState(regression);
    for (let i = 0; i < 30; i++) learnOne(regression, state, { x: i, y: 1e6 * i });
    const p = predictOne(regression, state, { x: 1e100 }, { topK: 100 });
    for (const n of [p.value as number, p.explanation.baseline, p.explanation.margin, ...p.explanation.top_contributors.map((c) => c.contribution)]) {
      expect(Number.isFinite(n)).toBe(true);
    }
  });
});
