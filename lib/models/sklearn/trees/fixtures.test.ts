import { describe, expect, it } from "vitest";
import { expected, loadFile, relClose, treeEstimators, treeFixtureFiles, treeFixtures } from "./testing";

describe("tree-family fixtures", () => {
  it("covers the 12 tree-family fixture models in every stored format", () => {
    expect(treeFixtures.map(([n]) => n).sort()).toEqual(
      [
        "decision_tree_classifier",
        "decision_tree_regressor",
        "extra_trees_classifier",
        "extra_trees_regressor",
        "gradient_boosting_classifier_binary",
        "gradient_boosting_classifier_multiclass",
        "gradient_boosting_regressor",
        "hist_gradient_boosting_classifier_binary",
        "hist_gradient_boosting_classifier_multiclass",
        "hist_gradient_boosting_regressor",
        "random_forest_classifier",
        "random_forest_regressor",
      ].sort(),
    );
    // p2, p4, p5, joblib for each, plus the zlib-compressed joblib of the decision tree classifier.
    expect(treeFixtureFiles).toHaveLength(12 * 4 + 1);
    expect(treeEstimators).toHaveLength(12);
  });

  it.each(treeFixtureFiles)("%s (%s) matches scikit-learn", (name, _fmt, file) => {
    const m = expected.models[name]!;
    const est = loadFile(file);
    expect(est.className).toBe(m.class);
    expect(est.nFeatures).toBe(m.X[0]!.length);
    expect(est.featureNames).toBeNull();

    const pred = est.predict(m.X);
    if (m.classes) {
      expect(est.kind).toBe("classifier");
      expect(est.classes).toEqual(m.classes);
      // Labels keep their type: the fixtures' classes are ints.
      expect(pred).toEqual(m.predict);
    } else {
      expect(est.kind).toBe("regressor");
      expect(est.classes).toBeNull();
      expect(est.predictProba).toBeUndefined();
      pred.forEach((p, i) => expect(relClose(p as number, m.predict[i] as number), `predict[${i}]`).toBe(true));
    }

    if (m.predict_proba) {
      const proba = est.predictProba!(m.X);
      proba.forEach((row, i) => {
        expect(row).toHaveLength(m.predict_proba![i]!.length);
        row.forEach((p, j) => expect(relClose(p, m.predict_proba![i]![j]!), `proba[${i}][${j}]`).toBe(true));
      });
    }

    if (m.decision_function) {
      const dec = est.decisionFunction!(m.X);
      dec.forEach((row, i) => {
        const want = m.decision_function![i]!;
        // sklearn returns one value per row for binary models; the API returns a one-column row.
        const wantRow = Array.isArray(want) ? want : [want];
        expect(row).toHaveLength(wantRow.length);
        row.forEach((d, j) => expect(relClose(d, wantRow[j]!), `decision[${i}][${j}]`).toBe(true));
      });
    } else {
      expect(est.decisionFunction).toBeUndefined();
    }
  });
});
