import { describe, expect, it } from "vitest";
import { attr, type PyValue } from "../../pickle";
import { toNumbers } from "../arrays";
import type { FlatTree } from "./flat-tree";
import { readPredictor } from "./hgb-predictor";
import { explainAllOutputs } from "./tree-estimator";
import { bruteShapley, expected, loadFile, loadValue, near, readValue, treeExpectation, treeFixtureFiles } from "./testing";

const withReference = treeFixtureFiles.filter(([name]) => expected.models[name]!.shap);

describe("path-dependent TreeSHAP", () => {
  it("has reference values for the 9 tree, forest and gradient boosting fixtures", () => {
    expect(new Set(withReference.map(([n]) => n)).size).toBe(9);
  });

  it.each(withReference)("%s (%s) matches the 2^M enumeration in expected.json", (name, _fmt, file) => {
    const m = expected.models[name]!;
    const ref = m.shap!;
    const est = loadFile(file);
    m.X.forEach((x, row) => {
      const all = explainAllOutputs(est, x)!;
      expect(all.values).toHaveLength(ref.expected_value.length);
      all.base_values.forEach((b, o) => expect(near(b, ref.expected_value[o]!), `base[${o}]`).toBe(true));
      all.values.forEach((vs, o) =>
        vs.forEach((v, f) => expect(near(v, ref.values[row]![o]![f]!), `row ${row} output ${o} feature ${f}: ${v}`).toBe(true)),
      );
    });
  });

  it.each(treeFixtureFiles)("%s (%s): additivity on every row and output, and explain() reports the predicted output", (name, _fmt, file) => {
    const m = expected.models[name]!;
    const est = loadFile(file);
    const proba = est.predictProba?.(m.X);
    const dec = est.decisionFunction?.(m.X);
    m.X.forEach((x, row) => {
      const all = explainAllOutputs(est, x)!;
      all.residuals.forEach((r) => expect(r).toBeLessThanOrEqual(1e-9));
      all.values.forEach((vs, o) => {
        const sum = vs.reduce((a, b) => a + b, 0);
        expect(Math.abs(all.output_values[o]! - all.base_values[o]! - sum)).toBe(all.residuals[o]);
      });

      const e = est.explain!(x, {});
      expect(e).toMatchObject({ method: "tree_path_dependent", exact: true, background: "model" });
      expect(e.values).toHaveLength(est.nFeatures);
      expect(e.residual).toBeLessThanOrEqual(1e-9);
      const predicted = est.predict([x])[0]!;
      if (est.kind === "regressor") {
        expect(e.output).toBe("predict");
        expect(e.value).toBe(predicted);
      } else if (dec) {
        // Gradient boosting explains the raw margin (decision_function) of the predicted class.
        const k = dec[row]!.length === 1 ? 0 : est.classes!.indexOf(predicted);
        expect(e.output).toBe(dec[row]!.length === 1 ? "raw_margin" : `raw_margin[class=${String(predicted)}]`);
        expect(e.value).toBe(dec[row]![k]);
      } else {
        const k = est.classes!.indexOf(predicted);
        expect(e.output).toBe(`predict_proba[class=${String(predicted)}]`);
        expect(e.value).toBe(proba![row]![k]);
      }
    });
  });
});

describe("HistGradientBoosting TreeSHAP (no reference in expected.json)", () => {
  /** Brute-force Shapley values of baseline + Σ E_t[f | x_S], using cover = node count. */
  function brute(trees: FlatTree[], K: number, baseline: number[], x: number[]) {
    const xs = Float64Array.from(x);
    return baseline.map((b, k) =>
      bruteShapley(x.length, (mask) => {
        let acc = 0;
        trees.forEach((t, i) => {
          if (i % K === k) acc += treeExpectation(t, xs, (f) => (mask & (1 << f)) !== 0, 0);
        });
        return b + acc;
      }),
    );
  }

  it.each(["hist_gradient_boosting_regressor", "hist_gradient_boosting_classifier_multiclass"])(
    "%s matches an exact 2^M enumeration, also with missing values",
    (name) => {
      const m = expected.models[name]!;
      const v = readValue(m.files.protocol4 as string);
      const est = loadValue(v);
      const K = est.kind === "regressor" ? 1 : est.classes!.length;
      const trees = (attr(v, "_predictors") as PyValue[][]).flat().map((p, i) => readPredictor(p, est.nFeatures, `p${i}`));
      const baseline = toNumbers(attr(v, "_baseline_prediction"), "baseline");
      const rows = [...m.X, m.X[0]!.map((x, j) => (j % 2 === 0 ? NaN : x))];
      for (const x of rows) {
        const all = explainAllOutputs(est, x)!;
        const ref = brute(trees, K, baseline, x);
        ref.forEach(({ base, phi }, k) => {
          expect(near(all.base_values[k]!, base)).toBe(true);
          phi.forEach((p, f) => expect(near(all.values[k]![f]!, p), `output ${k} feature ${f}`).toBe(true));
          expect(all.residuals[k]).toBeLessThanOrEqual(1e-9);
        });
      }
    },
  );
});
