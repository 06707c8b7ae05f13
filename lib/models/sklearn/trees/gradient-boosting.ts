/**
 * GradientBoostingClassifier / GradientBoostingRegressor (sklearn.ensemble._gb, 1.2): raw = init +
 * learning_rate · Σ stage trees, added stage by stage as predict_stages does. Behaviour follows the
 * `loss` param, not the loss object, whose module moved in 1.4 (docs/sklearn-pickles.md §8).
 */
import { attr, isNdArray, isObject, type PyObject, type PyValue } from "../../pickle/values";
import { npSum, toNumbers } from "../arrays";
import { LoadError, type EstimatorEntry, type Label, type Loader } from "../types";
import { Ensemble } from "./ensemble";
import { binaryHead, multiclassHead, regressionHead, type OutputHead } from "./heads";
import { numberParam, readMeta, type Meta } from "./meta";
import { argmaxOf, clipProba } from "./numeric";
import { estimatorList, readEstimatorTree } from "./sklearn-tree";
import { makeTreeEstimator } from "./tree-estimator";

const REGRESSION_LOSSES = new Set(["squared_error", "ls", "absolute_error", "lad", "huber", "quantile"]);
const LOGISTIC_LOSSES = new Set(["log_loss", "deviance"]);

function gradientBoostingLoader(classifier: boolean): Loader {
  return (v) => {
    const m = readMeta(v, classifier);
    const loss = attr(m.obj, "loss");
    const lr = numberParam(m.obj, "learning_rate", m.name);
    const { head, init } = classifier ? classifierParts(m, loss) : regressorParts(m, loss);
    const K = init.length;

    const est = attr(m.obj, "estimators_");
    if (!isNdArray(est) || est.shape.length !== 2 || est.shape[1] !== K || est.shape[0]! < 1) {
      throw new LoadError("malformed", `${m.name}: estimators_ must have shape (n_stages, ${K})`);
    }
    const trees = estimatorList(est, `${m.name} estimators_`).map((e, i) => {
      const what = `${m.name} estimators_[${Math.floor(i / K)}, ${i % K}]`;
      if (!isObject(e) || e.$class !== "sklearn.tree._classes.DecisionTreeRegressor") {
        throw new LoadError("malformed", `${what}: not a DecisionTreeRegressor`);
      }
      return readEstimatorTree(e, { nFeatures: m.nFeatures, classifier: false }, what);
    });
    // C order: tree i belongs to stage ⌊i/K⌋ and adds to column i mod K.
    const column = Int32Array.from(trees, (_, i) => i % K);
    const ensemble = new Ensemble(m.nFeatures, trees, column, K, { kind: "stagewise", init, weight: lr });
    return makeTreeEstimator({
      className: m.className,
      nFeatures: m.nFeatures,
      featureNames: m.featureNames,
      classes: m.classes,
      ensemble,
      head,
      input: "float32",
    });
  };
}

function regressorParts(m: Meta, loss: PyValue | undefined): { head: OutputHead; init: Float64Array } {
  if (typeof loss !== "string" || !REGRESSION_LOSSES.has(loss)) {
    throw new LoadError("unsupported_class", `${m.name}: loss ${String(loss)} cannot be served`);
  }
  const init = attr(m.obj, "init_");
  if (init === "zero") return { head: regressionHead(), init: new Float64Array(1) };
  const legacy = legacyInit(m, init, 1);
  if (legacy) return { head: regressionHead(), init: legacy };
  if (!isObject(init) || init.$class !== "sklearn.dummy.DummyRegressor") throw customInit(m, init);
  // DummyRegressor.predict is constant_ whatever its strategy (mean, median, quantile, constant).
  const constant = toNumbers(attr(init, "constant_"), `${m.name} init_.constant_`);
  if (constant.length !== 1) throw new LoadError("malformed", `${m.name}: init_.constant_ must hold one value`);
  return { head: regressionHead(), init: Float64Array.of(constant[0]!) };
}

