/**
 * HistGradientBoostingClassifier / HistGradientBoostingRegressor (1.2): raw = baseline + Σ iteration
 * leaf values (learning rate already folded in), compared in float64 with NaN routed by
 * missing_go_to_left; then sigmoid / softmax / the regression loss's inverse link.
 */
import { attr, isList, isTuple } from "../../pickle/values";
import { toNumbers } from "../arrays";
import { LoadError, type EstimatorEntry, type Label, type Loader } from "../types";
import { Ensemble } from "./ensemble";
import type { FlatTree } from "./flat-tree";
import { readPredictor } from "./hgb-predictor";
import { binaryHead, multiclassHead, regressionHead, type OutputHead } from "./heads";
import { readMeta, type Meta } from "./meta";
import { makeTreeEstimator } from "./tree-estimator";

const IDENTITY_LOSSES = new Set(["squared_error", "least_squares", "absolute_error", "least_absolute_deviation", "quantile"]);
const LOG_LOSSES = new Set(["poisson", "gamma"]);
const CLASSIFIER_LOSSES = new Set(["log_loss", "auto", "binary_crossentropy", "categorical_crossentropy"]);

function histGradientBoostingLoader(classifier: boolean): Loader {
  return (v) => {
    const m = readMeta(v, classifier);
    const K = Number(attr(m.obj, "n_trees_per_iteration_"));
    if (!Number.isInteger(K) || K < 1) throw new LoadError("malformed", `${m.name}: n_trees_per_iteration_ missing`);
    const head = classifier ? classifierHead(m, K) : regressorHead(m, K);
    const baseline = toNumbers(attr(m.obj, "_baseline_prediction"), `${m.name} _baseline_prediction`);
    if (baseline.length !== K) throw new LoadError("malformed", `${m.name}: _baseline_prediction must hold ${K} values`);

    const iterations = attr(m.obj, "_predictors");
    if (!isList(iterations) || iterations.length === 0) throw new LoadError("malformed", `${m.name}: _predictors missing`);
    const trees: FlatTree[] = [];
    iterations.forEach((it, i) => {
      if ((!isList(it) && !isTuple(it)) || it.length !== K) {
        throw new LoadError("malformed", `${m.name}: _predictors[${i}] must hold ${K} predictors`);
      }
      it.forEach((p, k) => trees.push(readPredictor(p, m.nFeatures, `${m.name} _predictors[${i}][${k}]`)));
    });
    const column = Int32Array.from(trees, (_, i) => i % K);
    const init = Float64Array.from(baseline);
    const ensemble = new Ensemble(m.nFeatures, trees, column, K, { kind: "stagewise", init, weight: 1 });
    return makeTreeEstimator({
      className: m.className,
      nFeatures: m.nFeatures,
      featureNames: m.featureNames,
      classes: m.classes,
      ensemble,
      head,
      input: "float64",
    });
  };
}

function classifierHead(m: Meta, K: number): OutputHead {
  const classes = m.classes as Label[];
  const loss = attr(m.obj, "loss");
  if (typeof loss !== "string" || !CLASSIFIER_LOSSES.has(loss)) {
    throw new LoadError("unsupported_class", `${m.name}: loss ${String(loss)} cannot be served`);
  }
  if (classes.length === 2 && K === 1) return binaryHead(classes, "logit");
  if (classes.length > 2 && K === classes.length) return multiclassHead(classes, "hist_gradient_boosting");
  throw new LoadError("malformed", `${m.name}: ${classes.length} classes but ${K} trees per iteration`);
}

function regressorHead(m: Meta, K: number): OutputHead {
  const loss = attr(m.obj, "loss");
  if (K !== 1) throw new LoadError("malformed", `${m.name}: a regressor has one tree per iteration`);
  if (typeof loss === "string" && IDENTITY_LOSSES.has(loss)) return regressionHead("identity");
  if (typeof loss === "string" && LOG_LOSSES.has(loss)) return regressionHead("log");
  throw new LoadError("unsupported_class", `${m.name}: loss ${String(loss)} cannot be served`);
}

const HGB = "sklearn.ensemble._hist_gradient_boosting.gradient_boosting";

/** HistGradientBoosting; explained exactly by TreeSHAP on the raw margin (cover = node count). */
export const histGradientBoosting: EstimatorEntry[] = [
  { className: `${HGB}.HistGradientBoostingClassifier`, load: histGradientBoostingLoader(true) },
  { className: `${HGB}.HistGradientBoostingRegressor`, load: histGradientBoostingLoader(false) },
];
