import { describe, expect, it } from "vitest";
import { readModelFile, type PyObject, type PyValue } from "../../pickle";
import { loadEstimator } from "../index";
import { FIXTURES, expected, model } from "../testing/linear-family-fixtures";
import { readFileSync } from "node:fs";
import path from "node:path";

const fitted = (name: string): PyValue => {
  const read = readModelFile(readFileSync(path.join(FIXTURES, model(name).files.protocol4 as string)));
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
};

const wrapper = (className: string, members: PyValue[]): PyObject => ({
  $kind: "object",
  $class: className,
  args: [],
  state: new Map<PyValue, PyValue>([["estimators_", members], ["n_features_in_", model("ridge").X[0]!.length]]),
});

describe("MultiOutputRegressor / MultiOutputClassifier", () => {
  it("a regressor predicts one value per target, in order, each its member's", () => {
    const loaded = loadEstimator(wrapper("sklearn.multioutput.MultiOutputRegressor", [fitted("ridge"), fitted("lasso")]), expected.sklearn);
    if (!loaded.ok) throw new Error(loaded.message);
    const X = model("ridge").X;
    const ridge = model("ridge").predict as number[];
    const lasso = model("lasso").predict as number[];
    expect(loaded.estimator.predictOutputs!(X)).toEqual(X.map((_, i) => [ridge[i], lasso[i]]));
    const e = loaded.estimator.explain!(X[0]!, {});
    expect(e.output).toBe("predict[output=0]");
    expect(e.value).toBeCloseTo(ridge[0]!, 9);
  });

  it("a classifier predicts one label per target", () => {
    const loaded = loadEstimator(wrapper("sklearn.multioutput.MultiOutputClassifier", [fitted("logreg_binary"), fitted("logreg_binary")]), expected.sklearn);
    if (!loaded.ok) throw new Error(loaded.message);
    const m = model("logreg_binary");
    expect(loaded.estimator.predictOutputs!(m.X)).toEqual((m.predict as number[]).map((p) => [p, p]));
    expect(loaded.estimator.predictProba).toBeUndefined();
  });
});
