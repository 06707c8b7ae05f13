/** Shared by the tree-family tests: fixture loading and a brute-force Shapley reference. Not used at run time. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { readModelFile, type PyValue } from "../../pickle";
import type { Estimator, EstimatorEntry, Label, LoaderContext } from "../types";
import type { FlatTree } from "./flat-tree";
import { forests } from "./forest";
import { gradientBoosting } from "./gradient-boosting";
import { histGradientBoosting } from "./hist-gradient-boosting";
import { decisionTrees } from "./tree";

export const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures");

export interface FixtureModel {
  dataset: string;
  class: string;
  X: number[][];
  predict: Label[];
  predict_proba?: number[][];
  decision_function?: (number | number[])[];
  classes?: Label[];
  shap?: { expected_value: number[]; values: number[][][] };
  files: Record<string, string | object>;
}

export const expected = JSON.parse(readFileSync(path.join(FIXTURES, "expected.json"), "utf8")) as {
  sklearn: string;
  models: Record<string, FixtureModel>;
};

/** The tree family's registry entries: single trees, forests and both kinds of boosting. */
export const treeEstimators: EstimatorEntry[] = [...decisionTrees, ...forests, ...gradientBoosting, ...histGradientBoosting];
const treeEntry = (className: string) => treeEstimators.find((e) => e.className === className);

/** [name, model] for every fixture whose class the tree family serves. */
export const treeFixtures: [string, FixtureModel][] = Object.entries(expected.models).filter(([, m]) => treeEntry(m.class) !== undefined);

/** [name, format, relative file] for every pickled file of those fixtures (out-of-band pickles excluded). */
export const treeFixtureFiles: [string, string, string][] = treeFixtures.flatMap(([name, m]) =>
  Object.entries(m.files).flatMap(([fmt, f]) => (typeof f === "string" ? [[name, fmt, f] as [string, string, string]] : [])),
);

export function readValue(rel: string): PyValue {
  const r = readModelFile(readFileSync(path.join(FIXTURES, rel)));
  if (!r.ok) throw new Error(`${rel}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export const ctx: LoaderContext = {
  sklearnVersion: "1.2.1",
  load() {
    throw new Error("tree-family loaders read their member trees themselves");
  },
  loadStep() {
    throw new Error("tree-family estimators hold no pipeline steps");
  },
};

/** Loads a value with the tree-family loader registered for its class. */
export function loadValue(v: PyValue): Estimator {
  const cls = (v as { $class?: string }).$class ?? "";
  const entry = treeEntry(cls);
  if (!entry) throw new Error(`no tree-family loader for ${cls}`);
  return entry.load(v, ctx);
}

export const loadFile = (rel: string): Estimator => loadValue(readValue(rel));

/** Outputs: |a − b| ≤ 1e-9 · |b| (exact when b is 0). */
export function relClose(a: number, b: number, tol = 1e-9): boolean {
  return Math.abs(a - b) <= tol * Math.abs(b);
}

/** SHAP values: |a − b| ≤ tol · max(1, |b|), relative for large values, absolute near zero (as docs/sklearn-pickles.md §10). */
export function near(a: number, b: number, tol = 1e-9): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}

/** E[f(x) | x_S] of one tree with the path-dependent rule (Lundberg et al. 2018, Algorithm 1). */
export function treeExpectation(t: FlatTree, x: Float64Array, inS: (f: number) => boolean, out: number): number {
  const g = (j: number): number => {
    const l = t.left[j]!;
    if (l < 0) return t.value[j * t.nOut + out]!;
    const r = t.right[j]!;
    const f = t.feature[j]!;
    if (inS(f)) {
      const v = x[f]!;
      return v <= t.threshold[j]! || (v !== v && t.missingLeft[j] === 1) ? g(l) : g(r);
    }
    return (g(l) * t.cover[l]! + g(r) * t.cover[r]!) / t.cover[j]!;
  };
  return g(0);
}

/** Exact Shapley values of a set function over M players by enumerating all 2^M coalitions. */
export function bruteShapley(M: number, v: (mask: number) => number): { base: number; phi: number[] } {
  const vals = new Float64Array(1 << M);
  for (let s = 0; s < 1 << M; s++) vals[s] = v(s);
  const fact = [1];
  for (let i = 1; i <= M; i++) fact.push(fact[i - 1]! * i);
  const phi = new Array<number>(M).fill(0);
  for (let s = 0; s < 1 << M; s++) {
    let size = 0;
    for (let b = s; b; b &= b - 1) size++;
    const w = (fact[size]! * fact[M - size - 1]!) / fact[M]!;
    for (let i = 0; i < M; i++) if (!(s & (1 << i))) phi[i]! += w * (vals[s | (1 << i)]! - vals[s]!);
  }
  return { base: vals[0]!, phi };
}
