/**
 * SimpleImputer: each missing value (missing_values: NaN by default, or a number or string) becomes
 * its column's statistics_; columns whose statistic is NaN were all-missing at fit and are dropped
 * (unless strategy='constant' or keep_empty_features). With add_indicator, MissingIndicator's 0/1
 * columns for the features it tracks (indicator_.features_) follow, as scikit-learn 1.2 concatenates them.
 */
import { attr, isNdArray, isObject, type PyValue } from "../pickle/values";
import { classNameOf, cOrderElements, need, stringAttr, toNumbers } from "./arrays";
import { InputError, checkWidth, toFloat } from "./input";
import { requiredWidth } from "./step-helpers";
import type { Transformer } from "./transformer";
import { LoadError, type InputValue, type PipelineStepEntry } from "./types";

type Statistic = number | string;

function statisticsOf(v: PyValue, className: string): Statistic[] {
  const items = isNdArray(v) ? Array.from(cOrderElements(v)) : null;
  if (!items) throw new LoadError("malformed", `${className}.statistics_ must be an array`);
  return items.map((s) => {
    if (typeof s === "number" || typeof s === "string") return s;
    if (typeof s === "bigint") return Number(s);
    if (s === null) return NaN;
    throw new LoadError("unsupported_class", `${className}: statistics of type ${typeof s} cannot be served`);
  });
}

/** Whether a caller's value is missing. NaN/None markers: a NaN number, "" or "nan" (what JSON and CSV can carry). */
function missingTest(marker: PyValue | undefined): (v: InputValue) => boolean {
  if (marker === undefined || marker === null || (typeof marker === "number" && Number.isNaN(marker))) {
    return (v) => (typeof v === "number" ? Number.isNaN(v) : v.trim() === "" || v.trim().toLowerCase() === "nan");
  }
  if (typeof marker === "number" || typeof marker === "bigint") {
    const m = Number(marker);
    return (v) => (typeof v === "number" ? v === m : v.trim() !== "" && Number(v) === m);
  }
  if (typeof marker === "string") return (v) => v === marker;
  throw new LoadError("unsupported_class", "SimpleImputer: unsupported missing_values");
}

function indicatorFeatures(obj: PyValue, className: string, n: number): { features: number[]; errorOnNew: boolean } | null {
  const ind = attr(obj, "indicator_");
  if (attr(obj, "add_indicator") !== true || ind === undefined || ind === null) return null;
  if (!isObject(ind)) throw new LoadError("malformed", `${className}.indicator_ must be a MissingIndicator`);
  const features = toNumbers(need(ind, "features_", `${className}.indicator_`), `${className}.indicator_.features_`);
  if (features.some((f) => !Number.isInteger(f) || f < 0 || f >= n)) throw new LoadError("malformed", `${className}.indicator_.features_ out of range`);
  return { features, errorOnNew: attr(ind, "error_on_new") !== false && stringAttr(ind, "features", "missing-only") === "missing-only" };
}

function loadSimpleImputer(obj: PyValue): Transformer {
  const className = classNameOf(obj);
  const stats = statisticsOf(need(obj, "statistics_", className), className);
  const n = requiredWidth(obj, className, stats.length);
  if (stats.length !== n) throw new LoadError("malformed", `${className}: statistics_ does not match n_features_in_`);
  const keepAll = stringAttr(obj, "strategy", "mean") === "constant" || attr(obj, "keep_empty_features") === true;
  const kept = stats.flatMap((s, j) => (keepAll || !(typeof s === "number" && Number.isNaN(s)) ? [j] : []));
  const isMissing = missingTest(attr(obj, "missing_values"));
  const numeric = stats.every((s) => typeof s === "number");
  const indicator = indicatorFeatures(obj, className, n);
  const tracked = new Set(indicator?.features ?? []);
  const sourceOf = [...kept, ...(indicator?.features ?? [])];
  return {
    className,
    nIn: n,
    nOut: sourceOf.length,
    sourceOf,
    transform(row, i) {
      checkWidth(row, n, i);
      const missing = row.map(isMissing);
      if (indicator?.errorOnNew) {
        const j = missing.findIndex((m, c) => m && !tracked.has(c));
        if (j >= 0) throw new InputError(`row ${i}: column ${j} is missing, but had no missing values when the imputer was fitted`);
      }
      const out: InputValue[] = kept.map((j) => (missing[j] ? stats[j]! : numeric ? toFloat(row[j]!, i, j) : row[j]!));
      if (indicator) for (const f of indicator.features) out.push(missing[f] ? 1 : 0);
      return out;
    },
    meanIn: new Array<null>(n).fill(null),
    meanOut: new Array<null>(sourceOf.length).fill(null),
  };
}

export const simpleImputers: PipelineStepEntry[] = [{ className: "sklearn.impute._base.SimpleImputer", load: loadSimpleImputer }];
