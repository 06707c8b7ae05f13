import { describe, expect, it } from "vitest";
import type { LinearEstimator } from "./linear-model";
import { checkOutputs, expectClose, expected, fileCases, loadFixture, model } from "./testing/linear-family-fixtures";

const CLASSIFIERS = ["logreg_binary", "logreg_multinomial", "logreg_ovr_liblinear", "sgd_classifier", "sgd_classifier_log", "linear_svc"];

describe("linear classifiers match scikit-learn 1.2.1", () => {
  it.each(fileCases(CLASSIFIERS))("%s (%s)", (name, _fmt, file) => {
    const est = loadFixture(file);
    expect(est.kind).toBe("classifier");
    checkOutputs(est, model(name));
  });

  it("hinge-loss SGD and LinearSVC have no predict_proba (sklearn does not offer it)", () => {
    expect(model("sgd_classifier").predict_proba).toBeUndefined();
    expect(loadFixture("models/sgd_classifier.p4.pkl").predictProba).toBeUndefined();
    expect(loadFixture("models/linear_svc.p4.pkl").predictProba).toBeUndefined();
  });

  it("ovr probabilities are normalised per-class sigmoids, multinomial is softmax", () => {
    for (const name of ["logreg_ovr_liblinear", "logreg_multinomial"]) {
      const rows = loadFixture(`models/${name}.p4.pkl`).predictProba!(model(name).X);
      for (const r of rows) expect(Math.abs(r.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
    }
  });
});

describe("linear classifier SHAP on decision_function", () => {
  it.each(["logreg_binary", "logreg_multinomial", "linear_svc"])("%s: every class matches the reference", (name) => {
    const m = model(name);
    const est = loadFixture(m.files.joblib as string) as LinearEstimator;
    const ctx = { background: [expected.background_means[m.dataset]!] };
    const base = m.shap!.expected_value as number[];
    const values = m.shap!.values as number[][][];
    m.X.forEach((x, r) => {
      base.forEach((b, k) => {
        const e = est.explainOutput(x, ctx, k);
        expectClose(e.base_value, b);
        expectClose(e.values, values[r]![k]);
        expect(e.residual).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e.value)));
      });
    });
  });

  it("explain() takes the predicted class (binary: the single margin)", () => {
    const multi = model("logreg_multinomial");
    const est = loadFixture(multi.files.protocol5 as string);
    const ctx = { background: [expected.background_means.iris!] };
    multi.X.forEach((x, r) => {
      const k = est.classes!.indexOf(multi.predict![r]!);
      const e = est.explain!(x, ctx);
      expect(e.output).toBe(`decision_function[class=${String(multi.predict![r])}]`);
      expectClose(e.values, (multi.shap!.values as number[][][])[r]![k]);
      expectClose(e.value, (multi.decision_function as number[][])[r]![k]);
    });
    const bin = model("logreg_binary");
    const e = loadFixture(bin.files.protocol5 as string).explain!(bin.X[0]!, { background: [expected.background_means.breast_cancer_scaled!] });
    expect(e.output).toBe("decision_function");
    expectClose(e.value, (bin.decision_function as number[])[0]);
  });
});
