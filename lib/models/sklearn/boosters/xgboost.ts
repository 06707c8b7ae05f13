/**
 * XGBClassifier / XGBRegressor (xgboost.sklearn): the booster pickled inside the wrapper is read as
 * data (./xgboost-model.ts) and predicted in XGBoost's float32 arithmetic (./xgboost-predict.ts).
 * Explanations: exact TreeSHAP of the raw margin (classifiers: the predicted class's), with each
 * node's sum_hessian as cover, as XGBoost's own `pred_contribs` does.
 */
import { attr, isObject, type PyValue } from "../../pickle/values";
import { featureNamesIn, nFeaturesIn, toLabels } from "../arrays";
import { checkWidth, InputError, toFloat } from "../input";
import { Ensemble } from "../trees/ensemble";
import { finishTree, type FlatTree } from "../trees/flat-tree";
import type { OutputHead } from "../trees/heads";
import { argmaxOf } from "../trees/numeric";
import { makeTreeEstimator } from "../trees/tree-estimator";
import { LoadError, type EstimatorEntry, type InputRow, type Label, type Loader } from "../types";
import { readXgbModel, parseXgbDocument, type XgbModel, type XgbTree } from "./xgboost-model";
import { baseMargin, linkOf, sigmoid32, softmax32, treeLimit, xgbMargins, type XgbLink } from "./xgboost-predict";

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
/** The largest float32 below c (c a finite float32): for float32 x, x < c ⟺ x <= nextDown(c). */
function nextDown32(c: number): number {
  if (c === 0) return -(2 ** -149);
  f32[0] = c;
  u32[0] = c > 0 ? u32[0]! - 1 : u32[0]! + 1;
  return f32[0]!;
}

function flatTree(t: XgbTree, nFeatures: number, what: string): FlatTree {
  const n = t.left.length;
  const threshold = new Float64Array(n);
  for (let i = 0; i < n; i++) threshold[i] = t.left[i] === -1 ? 0 : nextDown32(t.condition[i]!);
  return finishTree(
    { nodeCount: n, nOut: 1, left: t.left, right: t.right, feature: t.feature, threshold, missingLeft: t.defaultLeft, cover: t.cover, value: t.condition },
    nFeatures,
    what,
  );
}

function explainHead(kind: "classifier" | "regressor", link: XgbLink, classes: Label[] | null, groups: number): OutputHead {
  const names = groups > 1 ? (classes ?? []).map((c) => `raw_margin[class=${String(c)}]`) : [link === "identity" ? "predict" : "raw_margin"];
  return {
    kind,
    outputNames: names,
    predict: () => 0, // replaced by the float32 predictor below
    explained: (raw) => (groups > 1 ? argmaxOf(raw) : 0),
  };
}

function boosterOf(obj: PyValue, name: string): { model: XgbModel; bestIteration: number | null } {
  const booster = attr(obj, "_Booster");
  if (!isObject(booster)) throw new LoadError("malformed", `${name}: no fitted booster (_Booster)`);
  const handle = attr(booster, "handle");
  if (!(handle instanceof Uint8Array)) throw new LoadError("malformed", `${name}: the booster holds no model bytes`);
  const best = attr(booster, "best_iteration");
  return { model: readXgbModel(parseXgbDocument(handle)), bestIteration: typeof best === "number" ? best : typeof best === "bigint" ? Number(best) : null };
}

