/**
 * XGBoost's prediction, in its float32 arithmetic (CPU predictor, XGBoost 1.x–2.x): the margin starts
 * at the objective's base margin and each tree's leaf is added in tree order to a float32 sum; the
 * objective then transforms it with float32 expf, sigmoid and softmax. Inputs are float32 with NaN
 * (or the model's `missing` value) as missing, routed by the node's default direction; a split sends
 * x left when x < split_condition.
 */
import type { XgbModel, XgbTree } from "./xgboost-model";

const f32 = Math.fround;
const expf = (x: number) => f32(Math.exp(f32(x)));

export type XgbLink = "identity" | "logistic" | "exp" | "softmax";

/** How an objective turns margins into predictions; null for objectives not served. */
export function linkOf(objective: string): XgbLink | null {
  if (/^(reg:(squarederror|linear|squaredlogerror|pseudohubererror|absoluteerror|quantileerror)|binary:logitraw)$/.test(objective)) return "identity";
  if (objective === "binary:logistic" || objective === "reg:logistic") return "logistic";
  if (objective === "count:poisson" || objective === "reg:gamma" || objective === "reg:tweedie") return "exp";
  if (objective === "multi:softprob" || objective === "multi:softmax") return "softmax";
  return null;
}

/** The objective's ProbToMargin of base_score, in float32 as XGBoost computes it. */
export function baseMargin(link: XgbLink, baseScore: number): number {
  const b = f32(baseScore);
  if (link === "logistic") return f32(-f32(Math.log(f32(f32(1 / b) - 1))));
  if (link === "exp") return f32(Math.log(b));
  return b;
}

/** The leaf a row reaches in one tree. */
export function xgbLeaf(t: XgbTree, x: ArrayLike<number>): number {
  let n = 0;
  while (t.left[n]! !== -1) {
    const v = x[t.feature[n]!]!;
    n = v !== v ? (t.defaultLeft[n] ? t.left[n]! : t.right[n]!) : v < t.condition[n]! ? t.left[n]! : t.right[n]!;
  }
  return n;
}

/** Margins (one per output group) of a float32 row, over the first `end` trees. */
export function xgbMargins(model: XgbModel, end: number, base: ArrayLike<number>, x: ArrayLike<number>, out: Float64Array): Float64Array {
  out.set(base);
  for (let i = 0; i < end; i++) {
    const t = model.trees[i]!;
    const g = model.treeInfo[i]!;
    out[g] = f32(out[g]! + t.condition[xgbLeaf(t, x)]!);
  }
  return out;
}

/** common::Sigmoid: 1 / (1 + expf(−x)), all in float32. */
export const sigmoid32 = (x: number): number => f32(1 / f32(expf(-x) + 1));

/** common::Softmax: expf(x − max) summed in double, each divided by the sum rounded to float32. */
export function softmax32(margins: ArrayLike<number>): number[] {
  let max = margins[0]!;
  for (let i = 1; i < margins.length; i++) max = Math.max(max, margins[i]!);
  const e = Array.from(margins, (m) => expf(f32(m - max)));
  let sum = 0;
  for (const v of e) sum += v;
  const s = f32(sum);
  return e.map((v) => f32(v / s));
}

/** The number of trees prediction uses: (best_iteration + 1) boosting rounds when known, else all. */
export function treeLimit(model: XgbModel, bestIteration: number | null): number {
  const perRound = Math.max(1, model.numParallelTree) * Math.max(1, model.numClass);
  const rounds = bestIteration ?? model.bestIteration;
  if (rounds === null || rounds < 0) return model.trees.length;
  return Math.min(model.trees.length, (rounds + 1) * perRound);
}
