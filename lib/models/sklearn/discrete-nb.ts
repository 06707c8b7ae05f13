/**
 * Discrete naive Bayes (MultinomialNB, ComplementNB, BernoulliNB, CategoricalNB): each class's joint
 * log-likelihood from the fitted feature_log_prob_ and class_log_prior_, in scikit-learn 1.2's order
 * of operations; predict takes the first argmax, predict_proba normalises by logsumexp.
 */
import { attr, isList, isTuple, type PyValue } from "../pickle/values";
import { argmax, classNameOf, featureNamesIn, need, nFeaturesIn, npSum, toLabels, toMatrix, toNumbers } from "./arrays";
import { withEnumeration } from "./explain/fallback";
import { InputError, numericRows } from "./input";
import { probaFromJointLogLikelihood } from "./nb-proba";
import { LoadError, type Estimator, type EstimatorEntry, type InputRow, type Label, type Loader } from "./types";

type JointLogLikelihood = (x: readonly number[], row: number) => number[];

interface Fitted {
  className: string;
  classes: Label[];
  classLogPrior: number[];
}

function readCommon(obj: PyValue): Fitted {
  const className = classNameOf(obj);
  const classes = toLabels(need(obj, "classes_", className), `${className}.classes_`);
  const classLogPrior = toNumbers(need(obj, "class_log_prior_", className), `${className}.class_log_prior_`);
  if (classes.length === 0 || classLogPrior.length !== classes.length) throw new LoadError("malformed", `${className}: class_log_prior_ does not match classes_`);
  return { className, classes, classLogPrior };
}

/** feature_log_prob_ as [class][feature], checked against the classes and n_features_in_. */
function featureLogProb(obj: PyValue, fit: Fitted): number[][] {
  const flp = toMatrix(need(obj, "feature_log_prob_", fit.className), `${fit.className}.feature_log_prob_`);
  const width = flp[0]?.length ?? 0;
  const declared = nFeaturesIn(obj);
  if (flp.length !== fit.classes.length || width === 0 || flp.some((r) => r.length !== width) || (declared !== null && declared !== width)) {
    throw new LoadError("malformed", `${fit.className}: feature_log_prob_ does not match classes_ and n_features_in_`);
  }
  return flp;
}

const dot = (x: readonly number[], w: readonly number[]) => {
  let s = 0;
  for (let j = 0; j < w.length; j++) s += x[j]! * w[j]!;
  return s;
};

function build(obj: PyValue, fit: Fitted, nFeatures: number, jll: JointLogLikelihood, toRow = numericRows): Estimator {
  const all = (X: InputRow[]) => toRow(X, nFeatures).map((x, i) => jll(x, i));
  const est: Estimator = {
    className: fit.className,
    kind: "classifier",
    nFeatures,
    featureNames: featureNamesIn(obj),
    classes: fit.classes,
    predict: (X) => all(X).map((j) => fit.classes[argmax(j)]!),
    predictProba: (X) => all(X).map(probaFromJointLogLikelihood),
  };
  // Cheap to evaluate: with few inputs, enumerate coalitions exactly; otherwise the caller samples.
  return withEnumeration(est);
}

/** MultinomialNB: X·feature_log_prob_ᵀ + class_log_prior_. */
const loadMultinomial: Loader = (obj) => {
  const fit = readCommon(obj);
  const flp = featureLogProb(obj, fit);
  return build(obj, fit, flp[0]!.length, (x) => flp.map((w, k) => dot(x, w) + fit.classLogPrior[k]!));
};

/** ComplementNB: X·feature_log_prob_ᵀ (the complement weights, normalised at fit when norm=True); the prior only with one class. */
const loadComplement: Loader = (obj) => {
  const fit = readCommon(obj);
  const flp = featureLogProb(obj, fit);
  const single = fit.classes.length === 1;
  return build(obj, fit, flp[0]!.length, (x) => flp.map((w, k) => (single ? dot(x, w) + fit.classLogPrior[k]! : dot(x, w))));
};

/** BernoulliNB: inputs binarised at `binarize` (None: taken as 0/1), then X·(log p − log(1−p))ᵀ + (prior + Σ log(1−p)). */
const loadBernoulli: Loader = (obj) => {
  const fit = readCommon(obj);
  const flp = featureLogProb(obj, fit);
  const raw = attr(obj, "binarize");
  const threshold = raw === null || raw === undefined ? null : toNumbers(raw, `${fit.className}.binarize`)[0]!;
  const neg = flp.map((r) => r.map((v) => Math.log(1 - Math.exp(v))));
  const delta = flp.map((r, k) => r.map((v, j) => v - neg[k]![j]!));
  const offset = fit.classLogPrior.map((p, k) => p + npSum(neg[k]!));
  return build(obj, fit, flp[0]!.length, (x) => {
    const b = threshold === null ? x : x.map((v) => (v > threshold ? 1 : 0));
    return delta.map((w, k) => dot(b, w) + offset[k]!);
  });
};

/** CategoricalNB: Σ_i feature_log_prob_[i][class][x_i] + class_log_prior_; x_i are category codes 0 … n_categories_[i]−1. */
const loadCategorical: Loader = (obj) => {
  const fit = readCommon(obj);
  const className = fit.className;
  const raw = need(obj, "feature_log_prob_", className);
  if (!isList(raw) && !isTuple(raw)) throw new LoadError("malformed", `${className}.feature_log_prob_ must be a list of arrays`);
  const perFeature = raw.map((a, i) => toMatrix(a, `${className}.feature_log_prob_[${i}]`));
  const declared = nFeaturesIn(obj);
  if (perFeature.length === 0 || (declared !== null && declared !== perFeature.length)) throw new LoadError("malformed", `${className}: feature_log_prob_ does not match n_features_in_`);
  const nCats = perFeature.map((m, i) => {
    const n = m[0]?.length ?? 0;
    if (m.length !== fit.classes.length || n === 0 || m.some((r) => r.length !== n)) throw new LoadError("malformed", `${className}.feature_log_prob_[${i}] does not match classes_`);
    return n;
  });
  // scikit-learn casts inputs to int (truncating) and refuses negatives; a code past the fitted categories is an error there too.
  const codes = (X: readonly InputRow[], n: number) =>
    numericRows(X, n).map((x, r) =>
      x.map((v, i) => {
        const c = Math.trunc(v);
        if (!Number.isFinite(v) || c < 0) throw new InputError(`row ${r}, column ${i}: CategoricalNB takes non-negative category codes`);
        if (c >= nCats[i]!) throw new InputError(`row ${r}, column ${i}: category ${c} was not seen in fit (${nCats[i]} categories)`);
        return c;
      }),
    );
  return build(obj, fit, perFeature.length, (x) => {
    const jll = new Array<number>(fit.classes.length).fill(0);
    perFeature.forEach((m, i) => m.forEach((r, k) => (jll[k]! += r[x[i]!]!)));
    return jll.map((v, k) => v + fit.classLogPrior[k]!);
  }, codes);
};

/** Discrete naive Bayes; exact coalition enumeration of the predicted class's probability with ≤ 12 inputs, else sampling. */
export const discreteNaiveBayes: EstimatorEntry[] = [
  { className: "sklearn.naive_bayes.MultinomialNB", load: loadMultinomial },
  { className: "sklearn.naive_bayes.ComplementNB", load: loadComplement },
  { className: "sklearn.naive_bayes.BernoulliNB", load: loadBernoulli },
  { className: "sklearn.naive_bayes.CategoricalNB", load: loadCategorical },
];
