/**
 * LGBMClassifier / LGBMRegressor (lightgbm.sklearn): the model text pickled inside the wrapper is read
 * as data (./lightgbm-model.ts) and predicted as GBDT::PredictRaw does (leaf values summed in double,
 * tree by tree, over best_iteration iterations when early stopping set one), then the objective's
 * transform. Explanations: exact TreeSHAP of the raw score with the trees' data counts as cover, as
 * LightGBM's own `pred_contrib` does.
 */
import { attr, isObject, type PyValue } from "../../pickle/values";
import { toLabels } from "../arrays";
import { checkWidth, InputError, toFloat } from "../input";
import { Ensemble } from "../trees/ensemble";
import { finishTree, type FlatTree } from "../trees/flat-tree";
import type { OutputHead } from "../trees/heads";
import { argmaxOf } from "../trees/numeric";
import { makeTreeEstimator } from "../trees/tree-estimator";
import { LoadError, type EstimatorEntry, type InputRow, type Label, type Loader } from "../types";
import { lgbLeaf, readLgbModel, type LgbModel, type LgbTree } from "./lightgbm-model";

/** Internal nodes keep their index; leaf c becomes node (numLeaves − 1) + c. */
function flatTree(t: LgbTree, nFeatures: number, what: string): FlatTree {
  const m = t.numLeaves - 1;
  const n = m + t.numLeaves;
  const left = new Int32Array(n).fill(-1);
  const right = new Int32Array(n).fill(-1);
  const feature = new Int32Array(n);
  const threshold = new Float64Array(n);
  const missingLeft = new Uint8Array(n);
  const cover = new Float64Array(n);
  const value = new Float64Array(n);
  const node = (c: number) => (c >= 0 ? c : m + ~c);
  for (let i = 0; i < m; i++) {
    left[i] = node(t.left[i]!);
    right[i] = node(t.right[i]!);
    feature[i] = t.feature[i]!;
    threshold[i] = t.threshold[i]!;
    missingLeft[i] = (t.decisionType[i]! & 2) !== 0 ? 1 : 0;
    cover[i] = t.internalCount[i]!;
  }
  for (let c = 0; c < t.numLeaves; c++) {
    value[m + c] = t.leafValue[c]!;
    cover[m + c] = t.leafCount[c]!;
  }
  return finishTree({ nodeCount: n, nOut: 1, left, right, feature, threshold, missingLeft, cover, value }, nFeatures, what);
}

type Link = "identity" | "sigmoid" | "softmax" | "exp";

function linkOf(model: LgbModel): Link | null {
  const o = model.objective;
  if (/^(regression|regression_l1|l1|l2|huber|fair|quantile|mape|mae|mse|rmse)$/.test(o)) return "identity";
  if (o === "binary" || o === "cross_entropy" || o === "xentropy") return "sigmoid";
  if (o === "multiclass" || o === "softmax") return "softmax";
  if (o === "poisson" || o === "gamma" || o === "tweedie") return "exp";
  return null;
}

