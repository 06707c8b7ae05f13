import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isDict, isObject, readModelFile, type PyValue } from "../../pickle";
import { loadEstimator, registryContext } from "../index";
import { FIXTURES, checkOutputs, expectClose, expected, fileCases, loadFixture, model } from "../testing/linear-family-fixtures";

const META = [
  "grid_search_svc",
  "randomized_search_ridge",
  "bagging_classifier",
  "bagging_regressor",
  "adaboost_classifier",
  "adaboost_classifier_samme_binary",
  "adaboost_regressor",
  "one_vs_rest_logreg",
  "one_vs_one_svc",
  "calibrated_svc_sigmoid",
  "calibrated_nb_isotonic_binary",
];

describe("meta-estimators match scikit-learn 1.2.1", () => {
  it.each(fileCases(META))("%s (%s)", (name, _fmt, file) => {
    checkOutputs(loadFixture(file), model(name));
  });
});

interface EnumeratedShap {
  background: number[][];
  output: string[];
  base_value: number[];
  values: number[][];
}

describe("meta-estimator explanations", () => {
  it.each(["adaboost_classifier", "one_vs_one_svc", "bagging_regressor"])("%s: coalition enumeration equals the brute-force reference", (name) => {
    const m = model(name);
    const ref = (m as unknown as { shap_enumeration: EnumeratedShap }).shap_enumeration;
    const est = loadFixture(m.files.protocol4 as string);
    m.X.forEach((x, r) => {
      const e = est.explain!(x, { background: ref.background });
      expect(e).toMatchObject({ method: "shapley_enumeration", exact: true, output: ref.output[r] });
      expectClose(e.base_value, ref.base_value[r], 1e-9, 1);
      expectClose(e.values, ref.values[r], 1e-9, 1);
    });
  });

  it("a search explains as its best estimator does", () => {
    const m = model("randomized_search_ridge");
    const e = loadFixture(m.files.protocol4 as string).explain!(m.X[0]!, { background: m.X });
    expect(e).toMatchObject({ method: "linear", exact: true, output: "predict" });
  });

  it("30 inputs: no exact explainer (the caller samples)", () => {
    expect(loadFixture("models/calibrated_nb_isotonic_binary.p4.pkl").explain).toBeUndefined();
  });
});

describe("AdaBoost across scikit-learn versions", () => {
  it("from 1.3, SAMME's wrong classes count −w/(K−1): a binary decision doubles, the labels stay", () => {
    const m = model("adaboost_classifier_samme_binary");
    const read = readModelFile(readFileSync(path.join(FIXTURES, m.files.protocol4 as string)));
    if (!read.ok) throw new Error(read.error.message);
    // Through the registry directly: the version gate (another change) decides what is deployable.
    const later = registryContext("1.3.0").load(read.value);
    expectClose(later.decisionFunction!(m.X).map((r) => r[0]), (m.decision_function as number[]).map((d) => 2 * d), 1e-12);
    expect(later.predict(m.X)).toEqual(m.predict);
  });

  it("1.6's algorithm='deprecated' is SAMME", () => {
    const m = model("adaboost_classifier_samme_binary");
    const read = readModelFile(readFileSync(path.join(FIXTURES, m.files.protocol4 as string)));
    if (!read.ok || !isObject(read.value) || !isDict(read.value.state)) throw new Error("fixture unreadable");
    read.value.state.set("algorithm", "deprecated");
    const loaded = loadEstimator(read.value, "1.2.1");
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.estimator.predict(m.X)).toEqual(m.predict);
  });
});

describe("malformed or unservable meta-estimator states", () => {
  function tampered(name: string, edit: (state: Map<PyValue, PyValue>) => void) {
    const read = readModelFile(readFileSync(path.join(FIXTURES, model(name).files.protocol4 as string)));
    if (!read.ok || !isObject(read.value) || !isDict(read.value.state)) throw new Error("fixture unreadable");
    edit(read.value.state);
    return loadEstimator(read.value, expected.sklearn);
  }

  it("a search fitted with refit=False has nothing to serve", () => {
    expect(tampered("grid_search_svc", (s) => s.delete("best_estimator_"))).toMatchObject({ ok: false, code: "unsupported_class" });
  });

  it("bagging features that do not fit their members are a load error", () => {
    expect(tampered("bagging_classifier", (s) => s.set("estimators_features_", [[0, 1, 9]]))).toMatchObject({ ok: false, code: "malformed" });
  });

  it("OneVsOne over a precomputed kernel is unsupported; a wrong member count is malformed", () => {
    expect(tampered("one_vs_one_svc", (s) => s.set("pairwise_indices_", [[0, 1]]))).toMatchObject({ ok: false, code: "unsupported_class" });
    expect(tampered("one_vs_one_svc", (s) => s.set("estimators_", (s.get("estimators_") as PyValue[]).slice(0, 2)))).toMatchObject({ ok: false, code: "malformed" });
  });

  it("AdaBoost with an unknown algorithm is unsupported, missing weights malformed", () => {
    expect(tampered("adaboost_classifier", (s) => s.set("algorithm", "SAMME.X"))).toMatchObject({ ok: false, code: "unsupported_class" });
    expect(tampered("adaboost_regressor", (s) => s.set("estimator_weights_", [1]))).toMatchObject({ ok: false, code: "malformed" });
  });

  it("a calibrator of an unknown kind is unsupported", () => {
    const r = tampered("calibrated_svc_sigmoid", (s) => {
      const first = (s.get("calibrated_classifiers_") as PyValue[])[0]!;
      if (!isObject(first) || !isDict(first.state)) throw new Error("layout changed");
      first.state.set("calibrators", [{ $kind: "object", $class: "sklearn.isotonic.Other", args: [], state: new Map() }]);
    });
    expect(r).toMatchObject({ ok: false, code: "unsupported_class" });
  });
});
