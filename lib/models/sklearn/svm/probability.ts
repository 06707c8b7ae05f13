/**
 * libsvm's probability estimates for SVC / NuSVC (svm.cpp svm_predict_probability): each pairwise
 * decision value goes through its Platt sigmoid (probA_/probB_), clipped to [1e−7, 1 − 1e−7], and the
 * pairwise probabilities are coupled into class probabilities by multiclass_probability (Wu, Lin and
 * Weng's method 2), run with libsvm's own stopping rule even for two classes, as scikit-learn does.
 */

/** svm.cpp sigmoid_predict: 1/(1+exp(dec·A+B)), written to avoid cancellation on either side. */
export function sigmoidPredict(decision: number, A: number, B: number): number {
  const fApB = decision * A + B;
  if (fApB >= 0) return Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
  return 1.0 / (1 + Math.exp(fApB));
}

/** svm.cpp multiclass_probability: r[i][j] is P(class i | i or j); returns p with Σp = 1. */
export function multiclassProbability(r: readonly (readonly number[])[]): number[] {
  const k = r.length;
  const maxIter = Math.max(100, k);
  const eps = 0.005 / k;
  const p = new Array<number>(k).fill(1.0 / k);
  const Q = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const Qp = new Array<number>(k).fill(0);
  for (let t = 0; t < k; t++) {
    Q[t]![t] = 0;
    for (let j = 0; j < t; j++) {
      Q[t]![t]! += r[j]![t]! * r[j]![t]!;
      Q[t]![j] = Q[j]![t]!;
    }
    for (let j = t + 1; j < k; j++) {
      Q[t]![t]! += r[j]![t]! * r[j]![t]!;
      Q[t]![j] = -r[j]![t]! * r[t]![j]!;
    }
  }
  for (let iter = 0; iter < maxIter; iter++) {
    // Stopping condition: recompute Qp and pQp for accuracy, as libsvm does.
    let pQp = 0;
    for (let t = 0; t < k; t++) {
      Qp[t] = 0;
      for (let j = 0; j < k; j++) Qp[t]! += Q[t]![j]! * p[j]!;
      pQp += p[t]! * Qp[t]!;
    }
    let maxError = 0;
    for (let t = 0; t < k; t++) {
      const error = Math.abs(Qp[t]! - pQp);
      if (error > maxError) maxError = error;
    }
    if (maxError < eps) break;
    for (let t = 0; t < k; t++) {
      const diff = (-Qp[t]! + pQp) / Q[t]![t]!;
      p[t]! += diff;
      pQp = (pQp + diff * (diff * Q[t]![t]! + 2 * Qp[t]!)) / (1 + diff) / (1 + diff);
      for (let j = 0; j < k; j++) {
        Qp[j] = (Qp[j]! + diff * Q[t]![j]!) / (1 + diff);
        p[j]! /= 1 + diff;
      }
    }
  }
  return p;
}

/** Class probabilities from the one-vs-one decision values (libsvm's pair order). */
export function pairwiseCoupling(ovo: readonly number[], probA: readonly number[], probB: readonly number[], nClass: number): number[] {
  const minProb = 1e-7;
  const r = Array.from({ length: nClass }, () => new Array<number>(nClass).fill(0));
  let k = 0;
  for (let i = 0; i < nClass; i++) {
    for (let j = i + 1; j < nClass; j++) {
      r[i]![j] = Math.min(Math.max(sigmoidPredict(ovo[k]!, probA[k]!, probB[k]!), minProb), 1 - minProb);
      r[j]![i] = 1 - r[i]![j]!;
      k++;
    }
  }
  return multiclassProbability(r);
}
