import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tuple, readModelFile, type PyDict, type PyValue } from "../pickle";
import { explainWithFallback } from "./explain/fallback";
import { permutationShap } from "./explain/sampling";
import { loadEstimator } from "./index";
import type { LinearEstimator } from "./linear-model";
import { FIXTURES, checkOutputs, expectClose, expected, fileCases, loadFixture, model } from "./testing/linear-family-fixtures";
import type { InputRow } from "./types";

const PIPELINES = ["pipeline_scaler_logreg", "column_transformer_onehot_logreg"];

describe("pipelines match scikit-learn 1.2.1", () => {
  it.each(fileCases(PIPELINES))("%s (%s)", (name, _fmt, file) => {
    checkOutputs(loadFixture(file), model(name));
  });

  it("the one-hot pipeline takes a string column and ignores unknown categories", () => {
    const m = model("column_transformer_onehot_logreg");
    const est = loadFixture(m.files.joblib as string);
    expect(m.X[0]![4]).toBeTypeOf("string");
    const unknown = est.predictProba!([[...m.X[0]!.slice(0, 4), "enormous"]]);
    expect(unknown[0]!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(() => est.predict([m.X[0]!.slice(0, 4)])).toThrow(/expects 5/);
  });
});

describe("pipeline SHAP in raw feature space", () => {
  it("scaler + logistic regression: coef/scale·(x − mean) matches the reference", () => {
    const m = model("pipeline_scaler_logreg");
    const est = loadFixture(m.files.protocol4 as string) as LinearEstimator;
    const ctx = { background: [expected.background_means.breast_cancer!] };
    m.X.forEach((x, r) => {
      const e = est.explain(x, ctx);
      expect(e).toMatchObject({ method: "linear", exact: true, output: "decision_function", background: "data_file" });
      expectClose(e.base_value, (m.shap!.expected_value as number[])[0]);
      expectClose(e.values, (m.shap!.values as number[][][])[r]![0]);
      expectClose(e.value, (m.decision_function as number[])[r]);
      expect(e.residual).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e.value)));
    });
  });

  it("without uploaded data the scaler's mean_ is the background", () => {
    const m = model("pipeline_scaler_logreg");
    const est = loadFixture(m.files.protocol2 as string);
    const e = est.explain!(m.X[1]!, {});
    expect(e.background).toBe("scaler_mean");
    // mean_ is the training mean up to rounding, so the reference still holds.
    expectClose(e.values, (m.shap!.values as number[][][])[1]![0], 1e-9);
  });

  it("one-hot columns are summed back onto their input column; additivity holds", () => {
    const m = model("column_transformer_onehot_logreg");
    const est = loadFixture(m.files.protocol5 as string) as LinearEstimator;
    // A small background with every category, so the one-hot means are real frequencies.
    const background = [m.X[0]!, m.X[3]!, m.X[4]!, [6.2, 2.5, 4.4, 1.4, "narrow"]];
    m.X.forEach((x, r) => {
      const e = est.explain(x, { background });
      expect(e.values).toHaveLength(5);
      expect(e.background).toBe("data_file");
      const k = est.classes!.indexOf(m.predict![r]!);
      expectClose(e.value, (m.decision_function as number[][])[r]![k]);
      expect(e.residual).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e.value)));
      // The margin is additive in the input columns, so permutation SHAP over the same background is exact.
      const f = (X: InputRow[]) => est.decisionFunction!(X).map((d) => d[k]!);
      const sampled = permutationShap(f, x, background, { seed: 1, budgetMs: Infinity, maxEvals: 200 });
      expectClose(e.values, sampled.values, 1e-12);
      expectClose(e.base_value, sampled.base_value, 1e-12);
    });
    const none = est.explain(m.X[0]!, {});
    expect(none.background).toBe("scaler_mean");
    expect(none.residual).toBeLessThanOrEqual(1e-9);
  });
});

describe("pipelines whose final step is not linear", () => {
  /** A Pipeline record around fixture estimators, as the reader would produce it. */
  function pipelineOf(steps: [string, PyValue][]): PyValue {
    const state: PyDict = new Map<PyValue, PyValue>([["steps", steps.map(([n, s]) => tuple([n, s]))]]);
    return { $kind: "object", $class: "sklearn.pipeline.Pipeline", args: [], state };
  }
  function read(file: string): PyValue {
    const r = readModelFile(readFileSync(path.join(FIXTURES, file)));
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  }
  /** A fitted StandardScaler that changes nothing (mean 0, scale 1). */
  const identityScaler = (n: number): PyValue => {
    const vec = (v: number): PyValue => ({ $kind: "ndarray", dtype: F8, shape: [n], fortran: false, data: new Float64Array(n).fill(v) });
    const state: PyDict = new Map<PyValue, PyValue>([["with_mean", true], ["with_std", true], ["n_features_in_", n], ["mean_", vec(0)], ["scale_", vec(1)]]);
    return { $kind: "object", $class: "sklearn.preprocessing._data.StandardScaler", args: [], state };
  };
  const F8 = { $kind: "dtype", kind: "f", itemsize: 8, byteorder: "<", str: "<f8", names: null, fields: null } as const;

  it("a tree at the end is loaded through ctx.load and keeps its own explainer", () => {
    const m = model("decision_tree_classifier");
    const piped = loadEstimator(pipelineOf([["scale", identityScaler(4)], ["skip", "passthrough"], ["tree", read(m.files.protocol4 as string)]]), "1.2.1");
    if (!piped.ok) throw new Error(piped.message);
    checkOutputs({ ...piped.estimator, className: m.class }, m);
    const direct = loadFixture(m.files.protocol4 as string);
    if (!direct.explain) return; // the tree loader decides whether TreeSHAP is available
    const a = piped.estimator.explain!(m.X[3]!, {});
    const b = direct.explain(m.X[3]!, {});
    expect(a.values).toEqual(b.values);
    expect(a.method).toBe(b.method);
  });

  it("a final step without a closed form enumerates coalitions in its own columns, summed back onto the inputs", () => {
    const m = model("kneighbors_classifier");
    const piped = loadEstimator(pipelineOf([["scale", identityScaler(4)], ["knn", read(m.files.protocol4 as string)]]), "1.2.1");
    if (!piped.ok) throw new Error(piped.message);
    expect(piped.estimator.predict(m.X)).toEqual(m.predict);
    const e = explainWithFallback(piped.estimator, m.X[3]!, { seed: 4, budgetMs: 50 });
    expect(e).toMatchObject({ method: "shapley_enumeration", exact: true, background: "scaler_mean" });
    // An identity scaler changes nothing: the same values as the KNN on its own, against the same background.
    const direct = loadEstimator(read(m.files.protocol4 as string), "1.2.1");
    if (!direct.ok) throw new Error(direct.message);
    const alone = direct.estimator.explain!(m.X[3]!, { background: [new Array<number>(4).fill(0)], seed: 4, budgetMs: 50 });
    expect(e.values).toEqual(alone.values);
  });
});
