import { describe, expect, it } from "vitest";
import { createLearnerState, learnOne } from ".";
import { resolveSettings } from "../settings";
import { additivityGap, seededShuffle, sklearnSet, type LabelledSet } from "../testing/datasets";
import type { FieldType, LoopSpec } from "../types";

/**
 * docs/loops-learner.md §6.3 sanity: prequential accuracy of the default learner on three seeded permutations of each data
 * set. The reference permutations are not ours, so the bars sit a little below the reference figures
 * (breast_cancer 0.963, wine 0.949, iris 0.802). Additivity is checked on every prediction on the way.
 */

const SEEDS = [1, 2, 3];

function spec(set: LabelledSet, outputType: FieldType): LoopSpec {
  return {
    task_type: "classification",
    input_schema: Object.fromEntries(set.featureNames.map((f) => [f, "float" as FieldType])),
    output: { name: "label", type: outputType },
    settings: resolveSettings({}),
  };
}

function prequentialAccuracy(set: LabelledSet, outputType: FieldType, label: (i: number) => unknown, seed: number) {
  const s = spec(set, outputType);
  const state = createLearnerState(s);
  let correct = 0;
  let worstGap = 0;
  const rows = seededShuffle(set.rows, seed);
  for (const r of rows) {
    const row: Record<string, unknown> = Object.fromEntries(set.featureNames.map((f, i) => [f, r.x[i]]));
    row.label = label(r.label);
    const { prediction, y } = learnOne(s, state, row);
    if (prediction.value === y) correct++;
    worstGap = Math.max(worstGap, additivityGap(prediction.explanation));
  }
  return { accuracy: correct / rows.length, worstGap };
}

function averaged(set: LabelledSet, outputType: FieldType, label: (i: number) => unknown) {
  const runs = SEEDS.map((seed) => prequentialAccuracy(set, outputType, label, seed));
  return { accuracy: runs.reduce((s, r) => s + r.accuracy, 0) / runs.length, worstGap: Math.max(...runs.map((r) => r.worstGap)) };
}

describe("default learner accuracy (§6.3, 3 seeded shuffles)", () => {
  const cancer = sklearnSet("breast_cancer.csv");
  const wine = sklearnSet("wine_data.csv");
  const iris = sklearnSet("iris.csv");

  it("breast_cancer as a boolean output (logistic): ≈ 0.96", () => {
    const r = averaged(cancer, "boolean", (i) => i === 1);
    console.info(`breast_cancer (boolean): accuracy ${r.accuracy.toFixed(4)}`);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.93);
    expect(r.worstGap).toBeLessThanOrEqual(1e-9);
  });

  it("breast_cancer as string classes (two-class softmax): ≈ 0.96", () => {
    const r = averaged(cancer, "string", (i) => cancer.classNames[i]);
    console.info(`breast_cancer (string): accuracy ${r.accuracy.toFixed(4)}`);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.93);
    expect(r.worstGap).toBeLessThanOrEqual(1e-9);
  });

  it("wine as string classes: ≈ 0.95", () => {
    const r = averaged(wine, "string", (i) => wine.classNames[i]);
    console.info(`wine (string): accuracy ${r.accuracy.toFixed(4)}`);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(r.worstGap).toBeLessThanOrEqual(1e-9);
  });

  it("iris as integer classes: ≈ 0.80", () => {
    const r = averaged(iris, "integer", (i) => i);
    console.info(`iris (integer): accuracy ${r.accuracy.toFixed(4)}`);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.7);
    expect(r.worstGap).toBeLessThanOrEqual(1e-9);
  });
});
