import { mulberry32 } from "@/lib/seeded-random";
import type { TestResult } from "./welch";

export interface MmdOptions {
  /** Most random relabellings of the pooled sample; the smallest reachable p-value is 1 / (permutations + 1). */
  permutations?: number;
  /**
   * Stop once this many relabellings reached the observed statistic (Besag & Clifford's sequential
   * p-value, h / relabellings so far): a feature without drift costs a few dozen relabellings, and
   * only a drifting one runs them all.
   */
  stopAfter?: number;
  seed?: number;
}

/** The k-th smallest value (0-based) of a, reordering a in place (quickselect, median-of-three pivot). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    const pivot = Math.max(Math.min(a[lo]!, a[mid]!), Math.min(Math.max(a[lo]!, a[mid]!), a[hi]!));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** The median of all pairwise distances |x_i − x_j|, i < j (numpy's median: mean of the middle two). */
export function medianPairwiseDistance(values: ArrayLike<number>): number {
  const n = values.length;
  const distances = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) distances[k++] = Math.abs(values[i]! - values[j]!);
  if (!distances.length) return 0;
  const mid = distances.length >> 1;
  if (distances.length % 2) return select(distances, mid);
  const lower = select(distances, mid - 1);
  // After selecting mid − 1, everything to its right is at least as large: the next value is their minimum.
  let upper = Infinity;
  for (let i = mid; i < distances.length; i++) upper = Math.min(upper, distances[i]!);
  return (lower + upper) / 2;
}

/**
 * K ≈ Φ Φᵀ by pivoted Cholesky, stopped when the residual's trace is below `tolerance`. A 1-D RBF
 * kernel at the median-heuristic bandwidth has a rapidly decaying spectrum, so the rank stays
 * small (tens) and every relabelling costs O(n·rank) instead of O(n²). Rows of Φ, row-major.
 */
function lowRankFactor(pooled: Float64Array, gamma: number, tolerance: number, maxRank: number): { phi: Float64Array; rank: number } {
  const n = pooled.length;
  const residual = new Float64Array(n).fill(1);
  const columns: Float64Array[] = [];
  let trace = n;
  while (columns.length < maxRank && trace > tolerance) {
    let pivot = 0;
    for (let i = 1; i < n; i++) if (residual[i]! > residual[pivot]!) pivot = i;
    const scale = Math.sqrt(residual[pivot]!);
    if (!(scale > 0)) break;
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let value = Math.exp(-gamma * (pooled[i]! - pooled[pivot]!) ** 2);
      for (const previous of columns) value -= previous[i]! * previous[pivot]!;
      column[i] = value / scale;
    }
    columns.push(column);
    trace = 0;
    for (let i = 0; i < n; i++) {
      residual[i] = Math.max(0, residual[i]! - column[i]! ** 2);
      trace += residual[i]!;
    }
  }
  const rank = columns.length;
  const phi = new Float64Array(n * rank);
  for (let r = 0; r < rank; r++) for (let i = 0; i < n; i++) phi[i * rank + r] = columns[r]![i]!;
  return { phi, rank };
}

/**
 * Two-sample test on one feature by the maximum mean discrepancy with an RBF kernel
 * k(x, y) = exp(−(x − y)² / (2σ²)), σ the median pairwise distance of the pooled sample (the median
 * heuristic). The statistic is the biased estimate MMD² = mean K_xx + mean K_yy − 2 mean K_xy; the p-value is
 * (1 + #{relabelled MMD² ≥ observed}) / (1 + permutations) over seeded random relabellings, or
 * stopAfter / relabellings when the sequential stop is reached first.
 */
export function mmdPermutationTest(a: ArrayLike<number>, b: ArrayLike<number>, options: MmdOptions = {}): TestResult & { bandwidth: number } {
  const permutations = options.permutations ?? 1000;
  const stopAfter = options.stopAfter ?? 20;
  // MMD² is symmetric; relabelling costs O(size of the first group), so put the smaller one first.
  const [x, y] = a.length <= b.length ? [a, b] : [b, a];
  const nx = x.length;
  const ny = y.length;
  if (!nx || !ny) throw new RangeError("MMD needs values in both samples");
  const n = nx + ny;
  const pooled = new Float64Array(n);
  pooled.set(Array.from(x), 0);
  pooled.set(Array.from(y), nx);
  const median = medianPairwiseDistance(pooled);
  const bandwidth = median > 0 ? median : 1;
  const gamma = 1 / (2 * bandwidth * bandwidth);

  // Observed and relabelled statistics both come from Φ (its error is below 1e-12 here). With
  // s = Σ_all φ_i and u = Σ_{i∈X} φ_i: Σ_xx = u·u, Σ_xy = u·s − u·u, Σ_yy = s·s − 2u·s + u·u.
  const { phi, rank } = lowRankFactor(pooled, gamma, 1e-10, 300);
  const total = new Float64Array(rank);
  for (let i = 0; i < n; i++) for (let r = 0; r < rank; r++) total[r]! += phi[i * rank + r]!;
  const ss = total.reduce((acc, v) => acc + v * v, 0);
  const u = new Float64Array(rank);
  const statisticOf = (order: Int32Array): number => {
    u.fill(0);
    for (let p = 0; p < nx; p++) {
      const offset = order[p]! * rank;
      for (let r = 0; r < rank; r++) u[r]! += phi[offset + r]!;
    }
    let uu = 0;
    let us = 0;
    for (let r = 0; r < rank; r++) {
      uu += u[r]! * u[r]!;
      us += u[r]! * total[r]!;
    }
    return uu / (nx * nx) + (ss - 2 * us + uu) / (ny * ny) - (2 * (us - uu)) / (nx * ny);
  };

  const order = new Int32Array(n).map((_, i) => i);
  const observed = statisticOf(order);
  const random = mulberry32(options.seed ?? 0x5eed);
  let atLeast = 0;
  for (let p = 1; p <= permutations; p++) {
    for (let i = 0; i < nx; i++) {
      const j = i + Math.floor(random() * (n - i));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    // A small tolerance, so relabellings equal to the observed value up to rounding count as ties.
    if (statisticOf(order) >= observed - 1e-12 && ++atLeast === stopAfter) return { statistic: observed, pValue: stopAfter / p, bandwidth };
  }
  return { statistic: observed, pValue: (1 + atLeast) / (1 + permutations), bandwidth };
}
