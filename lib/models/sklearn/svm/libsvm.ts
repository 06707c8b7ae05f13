/**
 * The prediction half of scikit-learn's vendored libsvm (sklearn/svm/src/libsvm/svm.cpp, dense build):
 * kernel values, svm_predict_values' one-vs-one decision values and votes, and the regression sum.
 * Loops and sums run in libsvm's order so results match scikit-learn to the last bits or nearly.
 */
import { ovrDecisionFunction } from "../ovr-decision";

export type KernelName = "linear" | "poly" | "rbf" | "sigmoid";

export interface KernelParams {
  kernel: KernelName;
  gamma: number;
  coef0: number;
  degree: number;
}

/** Support vectors of a model fitted on sparse input: each row's non-zero columns (increasing) and values. */
export interface SparseRows {
  indices: Int32Array[];
  values: Float64Array[];
}

/** A fitted libsvm model as scikit-learn stores it (the `_dual_coef_` / `_intercept_` libsvm reads, not the sign-flipped public ones). */
export interface LibsvmModel extends KernelParams {
  /** Dense support vectors; empty when the model was fitted on sparse input (then `sparse`). */
  supportVectors: number[][];
  sparse: SparseRows | null;
  nSv: number;
  width: number;
  /** nr_class − 1 rows (1 for regression) of one coefficient per support vector. */
  dualCoef: number[][];
  /** One per class pair (classification) or one (regression); libsvm's rho is its negation. */
  intercept: number[];
  /** Support vectors per class, in classes_ order (classification only). */
  nSupport: number[];
}

function dot(x: readonly number[], y: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]! * y[i]!;
  return sum;
}

/** libsvm's powi: exponentiation by squaring, so poly kernels round as libsvm's do. */
function powi(base: number, times: number): number {
  let tmp = base;
  let ret = 1.0;
  for (let t = times; t > 0; t = Math.floor(t / 2)) {
    if (t % 2 === 1) ret *= tmp;
    tmp = tmp * tmp;
  }
  return ret;
}

/** Kernel::k_function for dense rows of equal width. */
export function kernelValue(p: KernelParams, x: readonly number[], sv: readonly number[]): number {
  switch (p.kernel) {
    case "linear":
      return dot(x, sv);
    case "poly":
      return powi(p.gamma * dot(x, sv) + p.coef0, p.degree);
    case "rbf": {
      let sum = 0;
      for (let i = 0; i < x.length; i++) {
        const d = x[i]! - sv[i]!;
        sum += d * d;
      }
      return Math.exp(-p.gamma * sum);
    }
    case "sigmoid":
      return Math.tanh(p.gamma * dot(x, sv) + p.coef0);
  }
}

/**
 * libsvm_sparse's k_function: x and the support vector walked together by column index, in increasing
 * order (a column zero in both contributes nothing, so this is the dense sum without its zero terms).
 */
function sparseKernelValue(p: KernelParams, xi: Int32Array, xv: Float64Array, si: Int32Array, sv: Float64Array): number {
  let a = 0;
  let b = 0;
  let sum = 0;
  if (p.kernel === "rbf") {
    while (a < xi.length && b < si.length) {
      if (xi[a] === si[b]) {
        const d = xv[a++]! - sv[b++]!;
        sum += d * d;
      } else if (xi[a]! > si[b]!) {
        sum += sv[b]! * sv[b]!;
        b++;
      } else {
        sum += xv[a]! * xv[a]!;
        a++;
      }
    }
    for (; a < xi.length; a++) sum += xv[a]! * xv[a]!;
    for (; b < si.length; b++) sum += sv[b]! * sv[b]!;
    return Math.exp(-p.gamma * sum);
  }
  while (a < xi.length && b < si.length) {
    if (xi[a] === si[b]) sum += xv[a++]! * sv[b++]!;
    else if (xi[a]! > si[b]!) b++;
    else a++;
  }
  if (p.kernel === "linear") return sum;
  if (p.kernel === "poly") return powi(p.gamma * sum + p.coef0, p.degree);
  return Math.tanh(p.gamma * sum + p.coef0);
}

/** K(x, sv_i) for every support vector, dense or sparse. */
function kernelValues(m: LibsvmModel, x: readonly number[]): number[] {
  if (!m.sparse) return m.supportVectors.map((sv) => kernelValue(m, x, sv));
  const idx: number[] = [];
  const val: number[] = [];
  x.forEach((v, j) => {
    if (v !== 0) {
      idx.push(j);
      val.push(v);
    }
  });
  const xi = Int32Array.from(idx);
  const xv = Float64Array.from(val);
  const { indices, values } = m.sparse;
  return indices.map((si, i) => sparseKernelValue(m, xi, xv, si, values[i]!));
}

/** SVR / NuSVR: Σ coef_i·K(x, sv_i) − rho. */
export function regressionValue(m: LibsvmModel, x: readonly number[]): number {
  const coef = m.dualCoef[0]!;
  const k = kernelValues(m, x);
  let sum = 0;
  for (let i = 0; i < m.nSv; i++) sum += coef[i]! * k[i]!;
  return sum - -m.intercept[0]!;
}

/**
 * SVC / NuSVC: the nr_class·(nr_class−1)/2 pairwise decision values in libsvm's (i, j) order, and the
 * index of the class with the most votes (a positive value votes for i, otherwise j; the first wins ties).
 */
export function oneVsOne(m: LibsvmModel, x: readonly number[]): { values: number[]; winner: number } {
  const nClass = m.nSupport.length;
  const kvalue = kernelValues(m, x);
  const start = [0];
  for (let i = 1; i < nClass; i++) start.push(start[i - 1]! + m.nSupport[i - 1]!);
  const vote = new Array<number>(nClass).fill(0);
  const values: number[] = [];
  let p = 0;
  for (let i = 0; i < nClass; i++) {
    for (let j = i + 1; j < nClass; j++) {
      const coef1 = m.dualCoef[j - 1]!;
      const coef2 = m.dualCoef[i]!;
      let sum = 0;
      for (let k = 0; k < m.nSupport[i]!; k++) sum += coef1[start[i]! + k]! * kvalue[start[i]! + k]!;
      for (let k = 0; k < m.nSupport[j]!; k++) sum += coef2[start[j]! + k]! * kvalue[start[j]! + k]!;
      sum -= -m.intercept[p]!;
      values.push(sum);
      if (sum > 0) vote[i]!++;
      else vote[j]!++;
      p++;
    }
  }
  let winner = 0;
  for (let i = 1; i < nClass; i++) if (vote[i]! > vote[winner]!) winner = i;
  return { values, winner };
}

/** SVC's 'ovr' shape: _ovr_decision_function(dec < 0, −dec, n) over libsvm's one-vs-one values. */
export function ovrDecision(ovo: readonly number[], nClass: number): number[] {
  return ovrDecisionFunction(ovo.map((d) => (d < 0 ? 1 : 0)), ovo.map((d) => -d), nClass);
}