function lgbLoader(classifier: boolean): Loader {
  return (obj: PyValue) => {
    if (!isObject(obj)) throw new LoadError("malformed", "expected an estimator object");
    const className = obj.$class;
    const name = className.slice(className.lastIndexOf(".") + 1);
    const booster = attr(obj, "_Booster");
    if (!isObject(booster)) throw new LoadError("malformed", `${name}: no fitted booster (_Booster)`);
    const text = attr(booster, "handle") ?? attr(booster, "_handle");
    if (typeof text !== "string") throw new LoadError("malformed", `${name}: the booster holds no model text`);
    const model = readLgbModel(text);
    const link = linkOf(model);
    if (!link) throw new LoadError("unsupported_class", `${name}: objective ${JSON.stringify(model.objective).slice(0, 60)} cannot be served`);
    const nFeatures = model.numFeatures;
    const declared = attr(obj, "_n_features");
    if (typeof declared === "number" && declared !== nFeatures) throw new LoadError("malformed", `${name}: _n_features ${declared} but the model has ${nFeatures} features`);
    const K = model.treesPerIteration;
    let classes: Label[] | null = null;
    if (classifier) {
      classes = toLabels(attr(obj, "_classes"), `${name} _classes`);
      if ((K === 1 && classes.length !== 2) || (K > 1 && classes.length !== K) || (K === 1 && link !== "sigmoid")) {
        throw new LoadError("malformed", `${name}: ${classes.length} classes for objective ${model.objective} with ${K} trees per iteration`);
      }
    } else if (K !== 1) {
      throw new LoadError("unsupported_class", `${name}: multi-output boosters cannot be served`);
    }
    const best = Number(attr(booster, "best_iteration") ?? 0);
    const iterations = model.trees.length / K;
    const used = best > 0 && best <= iterations ? best : iterations;
    const trees = model.trees.slice(0, used * K);
    const sigmoid = Number(model.objectiveParams.get("sigmoid") ?? 1);

    const names = model.featureNames.length === nFeatures && !model.featureNames.every((f, i) => f === `Column_${i}`) ? model.featureNames : null;
    const head: OutputHead = {
      kind: classifier ? "classifier" : "regressor",
      outputNames: K > 1 ? classes!.map((c) => `raw_score[class=${String(c)}]`) : [link === "identity" ? "predict" : "raw_score"],
      predict: () => 0, // replaced below
      explained: (raw) => (K > 1 ? argmaxOf(raw) : 0),
    };
    const ensemble = new Ensemble(nFeatures, trees.map((t, i) => flatTree(t, nFeatures, `${name} tree ${i}`)), Int32Array.from(trees, (_, i) => i % K), K, {
      kind: "stagewise",
      init: new Float64Array(K),
      weight: 1,
    });
    const est = makeTreeEstimator({ className, nFeatures, featureNames: names, classes, ensemble, head, input: "float64" });

    const row = new Float64Array(nFeatures);
    const raw = new Float64Array(K);
    const rawOf = (x: InputRow, i: number) => {
      if (!Array.isArray(x)) throw new InputError(`row ${i} is not an array`);
      checkWidth(x, nFeatures, i);
      for (let j = 0; j < nFeatures; j++) row[j] = toFloat(x[j]!, i, j);
      raw.fill(0);
      for (let t = 0; t < trees.length; t++) raw[t % K]! += trees[t]!.leafValue[lgbLeaf(trees[t]!, row)]!;
      return raw;
    };
    const output = (r: Float64Array): number[] => {
      if (link === "sigmoid") return [1 / (1 + Math.exp(-sigmoid * r[0]!))];
      if (link === "exp") return [Math.exp(r[0]!)];
      if (link === "softmax") {
        let max = -Infinity;
        for (const v of r) max = Math.max(max, v);
        const e = Array.from(r, (v) => Math.exp(v - max));
        const sum = e.reduce((a, b) => a + b, 0);
        return e.map((v) => v / sum);
      }
      return [r[0]!];
    };
    if (!classifier) {
      est.predict = (X) => X.map((x, i) => output(rawOf(x, i))[0]!);
      return est;
    }
    const proba = (r: Float64Array) => {
      const p = output(r);
      return K === 1 ? [1 - p[0]!, p[0]!] : p;
    };
    est.predictProba = (X) => X.map((x, i) => proba(rawOf(x, i)));
    est.predict = (X) => X.map((x, i) => classes![argmaxOf(proba(rawOf(x, i)))]!);
    est.decisionFunction = (X) => X.map((x, i) => Array.from(rawOf(x, i)));
    return est;
  };
}

export const lightgbmWrappers: EstimatorEntry[] = [
  { className: "lightgbm.sklearn.LGBMClassifier", load: lgbLoader(true) },
  { className: "lightgbm.sklearn.LGBMRegressor", load: lgbLoader(false) },
];
