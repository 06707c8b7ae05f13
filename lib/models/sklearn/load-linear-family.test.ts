import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { attr, isDict, isList, isObject, isTuple, readModelFile, type PyValue } from "../pickle";
import { loadEstimator } from "./index";
import { ESTIMATORS, findEstimator } from "./registry";
import { FIXTURES, expected } from "./testing/linear-family-fixtures";

const read = (file: string): PyValue => {
  const r = readModelFile(readFileSync(path.join(FIXTURES, file)));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe("loading the linear family", () => {
  it("registers every non-tree fixture class", () => {
    const tree = /tree|forest|gradient_boosting/;
    for (const [name, m] of Object.entries(expected.models)) {
      if (!tree.test(name)) expect(findEstimator(m.class), m.class).toBeDefined();
    }
    expect(ESTIMATORS.map((e) => e.className)).toContain("sklearn.pipeline.Pipeline");
  });

  it("serves by layout, whatever scikit-learn version the file records", () => {
    const value = read("models/ridge.p4.pkl");
    for (const version of ["0.19.2", "1.2.1", "1.5.0", "1.8.0", null]) expect(loadEstimator(value, version).ok).toBe(true);
  });

  it("refuses a OneHotEncoder with infrequent categories rather than guessing", () => {
    const value = read("models/column_transformer_onehot_logreg.p4.pkl");
    const prep = attr(value, "steps");
    const seq = (v: PyValue | undefined) => (isList(v) || isTuple(v) ? v : []);
    const ct = seq(seq(prep)[0])[1];
    const ohe = seq(seq(attr(ct, "transformers_"))[1])[1];
    if (!isObject(ohe) || !isDict(ohe.state)) throw new Error("fixture layout changed");
    ohe.state.set("_infrequent_enabled", true);
    expect(loadEstimator(value, "1.2.1")).toMatchObject({ ok: false, code: "unsupported_class" });
  });

  it("reports a missing fitted attribute as malformed", () => {
    const value = read("models/lasso.p4.pkl");
    if (!isObject(value) || !isDict(value.state)) throw new Error("fixture layout changed");
    value.state.delete("coef_");
    expect(loadEstimator(value, "1.2.1")).toMatchObject({ ok: false, code: "malformed" });
  });

  it("rejects rows of the wrong width or with non-numbers", () => {
    const r = loadEstimator(read("models/ridge.p5.pkl"), "1.2.1");
    if (!r.ok) throw new Error(r.message);
    expect(() => r.estimator.predict([[1, 2, 3]])).toThrow(/expects 10/);
    expect(() => r.estimator.predict([["x", 0, 0, 0, 0, 0, 0, 0, 0, 0]])).toThrow(/not a number/);
    expect(r.estimator.predict([["0", 0, 0, 0, 0, 0, 0, 0, 0, 0]])).toHaveLength(1);
  });
});
