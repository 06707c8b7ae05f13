/**
 * Feature selectors (SelectorMixin): the output keeps the input columns whose support mask is true,
 * in order. The mask is rebuilt from the fitted scores as scikit-learn 1.2's _get_support_mask does:
 * VarianceThreshold keeps variances_ > threshold; SelectKBest the k best scores (a stable ascending
 * sort, NaN scores lowest); SelectPercentile scores above numpy's linear percentile, then ties in order.
 */
import { attr, type PyValue } from "../pickle/values";
import { classNameOf, need, toNumbers } from "./arrays";
import { checkWidth } from "./input";
import { requiredWidth } from "./step-helpers";
import type { Transformer } from "./transformer";
import { LoadError, type PipelineStepEntry } from "./types";

/** _clean_nans: NaN scores become the smallest float64. */
const cleanNans = (scores: number[]) => scores.map((s) => (Number.isNaN(s) ? -Number.MAX_VALUE : s));

export function selector(className: string, n: number, mask: boolean[]): Transformer {
  if (mask.length !== n) throw new LoadError("malformed", `${className}: ${mask.length} scores for ${n} features`);
  const kept = mask.flatMap((m, j) => (m ? [j] : []));
  return {
    className,
    nIn: n,
    nOut: kept.length,
    sourceOf: kept,
    transform(row, i) {
      checkWidth(row, n, i);
      return kept.map((j) => row[j]!);
    },
    meanIn: new Array<null>(n).fill(null),
    meanOut: new Array<null>(kept.length).fill(null),
  };
}

function scalarParam(obj: PyValue, name: string, fallback: number): number {
  const v = attr(obj, name);
  if (v === undefined || v === null) return fallback;
  const out = toNumbers(v, name);
  if (out.length !== 1 || Number.isNaN(out[0])) throw new LoadError("malformed", `${classNameOf(obj)}.${name} must be a number`);
  return out[0]!;
}

function loadVarianceThreshold(obj: PyValue): Transformer {
  const className = classNameOf(obj);
  const variances = toNumbers(need(obj, "variances_", className), `${className}.variances_`);
  const threshold = scalarParam(obj, "threshold", 0);
  return selector(className, requiredWidth(obj, className, variances.length), variances.map((v) => v > threshold));
}

/** numpy.percentile(a, q) with the default linear method (numpy 1.24's _lerp, exact at both ends). */
export function npPercentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = (q / 100) * (sorted.length - 1);
  const lo = Math.floor(index);
  const t = index - lo;
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

function loadSelectKBest(obj: PyValue): Transformer {
  const className = classNameOf(obj);
  const scores = cleanNans(toNumbers(need(obj, "scores_", className), `${className}.scores_`));
  const n = requiredWidth(obj, className, scores.length);
  const k = attr(obj, "k");
  if (k === "all") return selector(className, n, scores.map(() => true));
  const kn = typeof k === "number" || typeof k === "bigint" ? Number(k) : NaN;
  if (!Number.isInteger(kn) || kn < 0 || kn > scores.length) throw new LoadError("malformed", `${className}: k must be 'all' or 0 … n_features`);
  // A stable ascending sort (mergesort), then the last k: among equal scores the later columns win.
  const order = scores.map((_, j) => j).sort((a, b) => scores[a]! - scores[b]! || a - b);
  const mask = scores.map(() => false);
  for (const j of order.slice(scores.length - kn)) mask[j] = true;
  return selector(className, n, mask);
}

function loadSelectPercentile(obj: PyValue): Transformer {
  const className = classNameOf(obj);
  const raw = toNumbers(need(obj, "scores_", className), `${className}.scores_`);
  const n = requiredWidth(obj, className, raw.length);
  const percentile = scalarParam(obj, "percentile", 10);
  if (!(percentile >= 0 && percentile <= 100)) throw new LoadError("malformed", `${className}: percentile must be within 0 … 100`);
  if (percentile === 100 || percentile === 0 || raw.length === 0) return selector(className, n, raw.map(() => percentile === 100));
  const scores = cleanNans(raw);
  const threshold = npPercentile(scores, 100 - percentile);
  const mask = scores.map((s) => s > threshold);
  const maxFeats = Math.trunc((scores.length * percentile) / 100);
  let room = maxFeats - mask.filter(Boolean).length;
  scores.forEach((s, j) => {
    if (s === threshold && room > 0) {
      mask[j] = true;
      room--;
    }
  });
  return selector(className, n, mask);
}

export const featureSelectors: PipelineStepEntry[] = [
  { className: "sklearn.feature_selection._variance_threshold.VarianceThreshold", load: loadVarianceThreshold },
  { className: "sklearn.feature_selection._univariate_selection.SelectKBest", load: loadSelectKBest },
  { className: "sklearn.feature_selection._univariate_selection.SelectPercentile", load: loadSelectPercentile },
];
