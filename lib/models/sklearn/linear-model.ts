/**
 * The shared core of scikit-learn's linear models (coef_, intercept_, X·coefᵀ + intercept) and the
 * regressors built on it: LinearRegression, Ridge, Lasso, ElasticNet, SGDRegressor, LinearSVR.
 */
import { attr, type PyValue } from "../pickle/values";
import { classNameOf, featureNamesIn, need, nFeaturesIn, toMatrix, toNumbers } from "./arrays";
import { linearExplanation, resolveMean } from "./explain/linear-shap";
import { numericRows } from "./input";
import { LoadError, type Estimator, type EstimatorEntry, type ExplainContext, type Explanation, type InputRow, type Loader } from "./types";

export interface LinearCore {
  /** One row per output (class, or the single regression target). */
  coef: number[][];
  intercept: number[];
  nFeatures: number;
}

/** An estimator whose outputs are linear margins: exposes every output's exact SHAP, not only the default one. */
export interface LinearEstimator extends Estimator {
  explain(x: InputRow, ctx: ExplainContext): Explanation;
  /** Exact linear SHAP of output k (class k's decision_function, or 0 for a regressor). */
  explainOutput(x: InputRow, ctx: ExplainContext, k: number): Explanation;
}

export function readLinearCore(obj: PyValue, className: string): LinearCore {
  const coef = toMatrix(need(obj, "coef_", className), `${className}.coef_`);
  const width = coef[0]?.length ?? 0;
  if (coef.length === 0 || width === 0 || coef.some((r) => r.length !== width)) {
    throw new LoadError("malformed", `${className}.coef_ is empty or ragged`);
  }
  // intercept_ is a Python float, a numpy scalar or an array (fit_intercept=False stores 0.0).
  const raw = attr(obj, "intercept_");
  const intercept = raw === undefined || raw === null ? [0] : toNumbers(raw, `${className}.intercept_`);
  const full = intercept.length === 1 && coef.length > 1 ? coef.map(() => intercept[0]!) : intercept;
  if (full.length !== coef.length) throw new LoadError("malformed", `${className}: intercept_ does not match coef_`);
  const declared = nFeaturesIn(obj);
  if (declared !== null && declared !== width) throw new LoadError("malformed", `${className}: n_features_in_ ≠ coef_ width`);
  return { coef, intercept: full, nFeatures: width };
}

/** Σ_j x_j·coef_j + intercept, summed left to right like a dot product, then the intercept added. */
export function margin(core: LinearCore, x: readonly number[], k: number): number {
  const w = core.coef[k]!;
  let s = 0;
  for (let j = 0; j < w.length; j++) s += x[j]! * w[j]!;
  return s + core.intercept[k]!;
}

/** All margins of every row: decision_function as a matrix [row][output]. */
export function margins(core: LinearCore, rows: readonly (readonly number[])[]): number[][] {
  return rows.map((x) => core.coef.map((_, k) => margin(core, x, k)));
}

/** Exact SHAP of output k at row x, with the background mean taken from ctx (or 0 when there is none). */
export function explainLinearOutput(core: LinearCore, x: InputRow, ctx: ExplainContext, k: number, output: string): Explanation {
  const [row] = numericRows([x], core.nFeatures);
  const { mean, source } = resolveMean(ctx, core.nFeatures);
  return linearExplanation(core.coef[k]!, core.intercept[k]!, row!, mean, output, source);
}

const loadLinearRegressor: Loader = (obj) => {
  const className = classNameOf(obj);
  const core = readLinearCore(obj, className);
  if (core.coef.length !== 1) {
    throw new LoadError("unsupported_class", `${className} with ${core.coef.length} targets (multi-output) cannot be served`);
  }
  const est: LinearEstimator = {
    className,
    kind: "regressor",
    nFeatures: core.nFeatures,
    featureNames: featureNamesIn(obj),
    classes: null,
    predict: (X) => numericRows(X, core.nFeatures).map((x) => margin(core, x, 0)),
    explain: (x, ctx) => explainLinearOutput(core, x, ctx, 0, "predict"),
    explainOutput: (x, ctx) => explainLinearOutput(core, x, ctx, 0, "predict"),
  };
  return est;
};

/** Single-target linear regressors; explained exactly by linear SHAP. */
export const linearRegressors: EstimatorEntry[] = [
  { className: "sklearn.linear_model._base.LinearRegression", load: loadLinearRegressor },
  { className: "sklearn.linear_model._ridge.Ridge", load: loadLinearRegressor },
  { className: "sklearn.linear_model._coordinate_descent.Lasso", load: loadLinearRegressor },
  { className: "sklearn.linear_model._coordinate_descent.ElasticNet", load: loadLinearRegressor },
  { className: "sklearn.linear_model._stochastic_gradient.SGDRegressor", load: loadLinearRegressor },
  { className: "sklearn.svm._classes.LinearSVR", load: loadLinearRegressor },
  // The cross-validated variants keep the model refitted on all data in the same coef_ / intercept_.
  { className: "sklearn.linear_model._coordinate_descent.ElasticNetCV", load: loadLinearRegressor },
  { className: "sklearn.linear_model._coordinate_descent.LassoCV", load: loadLinearRegressor },
  { className: "sklearn.linear_model._ridge.RidgeCV", load: loadLinearRegressor },
];
