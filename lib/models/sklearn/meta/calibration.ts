/**
 * CalibratedClassifierCV: the mean of its calibrated_classifiers_' probabilities. Each one scores its
 * estimator (decision_function, else predict_proba; binary: the positive column only), maps each
 * class's score through its calibrator (_SigmoidCalibration: expit(−(a·s + b)); IsotonicRegression:
 * interp1d over its thresholds, clipped to the fitted range) and normalises (binary: 1 − p, p),
 * as scikit-learn 1.2's _CalibratedClassifier.predict_proba does.
 */
import { attr, isList, isObject, isTuple, type PyValue } from "../../pickle/values";
import { argmax, classNameOf, featureNamesIn, need, npSum, stringAttr, toLabels, toNumbers } from "../arrays";
import { expit } from "../logistic";
import { LoadError, type Estimator, type EstimatorEntry, type InputRow, type Label, type Loader, type LoaderContext } from "../types";
import { commonWidth, withEnumeration } from "./common";

type Calibrator = (s: number) => number;

/** scipy's interp1d(kind="linear")._call_linear: the segment from searchsorted (left), clipped to the inner ones. */
function interp1d(x: number, xp: readonly number[], fp: readonly number[]): number {
  if (xp.length === 1) return fp[0]!;
  let lo = 0;
  let hi = xp.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xp[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  const h = Math.min(Math.max(lo, 1), xp.length - 1);
  const slope = (fp[h]! - fp[h - 1]!) / (xp[h]! - xp[h - 1]!);
  return slope * (x - xp[h - 1]!) + fp[h - 1]!;
}

function readCalibrator(obj: PyValue, where: string): Calibrator {
  if (!isObject(obj)) throw new LoadError("malformed", `${where} must be a calibrator`);
  if (obj.$class === "sklearn.calibration._SigmoidCalibration") {
    const a = toNumbers(need(obj, "a_", where), `${where}.a_`)[0]!;
    const b = toNumbers(need(obj, "b_", where), `${where}.b_`)[0]!;
    return (s) => expit(-(a * s + b));
  }
  if (obj.$class === "sklearn.isotonic.IsotonicRegression") {
    const xp = toNumbers(need(obj, "X_thresholds_", where), `${where}.X_thresholds_`);
    const fp = toNumbers(need(obj, "y_thresholds_", where), `${where}.y_thresholds_`);
    if (xp.length === 0 || xp.length !== fp.length) throw new LoadError("malformed", `${where}: thresholds do not match`);
    if (stringAttr(obj, "out_of_bounds", "nan") === "raise") throw new LoadError("unsupported_class", `${where} with out_of_bounds='raise' cannot be served`);
    const clip = stringAttr(obj, "out_of_bounds", "nan") === "clip";
    const lo = toNumbers(attr(obj, "X_min_") ?? xp[0]!, `${where}.X_min_`)[0]!;
    const hi = toNumbers(attr(obj, "X_max_") ?? xp[xp.length - 1]!, `${where}.X_max_`)[0]!;
    // Outside the thresholds: NaN unless clipped to [X_min_, X_max_] first (interp1d's fill_value=nan).
    return (s) => {
      const t = clip ? Math.min(Math.max(s, lo), hi) : s;
      return t < xp[0]! || t > xp[xp.length - 1]! ? NaN : interp1d(t, xp, fp);
    };
  }
  throw new LoadError("unsupported_class", `calibrator ${obj.$class} cannot be served`);
}

function readCalibrated(obj: PyValue, i: number, ctx: LoaderContext, classes: Label[]): { estimator: Estimator; calibrators: Calibrator[]; positions: number[] } {
  const where = `calibrated_classifiers_[${i}]`;
  const estimator = ctx.load(attr(obj, "estimator") ?? need(obj, "base_estimator", where));
  const list = need(obj, "calibrators", where);
  if (!isList(list) && !isTuple(list)) throw new LoadError("malformed", `${where}.calibrators must be a list`);
  const calibrators = list.map((c, k) => readCalibrator(c, `${where}.calibrators[${k}]`));
  const own = estimator.classes ?? [];
  const positions = own.map((c) => classes.findIndex((k) => k === c));
  const K = classes.length;
  if (positions.some((p) => p < 0) || calibrators.length !== (K === 2 ? 1 : own.length)) {
    throw new LoadError("malformed", `${where}: calibrators do not match the classes`);
  }
  if (!estimator.decisionFunction && !estimator.predictProba) throw new LoadError("malformed", `${where}: the estimator gives no scores`);
  return { estimator, calibrators, positions };
}

const loadCalibrated: Loader = (obj, ctx) => {
  const className = classNameOf(obj);
  const classes = toLabels(need(obj, "classes_", className), `${className}.classes_`);
  const K = classes.length;
  const raw = need(obj, "calibrated_classifiers_", className);
  if (!isList(raw) && !isTuple(raw)) throw new LoadError("malformed", `${className}.calibrated_classifiers_ must be a list`);
  const parts = raw.map((c, i) => readCalibrated(c, i, ctx, classes));
  if (parts.length === 0) throw new LoadError("malformed", `${className}: no calibrated classifiers`);

  function one(part: (typeof parts)[number], X: InputRow[]): number[][] {
    const { estimator, calibrators, positions } = part;
    const scores = estimator.decisionFunction
      ? estimator.decisionFunction(X)
      : estimator.predictProba!(X).map((p) => (K === 2 ? p.slice(1) : p));
    return scores.map((row) => {
      const proba = new Array<number>(K).fill(0);
      calibrators.forEach((cal, j) => (proba[K === 2 ? positions[j]! + 1 : positions[j]!] = cal(row[j]!)));
      let out: number[];
      if (K === 2) out = [1.0 - proba[1]!, proba[1]!];
      else {
        const denominator = npSum(proba);
        out = denominator !== 0 ? proba.map((v) => v / denominator) : proba.map(() => 1 / K);
      }
      return out.map((v) => (v > 1.0 && v <= 1.0 + 1e-5 ? 1.0 : v));
    });
  }

  const proba = (X: InputRow[]) => {
    const sum = X.map(() => new Array<number>(K).fill(0));
    for (const part of parts) one(part, X).forEach((row, r) => row.forEach((v, k) => (sum[r]![k]! += v)));
    return sum.map((row) => row.map((v) => v / parts.length));
  };
  return withEnumeration<Estimator>({
    className,
    kind: "classifier",
    nFeatures: commonWidth(parts.map((p) => p.estimator), className),
    featureNames: featureNamesIn(obj),
    classes,
    predict: (X) => proba(X).map((p) => classes[argmax(p)]!),
    predictProba: proba,
  });
};

export const calibration: EstimatorEntry[] = [{ className: "sklearn.calibration.CalibratedClassifierCV", load: loadCalibrated }];
