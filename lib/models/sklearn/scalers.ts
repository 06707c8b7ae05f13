/**
 * MinMaxScaler (x·scale_ + min_, clipped to feature_range with clip=True), RobustScaler ((x − center_) /
 * scale_, either step skipped when None) and MaxAbsScaler (x / scale_): column-wise, as scikit-learn 1.2's transform.
 */
import { attr, type PyValue } from "../pickle/values";
import { classNameOf, toNumbers } from "./arrays";
import { columnwise, optionalVector, requiredWidth } from "./step-helpers";
import type { Transformer } from "./transformer";
import { LoadError, type PipelineStepEntry } from "./types";

function need(v: number[] | null, className: string, name: string): number[] {
  if (!v) throw new LoadError("malformed", `${className}: missing ${name} (is it fitted?)`);
  return v;
}

function loadMinMax(obj: PyValue): Transformer {
  const className = classNameOf(obj);
  const n = requiredWidth(obj, className, toNumbers(attr(obj, "scale_") ?? [], className).length);
  const scale = need(optionalVector(obj, "scale_", className, n), className, "scale_");
  const min = need(optionalVector(obj, "min_", className, n), className, "min_");
  const clip = attr(obj, "clip") === true;
  const range = optionalVector(obj, "feature_range", className, 2) ?? [0, 1];
  return columnwise(
    className,
    n,
    (x, j) => {
      const v = x * scale[j]! + min[j]!;
      return clip ? Math.min(Math.max(v, range[0]!), range[1]!) : v;
    },
    null,
  );
}

function loadRobust(obj: PyValue): Transformer {
  const className = classNameOf(obj);
  const n = requiredWidth(obj, className, toNumbers(attr(obj, "center_") ?? attr(obj, "scale_") ?? [], className).length);
  const center = attr(obj, "with_centering") === false ? null : optionalVector(obj, "center_", className, n);
  const scale = attr(obj, "with_scaling") === false ? null : optionalVector(obj, "scale_", className, n);
  return columnwise(
    className,
    n,
    (x, j) => {
      let v = x;
      if (center) v -= center[j]!;
      if (scale) v /= scale[j]!;
      return v;
    },
    // The median is the scaler's own idea of a typical value.
    center,
  );
}

function loadMaxAbs(obj: PyValue): Transformer {
  const className = classNameOf(obj);
  const n = requiredWidth(obj, className, toNumbers(attr(obj, "scale_") ?? [], className).length);
  const scale = need(optionalVector(obj, "scale_", className, n), className, "scale_");
  return columnwise(className, n, (x, j) => x / scale[j]!, null);
}

export const scalers: PipelineStepEntry[] = [
  { className: "sklearn.preprocessing._data.MinMaxScaler", load: loadMinMax },
  { className: "sklearn.preprocessing._data.RobustScaler", load: loadRobust },
  { className: "sklearn.preprocessing._data.MaxAbsScaler", load: loadMaxAbs },
];
