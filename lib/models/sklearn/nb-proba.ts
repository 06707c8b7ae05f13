/** Naive Bayes probabilities from joint log-likelihoods, as _BaseNB.predict_proba: exp(jll − logsumexp(jll)) with scipy's logsumexp. */
import { npSum } from "./arrays";

export function probaFromJointLogLikelihood(jll: readonly number[]): number[] {
  let max = -Infinity;
  for (const v of jll) if (v > max) max = v;
  if (!Number.isFinite(max)) max = 0;
  const logProbX = Math.log(npSum(jll.map((v) => Math.exp(v - max)))) + max;
  return jll.map((v) => Math.exp(v - logProbX));
}
