/** DecisionTreeClassifier / DecisionTreeRegressor (and the single ExtraTree* estimators, same layout). */
import type { EstimatorEntry, Loader } from "../types";
import { Ensemble } from "./ensemble";
import { probaHead, regressionHead } from "./heads";
import { readMeta } from "./meta";
import { readEstimatorTree } from "./sklearn-tree";
import { makeTreeEstimator } from "./tree-estimator";

function decisionTreeLoader(classifier: boolean): Loader {
  return (v) => {
    const m = readMeta(v, classifier);
    const nCols = m.classes ? m.classes.length : 1;
    const tree = readEstimatorTree(m.obj, { nFeatures: m.nFeatures, classifier, nClasses: nCols }, m.name);
    // predict_proba of a single tree is its normalised leaf row; a one-tree "mean" is exactly that.
    const ensemble = new Ensemble(m.nFeatures, [tree], Int32Array.of(0), nCols, { kind: "mean" });
    return makeTreeEstimator({
      className: m.className,
      nFeatures: m.nFeatures,
      featureNames: m.featureNames,
      classes: m.classes,
      ensemble,
      head: m.classes ? probaHead(m.classes) : regressionHead(),
      input: "float32",
    });
  };
}

/** Single trees; explained exactly by TreeSHAP (predict_proba of the predicted class, or predict). */
export const decisionTrees: EstimatorEntry[] = [
  { className: "sklearn.tree._classes.DecisionTreeClassifier", load: decisionTreeLoader(true) },
  { className: "sklearn.tree._classes.DecisionTreeRegressor", load: decisionTreeLoader(false) },
  { className: "sklearn.tree._classes.ExtraTreeClassifier", load: decisionTreeLoader(true) },
  { className: "sklearn.tree._classes.ExtraTreeRegressor", load: decisionTreeLoader(false) },
];
