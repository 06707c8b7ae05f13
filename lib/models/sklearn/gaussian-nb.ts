/**
 * GaussianNB: joint log-likelihood per class, log(prior) − ½Σlog(2π·var) − ½Σ(x−θ)²/var, and
 * probabilities via scipy's logsumexp. Sums use numpy's pairwise order (npSum).
 */
import { attr } from "../pickle/values";
import { argmax, classNameOf, featureNamesIn, need, npSum, toLabels, toMatrix, toNumbers } from "./arrays";
import type { ModelBackground } from "./explain/background";
import { withEnumeration } from "./explain/fallback";
import { numericRows } from "./input";
import { probaFromJointLogLikelihood } from "./nb-proba";
import { LoadError, type Estimator, type EstimatorEntry, type InputRow, type Loader } from "./types";

const loadGaussianNb: Loader = (obj) => {
  const className = classNameOf(obj);
  const classes = toLabels(need(obj, "classes_", className), `${className}.classes_`);
  const theta = toMatrix(need(obj, "theta_", className), `${className}.theta_`);
  // scikit-learn 1.0 renamed sigma_ to var_ (docs/sklearn-pickles.md §8).
  const varRaw = attr(obj, "var_") ?? attr(obj, "sigma_");
  if (varRaw === undefined) throw new LoadError("malformed", `${className}: missing var_`);
  const variance = toMatrix(varRaw, `${className}.var_`);
  const prior = toNumbers(need(obj, "class_prior_", className), `${className}.class_prior_`);
  const nFeatures = theta[0]?.length ?? 0;
  if (theta.length !== classes.length || variance.length !== classes.length || prior.length !== classes.length) {
    throw new LoadError("malformed", `${className}: parameters do not match classes_`);
  }
  const logNorm = variance.map((v) => -0.5 * npSum(v.map((s) => Math.log(2 * Math.PI * s))));
  const logPrior = prior.map(Math.log);

  const jointLogLikelihood = (X: InputRow[]) =>
    numericRows(X, nFeatures).map((x) =>
      classes.map((_, i) => {
        const t = theta[i]!;
        const v = variance[i]!;
        const sq = x.map((xj, j) => {
          const d = xj - t[j]!;
          return (d * d) / v[j]!;
        });
        return logPrior[i]! + (logNorm[i]! - 0.5 * npSum(sq));
      }),
    );

  const proba = (X: InputRow[]) => jointLogLikelihood(X).map(probaFromJointLogLikelihood);

  // Without uploaded data, the mixture mean Σ prior_k·θ_k stands in as the background.
  const mean = Array.from({ length: nFeatures }, (_, j) => theta.reduce((s, t, k) => s + prior[k]! * t[j]!, 0));
  const est: Estimator & ModelBackground = {
    className,
    kind: "classifier",
    nFeatures,
    featureNames: featureNamesIn(obj),
    classes,
    predict: (X) => jointLogLikelihood(X).map((jll) => classes[argmax(jll)]!),
    predictProba: proba,
    modelBackground: () => ({ rows: [mean], source: "model" }),
  };
  return withEnumeration(est);
};

/** Gaussian naive Bayes; exact coalition enumeration with ≤ 12 inputs (around the mixture mean without data), else sampling. */
export const gaussianNaiveBayes: EstimatorEntry[] = [{ className: "sklearn.naive_bayes.GaussianNB", load: loadGaussianNb }];
