/** Test helpers: the sklearn fixtures (expected.json + model files) for the linear-family tests. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { readModelFile } from "../../pickle";
import { loadEstimator } from "../index";
import type { Estimator, InputRow, Label } from "../types";

export const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures");

export interface ExpectedShap {
  method: string;
  expected_value: number | number[];
  /** Regressors: values[row][feature]; classifiers: values[row][class][feature]. */
  values: number[][] | number[][][];
}

export interface ExpectedModel {
  dataset: string;
  class: string;
  X: InputRow[];
  predict?: Label[];
  predict_proba?: number[][];
  decision_function?: number[] | number[][];
  transform?: number[][];
  classes?: Label[];
  predict_proba_error?: string;
  shap?: ExpectedShap;
  files: Record<string, string | { pickle: string }>;
}

export const expected = JSON.parse(readFileSync(path.join(FIXTURES, "expected.json"), "utf8")) as {
  sklearn: string;
  background_means: Record<string, number[]>;
  models: Record<string, ExpectedModel>;
};

export const model = (name: string): ExpectedModel => {
  const m = expected.models[name];
  if (!m) throw new Error(`no fixture ${name}`);
  return m;
};

/** [model, format, file] for every single-file format of the named models (the p5oob pair is the reader's business). */
export function fileCases(names: readonly string[]): [string, string, string][] {
  return names.flatMap((name) =>
    Object.entries(model(name).files).flatMap(([fmt, file]): [string, string, string][] => (typeof file === "string" ? [[name, fmt, file]] : [])),
  );
}

const cache = new Map<string, Estimator>();
export function loadFixture(file: string): Estimator {
  const hit = cache.get(file);
  if (hit) return hit;
  const read = readModelFile(readFileSync(path.join(FIXTURES, file)));
  if (!read.ok) throw new Error(`${file}: ${read.error.code}: ${read.error.message}`);
  const loaded = loadEstimator(read.value, read.sklearnVersion ?? null);
  if (!loaded.ok) throw new Error(`${file}: ${loaded.code}: ${loaded.message}`);
  cache.set(file, loaded.estimator);
  return loaded.estimator;
}

/**
 * The largest |a − e| / max(floor, |e|) over two equally shaped arrays. floor 0 is a pure relative
 * error (an expected 0 must be matched exactly); floor 1 is the docs/sklearn-pickles.md §10 form for explanations.
 */
export function maxError(actual: unknown, want: unknown, floor = 0): number {
  if (Array.isArray(want)) {
    expect(Array.isArray(actual)).toBe(true);
    const a = actual as unknown[];
    expect(a.length).toBe(want.length);
    return want.reduce((m: number, w, i) => Math.max(m, maxError(a[i], w, floor)), 0);
  }
  expect(typeof actual).toBe("number");
  const e = want as number;
  const d = Math.abs((actual as number) - e);
  return d === 0 ? 0 : d / Math.max(floor, Math.abs(e));
}

/** Fixture outputs: within tol relative (default 1e-9, pure relative). */
export function expectClose(actual: unknown, want: unknown, tol = 1e-9, floor = 0): void {
  expect(maxError(actual, want, floor)).toBeLessThanOrEqual(tol);
}

/** predict equal; predict_proba, decision_function and transform within tol; missing methods really missing. */
export function checkOutputs(est: Estimator, m: ExpectedModel, tol = 1e-9): void {
  expect(est.className).toBe(m.class);
  expect(est.nFeatures).toBe(m.X[0]!.length);
  if (m.classes) expect(est.classes).toEqual(m.classes);
  // Regression outputs are floats (BLAS may sum in another order); labels must be equal.
  if (est.kind === "regressor") expectClose(est.predict(m.X), m.predict, tol);
  else expect(est.predict(m.X)).toEqual(m.predict);
  if (m.predict_proba) expectClose(est.predictProba?.(m.X), m.predict_proba, tol);
  else expect(est.predictProba).toBeUndefined();
  if (m.decision_function) {
    const got = est.decisionFunction?.(m.X);
    // Binary decision_function is 1-D in sklearn; ours is one column per row.
    const flat = m.decision_function.every((v) => typeof v === "number");
    expectClose(flat ? got?.map((r) => (r.length === 1 ? r[0] : r)) : got, m.decision_function, tol);
  } else expect(est.decisionFunction).toBeUndefined();
  if (m.transform) expectClose(est.transform?.(m.X), m.transform, tol);
}