function xgbLoader(classifier: boolean): Loader {
  return (obj) => {
    if (!isObject(obj)) throw new LoadError("malformed", "expected an estimator object");
    const className = obj.$class;
    const name = className.slice(className.lastIndexOf(".") + 1);
    const { model, bestIteration } = boosterOf(obj, name);
    const link = linkOf(model.objective);
    if (!link) throw new LoadError("unsupported_class", `${name}: objective ${JSON.stringify(model.objective).slice(0, 60)} cannot be served`);
    const nFeatures = nFeaturesIn(obj) ?? model.numFeature;
    if (nFeatures !== model.numFeature) throw new LoadError("malformed", `${name}: n_features_in_ ${nFeatures} but the booster has ${model.numFeature} features`);
    const groups = Math.max(1, model.numClass);
    let classes: Label[] | null = null;
    if (classifier) {
      const c = attr(obj, "classes_");
      const n = Number(attr(obj, "n_classes_") ?? (groups > 1 ? groups : 2));
      classes = c === undefined || c === null ? Array.from({ length: n }, (_, i) => i) : toLabels(c, `${name} classes_`);
      if ((groups === 1 && classes.length !== 2) || (groups > 1 && classes.length !== groups)) {
        throw new LoadError("malformed", `${name}: ${classes.length} classes for ${groups} output groups`);
      }
      if (groups === 1 && link !== "logistic") throw new LoadError("unsupported_class", `${name}: objective ${model.objective} cannot be served for a classifier`);
    } else if (groups > 1) {
      throw new LoadError("unsupported_class", `${name}: multi-output regression boosters cannot be served`);
    }
    const missingParam = attr(obj, "missing");
    const missing = typeof missingParam === "number" && !Number.isNaN(missingParam) ? Math.fround(missingParam) : null;
    const end = treeLimit(model, bestIteration);
    const base = Float64Array.from({ length: groups }, (_, g) => baseMargin(link, model.baseScore[model.baseScore.length === 1 ? 0 : g]!));

    const trees = model.trees.slice(0, end).map((t, i) => flatTree(t, nFeatures, `${name} tree ${i}`));
    const ensemble = new Ensemble(nFeatures, trees, model.treeInfo.slice(0, end), groups, { kind: "stagewise", init: base, weight: 1 });
    const est = makeTreeEstimator({
      className,
      nFeatures,
      featureNames: featureNamesIn(obj),
      classes,
      ensemble,
      head: explainHead(classifier ? "classifier" : "regressor", link, classes, groups),
      input: "float32_missing",
    });

    // Prediction in XGBoost's float32 arithmetic.
    const row = new Float64Array(nFeatures);
    const margins = new Float64Array(groups);
    const marginOf = (x: InputRow, i: number) => {
      if (!Array.isArray(x)) throw new InputError(`row ${i} is not an array`);
      checkWidth(x, nFeatures, i);
      for (let j = 0; j < nFeatures; j++) {
        const v = Math.fround(toFloat(x[j]!, i, j));
        row[j] = missing !== null && v === missing ? Number.NaN : v;
      }
      return xgbMargins(model, end, base, row, margins);
    };
    const output = (m: Float64Array): number => (link === "logistic" ? sigmoid32(m[0]!) : link === "exp" ? Math.fround(Math.exp(m[0]!)) : m[0]!);
    if (!classifier) {
      est.predict = (X) => X.map((x, i) => output(marginOf(x, i)));
      return est;
    }
    const proba = (m: Float64Array): number[] => {
      if (groups > 1) return softmax32(m);
      const p = sigmoid32(m[0]!);
      return [Math.fround(1 - p), p];
    };
    est.predictProba = (X) => X.map((x, i) => proba(marginOf(x, i)));
    // The wrapper's predict: class 1 when its probability is above 0.5 (binary), else the argmax.
    est.predict = (X) => X.map((x, i) => {
      const p = proba(marginOf(x, i));
      return classes![groups > 1 ? argmaxOf(p) : p[1]! > 0.5 ? 1 : 0]!;
    });
    est.decisionFunction = (X) => X.map((x, i) => Array.from(marginOf(x, i)));
    return est;
  };
}

export const xgboostWrappers: EstimatorEntry[] = [
  { className: "xgboost.sklearn.XGBClassifier", load: xgbLoader(true) },
  { className: "xgboost.sklearn.XGBRegressor", load: xgbLoader(false) },
];
