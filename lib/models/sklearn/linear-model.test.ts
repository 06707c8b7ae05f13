import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readModelFile, type PyObject } from "../pickle";
import { loadEstimator } from "./index";
import type { LinearEstimator } from "./linear-model";
import { FIXTURES, checkOutputs, expectClose, expected, fileCases, loadFixture, model } from "./testing/linear-family-fixtures";

const REGRESSORS = ["linear_regression", "ridge", "lasso", "elastic_net", "sgd_regressor"];

describe("linear regressors match scikit-learn 1.2.1", () => {
  it.each(fileCases(REGRESSORS))("%s (%s)", (name, _fmt, file) => {
    const est = loadFixture(file);
    expect(est.kind).toBe("regressor");
    checkOutputs(est, model(name));
  });
});

describe("linear regressor SHAP = coef·(x − background mean)", () => {
  it.each(REGRESSORS)("%s", (name) => {
    const m = model(name);
    const est = loadFixture(m.files.protocol4 as string) as LinearEstimator;
    const mean = expected.background_means[m.dataset]!;
    const shap = m.shap!;
    m.X.forEach((x, r) => {
      const e = est.explain(x, { background: [mean] });
      expect(e).toMatchObject({ method: "linear", exact: true, output: "predict", background: "data_file" });
      expectClose(e.base_value, shap.expected_value);
      expectClose(e.values, shap.values[r]);
      expectClose(e.value, m.predict![r]);
      expect(e.residual).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e.value)));
    });
  });

  it("uses the column means of the uploaded rows", () => {
    const m = model("ridge");
    const est = loadFixture(m.files.protocol4 as string);
    const rows = m.X.slice(0, 4);
    const mean = rows[0]!.map((_, j) => rows.reduce((s, r) => s + (r[j] as number), 0) / rows.length);
    const a = est.explain!(m.X[4]!, { background: rows });
    const b = est.explain!(m.X[4]!, { background: [mean] });
    expectClose(a.values, b.values, 1e-12);
  });

  it("without a background, reports none and explains against 0", () => {
    const m = model("lasso");
    const e = loadFixture(m.files.protocol2 as string).explain!(m.X[0]!, {});
    expect(e.background).toBe("none");
    expect(e.residual).toBeLessThanOrEqual(1e-9);
  });
});

describe("cross-validated linear regressors predict with their refitted coef_ and intercept_", () => {
  it.each([
    ["ElasticNetCV", "sklearn.linear_model._coordinate_descent.ElasticNetCV", "elastic_net"],
    ["LassoCV", "sklearn.linear_model._coordinate_descent.LassoCV", "lasso"],
    ["RidgeCV", "sklearn.linear_model._ridge.RidgeCV", "ridge"],
  ])("%s", (_short, className, fitted) => {
    const m = model(fitted);
    const read = readModelFile(readFileSync(path.join(FIXTURES, m.files.protocol4 as string)));
    if (!read.ok) throw new Error(read.error.message);
    const loaded = loadEstimator({ ...(read.value as PyObject), $class: className }, expected.sklearn);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.estimator.className).toBe(className);
    expectClose(loaded.estimator.predict(m.X), m.predict);
  });
});
