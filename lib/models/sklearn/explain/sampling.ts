/**
 * Model-agnostic SHAP by antithetic permutation sampling (as shap's PermutationExplainer does):
 * for each sampled feature order π, and then its reverse, features switch one at a time from a
 * background row to x; each switch's change in f, averaged over the background, is credited to that
 * feature. Every permutation's credits telescope to f(x) − f(background), so the result is additive by
 * construction (the residual is rounding only). Deterministic for a seed as long as maxEvals, not the
 * time budget, ends sampling.
 */
import type { InputRow } from "../types";
import { mulberry32, sampleRows, shuffled } from "./prng";

export interface SamplingOptions {
  seed?: number;
  /** Stop starting new permutation pairs after this many ms (default 200). At least one pair always runs. */
  budgetMs?: number;
  /** Cap on model evaluations (rows passed to f), default 20,000. */
  maxEvals?: number;
  /** Background rows kept (a seeded sample when there are more), default 100, fewer when maxEvals is tight. */
  maxBackground?: number;
}

export interface SamplingResult {
  base_value: number;
  values: number[];
  /** f(x) */
  value: number;
  residual: number;
  permutations: number;
  evals: number;
}

export const DEFAULT_BUDGET_MS = 200;
export const DEFAULT_MAX_EVALS = 20_000;
export const MAX_BACKGROUND = 100;

const mean = (v: readonly number[]) => v.reduce((s, a) => s + a, 0) / v.length;

export function permutationShap(
  f: (X: InputRow[]) => number[],
  x: InputRow,
  background: readonly InputRow[],
  opts: SamplingOptions = {},
): SamplingResult {
  const started = Date.now();
  const random = mulberry32(opts.seed ?? 0);
  const budgetMs = opts.budgetMs ?? DEFAULT_BUDGET_MS;
  const maxEvals = opts.maxEvals ?? DEFAULT_MAX_EVALS;
  const M = x.length;
  if (background.length === 0) throw new Error("permutationShap needs at least one background row");
  // Keep the background small enough that the eval cap still allows about four antithetic pairs.
  const fit = Math.max(1, Math.floor(maxEvals / (8 * Math.max(1, M - 1))));
  const bg = sampleRows(background, Math.min(opts.maxBackground ?? MAX_BACKGROUND, fit), random);
  const B = bg.length;

  // f(background) and f(x) are the same for every permutation: evaluate them once.
  const fBg = f(bg.map((r) => [...r]));
  const fx = f([[...x]])[0]!;
  const base = mean(fBg);
  let evals = B + 1;
  const sums = new Array<number>(M).fill(0);
  let permutations = 0;

  const runPermutation = (order: readonly number[]) => {
    // Rows for steps 1 … M−1 of every background row (step 0 is the background, step M is x).
    const batch: InputRow[] = [];
    for (const b of bg) {
      const z = [...b];
      for (let s = 0; s < M - 1; s++) {
        z[order[s]!] = x[order[s]!]!;
        batch.push([...z]);
      }
    }
    const out = M > 1 ? f(batch) : [];
    evals += batch.length;
    for (let s = 0; s < M; s++) {
      let delta = 0;
      for (let r = 0; r < B; r++) {
        const before = s === 0 ? fBg[r]! : out[r * (M - 1) + s - 1]!;
        const after = s === M - 1 ? fx : out[r * (M - 1) + s]!;
        delta += after - before;
      }
      sums[order[s]!]! += delta / B;
    }
    permutations++;
  };

  const perPair = 2 * B * Math.max(0, M - 1);
  do {
    const order = shuffled(M, random);
    runPermutation(order);
    runPermutation([...order].reverse());
  } while (evals + perPair <= maxEvals && Date.now() - started < budgetMs && M > 1);

  const values = sums.map((s) => s / permutations);
  const total = values.reduce((a, b) => a + b, 0);
  return { base_value: base, values, value: fx, residual: Math.abs(fx - base - total), permutations, evals };
}
