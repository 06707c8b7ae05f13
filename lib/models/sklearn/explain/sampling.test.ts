import { describe, expect, it } from "vitest";
import { expectClose, expected, loadFixture, model } from "../testing/linear-family-fixtures";
import type { InputRow } from "../types";
import { explainBySampling, explainWithFallback } from "./fallback";
import { permutationShap } from "./sampling";

const num = (X: InputRow[]) => X.map((r) => r.map(Number));

describe("permutationShap", () => {
  it("splits a pure interaction evenly (antithetic pairs make this exact)", () => {
    const f = (X: InputRow[]) => num(X).map(([a, b, c]) => a! * b! + c!);
    const r = permutationShap(f, [2, 3, 5], [[0, 0, 0]], { seed: 7, maxEvals: 10 });
    expectClose(r.values, [3, 3, 5], 1e-15);
    expect(r.base_value).toBe(0);
    expect(r.value).toBe(11);
  });

  it("equals exact linear SHAP on a linear model, and is additive", () => {
    const m = model("ridge");
    const est = loadFixture(m.files.protocol4 as string);
    const background = m.X.slice(0, 4);
    const exact = est.explain!(m.X[4]!, { background });
    const r = permutationShap((X) => est.predict(X).map(Number), m.X[4]!, background, { seed: 3, budgetMs: Infinity, maxEvals: 500 });
    expectClose(r.values, exact.values, 1e-12);
    expectClose(r.base_value, exact.base_value, 1e-12);
    expect(r.residual).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(r.value)));
  });

  it("is deterministic for a seed, keeps at most 100 background rows and honours maxEvals", () => {
    const m = model("gaussian_nb");
    const est = loadFixture(m.files.protocol4 as string);
    const f = (X: InputRow[]) => est.predictProba!(X).map((p) => p[1]!);
    const background = Array.from({ length: 150 }, (_, i) => [4 + (i % 30) / 10, 2 + (i % 20) / 10, 1 + (i % 60) / 10, (i % 25) / 10]);
    const opts = { seed: 11, budgetMs: Infinity, maxEvals: 5000 };
    const a = permutationShap(f, m.X[3]!, background, opts);
    const b = permutationShap(f, m.X[3]!, background, opts);
    expect(a.values).toEqual(b.values);
    // 101 evaluations of f(background) and f(x), then 2·100·3 per antithetic pair.
    expect(a.evals).toBe(101 + (a.permutations / 2) * 600);
    expect(a.evals).toBeLessThanOrEqual(5000);
    expect(a.residual).toBeLessThanOrEqual(1e-9);
  });

  it("stops within its latency budget", () => {
    const m = model("kneighbors_regressor");
    const est = loadFixture(m.files.protocol4 as string);
    const t0 = Date.now();
    const r = permutationShap((X) => est.predict(X).map(Number), m.X[0]!, m.X, { budgetMs: 50, maxEvals: 1e9 });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(r.permutations).toBeGreaterThanOrEqual(2);
  });
});

describe("explainWithFallback", () => {
  it("uses the exact explainer when the estimator has one", () => {
    const m = model("lasso");
    const e = explainWithFallback(loadFixture(m.files.protocol4 as string), m.X[0]!, { background: [expected.background_means.diabetes!] });
    expect(e).toMatchObject({ method: "linear", exact: true });
  });

  it.each([
    ["kneighbors_classifier", "predict_proba[class=", "model"],
    ["kneighbors_regressor", "predict", "model"],
    ["gaussian_nb", "predict_proba[class=", "model"],
    ["kmeans", "transform[cluster=", "model"],
  ])("%s (≤ 12 inputs) enumerates coalitions of %s… against its own background (%s)", (name, output, source) => {
    const m = model(name);
    const est = loadFixture(m.files.protocol4 as string);
    for (const x of m.X) {
      const e = explainWithFallback(est, x, { seed: 1, budgetMs: 100 });
      expect(e).toMatchObject({ method: "shapley_enumeration", exact: true, background: source });
      expect(e.samples).toBeGreaterThanOrEqual(1);
      expect(e.output.startsWith(output)).toBe(true);
      expect(e.values).toHaveLength(x.length);
      expect(e.residual).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e.value)));
    }
  });

  it("samples when there are more than 12 inputs, reporting the permutations drawn", () => {
    const m = model("mlp_classifier_logistic_lbfgs");
    const est = loadFixture(m.files.protocol4 as string);
    const e = explainWithFallback(est, m.X[0]!, { background: m.X, seed: 3, budgetMs: 100 });
    expect(e).toMatchObject({ method: "permutation", exact: false, background: "data_file" });
    expect(e.samples).toBeGreaterThanOrEqual(2);
    expect(e.residual).toBeLessThanOrEqual(1e-9);
  });

  it("explains the predicted class's probability with uploaded data as background", () => {
    const m = model("gaussian_nb");
    const est = loadFixture(m.files.joblib as string);
    const e = explainWithFallback(est, m.X[2]!, { background: m.X, seed: 5 });
    expect(e.background).toBe("data_file");
    expect(e.output).toBe(`predict_proba[class=${String(m.predict![2])}]`);
    expectClose(e.value, m.predict_proba![2]![est.classes!.indexOf(m.predict![2]!)]);
  });

  it("KMeans: the value is the distance to the assigned centre", () => {
    const m = model("kmeans");
    const e = explainBySampling(loadFixture(m.files.protocol2 as string), m.X[4]!, { seed: 2 });
    expect(e.output).toBe(`transform[cluster=${String(m.predict![4])}]`);
    expectClose(e.value, m.transform![4]![m.predict![4] as number]);
  });
});
