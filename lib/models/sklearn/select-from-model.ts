/**
 * SelectFromModel over a linear estimator: the support mask rebuilt as scikit-learn 1.2 does, from
 * |coef_| (2-D: its norm over the classes, norm_order 1 or 2), the threshold (None → 1e−5 for l1
 * penalties and Lasso, else the mean; "mean", "median", "k*mean", "k*median" or a number) and
 * max_features_ (the top scores by a stable sort). Estimators ranked by feature_importances_ are not served yet.
 */
import { attr, isObject, type PyValue } from "../pickle/values";
import { classNameOf, npSum, stringAttr, toMatrix } from "./arrays";
import { selector } from "./feature-selection";
import { requiredWidth } from "./step-helpers";
import type { Transformer } from "./transformer";
import { LoadError, type PipelineStepEntry } from "./types";

function importances(est: PyValue, className: string, normOrder: number): number[] {
  const coef = attr(est, "coef_");
  if (coef === undefined || coef === null) {
    throw new LoadError("unsupported_class", `${className} over ${isObject(est) ? est.$class : "this estimator"} (ranked by feature_importances_) cannot be served yet`);
  }
  const rows = toMatrix(coef, `${className}.estimator_.coef_`);
  if (rows.length === 1) return rows[0]!.map(Math.abs);
  if (normOrder !== 1 && normOrder !== 2) throw new LoadError("unsupported_class", `${className} with norm_order ${normOrder} cannot be served`);
  return rows[0]!.map((_, j) => {
    let s = 0;
    for (const r of rows) s += normOrder === 1 ? Math.abs(r[j]!) : r[j]! * r[j]!;
    return normOrder === 1 ? s : Math.sqrt(s);
  });
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function thresholdOf(raw: PyValue | undefined, est: PyValue, scores: number[], className: string): number {
  let t = raw;
  if (t === undefined || t === null) {
    const name = isObject(est) ? est.$class.slice(est.$class.lastIndexOf(".") + 1) : "";
    t = stringAttr(est, "penalty", "") === "l1" || name.includes("Lasso") ? 1e-5 : "mean";
  }
  if (typeof t === "number") return t;
  if (typeof t !== "string") throw new LoadError("unsupported_class", `${className}: unsupported threshold`);
  const reference = (name: string) => {
    if (name === "mean") return npSum(scores) / scores.length;
    if (name === "median") return median(scores);
    throw new LoadError("malformed", `${className}: unknown threshold reference "${name}"`);
  };
  const star = t.indexOf("*");
  if (star < 0) return reference(t.trim());
  const scale = Number(t.slice(0, star).trim());
  if (!Number.isFinite(scale)) throw new LoadError("malformed", `${className}: bad threshold "${t}"`);
  return scale * reference(t.slice(star + 1).trim());
}

function loadSelectFromModel(obj: PyValue): Transformer {
  const className = classNameOf(obj);
  const est = attr(obj, "estimator_") ?? attr(obj, "estimator");
  if (!isObject(est)) throw new LoadError("malformed", `${className}: no fitted estimator`);
  const normRaw = attr(obj, "norm_order");
  const scores = importances(est, className, typeof normRaw === "number" ? normRaw : 1);
  const n = requiredWidth(obj, className, scores.length);
  const threshold = thresholdOf(attr(obj, "threshold"), est, scores, className);
  let mask = scores.map(() => true);
  const maxRaw = attr(obj, "max_features_") ?? attr(obj, "max_features");
  if (maxRaw !== undefined && maxRaw !== null) {
    const max = typeof maxRaw === "number" || typeof maxRaw === "bigint" ? Number(maxRaw) : NaN;
    if (!Number.isInteger(max) || max < 0) throw new LoadError("unsupported_class", `${className}: max_features must be a number`);
    // argsort(−score, kind="mergesort")[:max]: highest scores first, earlier columns first among equals.
    const order = scores.map((_, j) => j).sort((a, b) => scores[b]! - scores[a]! || a - b);
    mask = scores.map(() => false);
    for (const j of order.slice(0, max)) mask[j] = true;
  }
  return selector(className, n, mask.map((m, j) => m && !(scores[j]! < threshold)));
}

export const selectFromModel: PipelineStepEntry[] = [
  { className: "sklearn.feature_selection._from_model.SelectFromModel", load: loadSelectFromModel },
];
