/** StandardScaler: (x − mean_) / scale_, where either step is skipped by with_mean / with_std (docs/sklearn-pickles.md §9). */
import { attr, type PyValue } from "../pickle/values";
import { classNameOf, nFeaturesIn, toNumbers } from "./arrays";
import { checkWidth, toFloat } from "./input";
import type { Transformer } from "./transformer";
import { LoadError, type PipelineStepEntry } from "./types";

function loadStandardScaler(obj: PyValue): Transformer {
  const className = classNameOf(obj);
  const optional = (name: string) => {
    const v = attr(obj, name);
    return v === undefined || v === null ? null : toNumbers(v, `${className}.${name}`);
  };
  const withMean = attr(obj, "with_mean") !== false;
  const withStd = attr(obj, "with_std") !== false;
  const mean = optional("mean_");
  const scale = optional("scale_");
  const n = nFeaturesIn(obj) ?? mean?.length ?? scale?.length;
  if (n === undefined) throw new LoadError("malformed", `${className}: not fitted (no n_features_in_)`);
  if ((withMean && mean?.length !== n) || (withStd && scale?.length !== n)) {
    throw new LoadError("malformed", `${className}: mean_/scale_ do not match n_features_in_`);
  }
  const apply = (x: number, j: number) => {
    let v = x;
    if (withMean) v -= mean![j]!;
    if (withStd) v /= scale![j]!;
    return v;
  };
  return {
    className,
    nIn: n,
    nOut: n,
    sourceOf: Array.from({ length: n }, (_, j) => j),
    transform(row, i) {
      checkWidth(row, n, i);
      return row.map((v, j) => apply(toFloat(v, i, j), j));
    },
    meanIn: Array.from({ length: n }, (_, j) => mean?.[j] ?? null),
    meanOut: Array.from({ length: n }, (_, j) => (mean ? apply(mean[j]!, j) : null)),
  };
}

export const standardScalers: PipelineStepEntry[] = [{ className: "sklearn.preprocessing._data.StandardScaler", load: loadStandardScaler }];
