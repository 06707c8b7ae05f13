/**
 * Exact interventional Shapley values by enumerating every coalition, for models without a closed
 * form and at most MAX_ENUMERATED_FEATURES inputs: v(S) is the mean of f over the background rows
 * with x's values in S, and φ_i = Σ_{S∌i} |S|!(M−|S|−1)!/M! · (v(S∪{i}) − v(S)). Exact for the
 * background used; the background is cut (a seeded sample) so that 2^M · rows ≤ maxEvals.
 */
import type { InputRow } from "../types";
import { mulberry32, sampleRows } from "./prng";
import { MAX_BACKGROUND } from "./sampling";

export const MAX_ENUMERATED_FEATURES = 12;
/** Rows passed to f at most: 2^12 coalitions × 8 background rows, or 2^4 × 100. */
export const DEFAULT_ENUMERATION_EVALS = 32_768;

export interface EnumerationResult {
  base_value: number;
  values: number[];
  value: number;
  residual: number;
  /** Background rows each coalition was averaged over. */
  backgroundRows: number;
  evals: number;
}

/** Shapley weights |S|!(M−|S|−1)!/M! by coalition size. */
function weights(M: number): number[] {
  const fact = [1];
  for (let i = 1; i <= M; i++) fact.push(fact[i - 1]! * i);
  return Array.from({ length: M }, (_, s) => (fact[s]! * fact[M - s - 1]!) / fact[M]!);
}

/** null when x has too many features (or the budget allows no background row): the caller samples instead. */
export function enumerationShap(
  f: (X: InputRow[]) => number[],
  x: InputRow,
  background: readonly InputRow[],
  opts: { seed?: number; maxEvals?: number } = {},
): EnumerationResult | null {
  const M = x.length;
  if (M === 0 || M > MAX_ENUMERATED_FEATURES || background.length === 0) return null;
  const coalitions = 2 ** M;
  const keep = Math.min(MAX_BACKGROUND, Math.floor((opts.maxEvals ?? DEFAULT_ENUMERATION_EVALS) / coalitions));
  if (keep < 1) return null;
  const bg = sampleRows(background, keep, mulberry32(opts.seed ?? 0));
  const B = bg.length;
  const batch: InputRow[] = [];
  for (let mask = 0; mask < coalitions; mask++) {
    for (const b of bg) batch.push(b.map((v, j) => ((mask >> j) & 1 ? x[j]! : v)));
  }
  const out = f(batch);
  const v = new Array<number>(coalitions);
  for (let mask = 0; mask < coalitions; mask++) {
    let s = 0;
    for (let r = 0; r < B; r++) s += out[mask * B + r]!;
    v[mask] = s / B;
  }
  const w = weights(M);
  const size = (mask: number) => {
    let n = 0;
    for (let m = mask; m; m &= m - 1) n++;
    return n;
  };
  const values = new Array<number>(M).fill(0);
  for (let mask = 0; mask < coalitions; mask++) {
    const s = size(mask);
    for (let i = 0; i < M; i++) if (!((mask >> i) & 1)) values[i]! += w[s]! * (v[mask | (1 << i)]! - v[mask]!);
  }
  const value = f([[...x]])[0]!;
  const base = v[0]!;
  const total = values.reduce((a, b) => a + b, 0);
  return { base_value: base, values, value, residual: Math.abs(value - base - total), backgroundRows: B, evals: batch.length + 1 };
}
