/** RandomForest* and ExtraTrees* (classifier and regressor): the mean of their trees, in tree order. */
import { attr, isObject } from "../../pickle/values";
import { LoadError, type EstimatorEntry, type Loader } from "../types";
import { Ensemble } from "./ensemble";
import { probaHead, regressionHead } from "./heads";
import { readMeta } from "./meta";
import { estimatorList, readEstimatorTree } from "./sklearn-tree";
import { makeTreeEstimator } from "./tree-estimator";

const MEMBER = {
  classifier: new Set(["sklearn.tree._classes.DecisionTreeClassifier", "sklearn.tree._classes.ExtraTreeClassifier"]),
  regressor: new Set(["sklearn.tree._classes.DecisionTreeRegressor", "sklearn.tree._classes.ExtraTreeRegressor"]),
};

function forestLoader(classifier: boolean): Loader {
  return (v) => {
    const m = readMeta(v, classifier);
    const nCols = m.classes ? m.classes.length : 1;
    const members = estimatorList(attr(m.obj, "estimators_"), `${m.name} estimators_`);
    if (members.length === 0) throw new LoadError("malformed", `${m.name}: estimators_ is empty`);
    const allowed = classifier ? MEMBER.classifier : MEMBER.regressor;
    const trees = members.map((e, i) => {
      const what = `${m.name} estimators_[${i}]`;
      if (!isObject(e) || !allowed.has(e.$class)) throw new LoadError("malformed", `${what}: not a ${classifier ? "classifier" : "regressor"} tree`);
      // Member trees hold the class *indices* as classes_; the labels are the forest's classes_.
      return readEstimatorTree(e, { nFeatures: m.nFeatures, classifier, nClasses: nCols }, what);
    });
    const ensemble = new Ensemble(m.nFeatures, trees, new Int32Array(trees.length), nCols, { kind: "mean" });
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

/** Forests; explained exactly by TreeSHAP, per tree, averaged. */
export const forests: EstimatorEntry[] = [
  { className: "sklearn.ensemble._forest.RandomForestClassifier", load: forestLoader(true) },
  { className: "sklearn.ensemble._forest.RandomForestRegressor", load: forestLoader(false) },
  { className: "sklearn.ensemble._forest.ExtraTreesClassifier", load: forestLoader(true) },
  { className: "sklearn.ensemble._forest.ExtraTreesRegressor", load: forestLoader(false) },
];