function classifierParts(m: Meta, loss: PyValue | undefined): { head: OutputHead; init: Float64Array } {
  const classes = m.classes as Label[];
  const n = classes.length;
  if (n < 2) throw new LoadError("malformed", `${m.name}: at least two classes expected`);
  const exponential = loss === "exponential";
  if (typeof loss !== "string" || (!exponential && !LOGISTIC_LOSSES.has(loss)) || (exponential && n !== 2)) {
    throw new LoadError("unsupported_class", `${m.name}: loss ${String(loss)} cannot be served`);
  }
  const head = n === 2 ? binaryHead(classes, exponential ? "exponential" : "logit") : multiclassHead(classes, "gradient_boosting");
  const K = n === 2 ? 1 : n;
  const initObj = attr(m.obj, "init_");
  if (initObj === "zero") return { head, init: new Float64Array(K) };
  const legacy = legacyInit(m, initObj, K);
  if (legacy) return { head, init: legacy };
  const p = initProba(m, initObj, n);
  if (n > 2 && isSymmetricMultinomial(m.obj)) {
    // ≥ 1.4: MultinomialLogit.link, log(p / gmean(p)) with gmean = exp(mean(log p)) (§13); softmax
    // is unchanged, decision_function is shifted by a constant.
    const clipped = p.map(clipProba);
    const gmean = Math.exp(npSum(clipped.map(Math.log)) / n);
    return { head, init: Float64Array.from(clipped, (q) => Math.log(q / gmean)) };
  }
  if (n > 2) return { head, init: Float64Array.from(p, (q) => Math.log(clipProba(q))) };
  // BinomialDeviance / ExponentialLoss.get_init_raw_predictions: log-odds of the clipped prior.
  const p1 = clipProba(p[1]!);
  const logOdds = Math.log(p1 / (1 - p1));
  return { head, init: Float64Array.of(exponential ? 0.5 * logOdds : logOdds) };
}

/** From 1.4 the boosting loss is a sklearn._loss object, whose multinomial link centres the raw init. */
const isSymmetricMultinomial = (obj: PyObject) => {
  const loss = attr(obj, "_loss");
  return isObject(loss) && loss.$class === "sklearn._loss.loss.HalfMultinomialLoss";
};

/** DummyClassifier.predict_proba for the strategies that do not depend on X or a random state. */
function initProba(m: Meta, init: PyValue | undefined, n: number): number[] {
  if (!isObject(init) || init.$class !== "sklearn.dummy.DummyClassifier") throw customInit(m, init);
  const strategy = attr(init, "_strategy") ?? attr(init, "strategy");
  const prior = toNumbers(attr(init, "class_prior_"), `${m.name} init_.class_prior_`);
  if (prior.length !== n) throw new LoadError("malformed", `${m.name}: init_.class_prior_ has ${prior.length} classes, expected ${n}`);
  if (strategy === "prior") return prior;
  if (strategy === "uniform") return prior.map(() => 1 / n);
  if (strategy === "most_frequent") {
    const top = argmaxOf(prior);
    return prior.map((_, i) => (i === top ? 1 : 0));
  }
  throw new LoadError("unsupported_class", `${m.name}: an init DummyClassifier with strategy ${String(strategy)} cannot be served`);
}

/**
 * Before 0.21 the init estimators were the module's own small classes, whose predict *is* the raw
 * init score (docs/sklearn-pickles.md §13): LogOddsEstimator / ScaledLogOddsEstimator `prior`
 * (already scaled), PriorProbabilityEstimator `priors` (the probabilities themselves, not their
 * logs), MeanEstimator `mean`, QuantileEstimator `quantile`, ZeroEstimator 0. null for any other init.
 */
function legacyInit(m: Meta, init: PyValue | undefined, K: number): Float64Array | null {
  if (!isObject(init) || !init.$class.startsWith("sklearn.ensemble._gb.")) return null;
  const kind = init.$class.slice("sklearn.ensemble._gb.".length);
  const values = (key: string) => {
    const v = toNumbers(attr(init, key), `${m.name} init_.${key}`);
    if (v.length !== K) throw new LoadError("malformed", `${m.name}: init_.${key} has ${v.length} values, expected ${K}`);
    return Float64Array.from(v);
  };
  if (kind === "LogOddsEstimator" || kind === "ScaledLogOddsEstimator") return values("prior");
  if (kind === "PriorProbabilityEstimator") return values("priors");
  if (kind === "MeanEstimator") return values("mean");
  if (kind === "QuantileEstimator") return values("quantile");
  if (kind === "ZeroEstimator") return new Float64Array(K);
  return null;
}

function customInit(m: Meta, init: PyValue | undefined): LoadError {
  const what = isObject(init) ? (init as PyObject).$class : String(init);
  return new LoadError("unsupported_class", `${m.name}: init_ ${what} cannot be served (only the default Dummy* init or 'zero')`);
}

/** Gradient boosting; explained exactly by TreeSHAP on the raw margin. */
export const gradientBoosting: EstimatorEntry[] = [
  { className: "sklearn.ensemble._gb.GradientBoostingClassifier", load: gradientBoostingLoader(true) },
  { className: "sklearn.ensemble._gb.GradientBoostingRegressor", load: gradientBoostingLoader(false) },
];
