/** Turning a caller's row into the float64 vector the trees compare, with sklearn's input rules. */
import { checkWidth, InputError, toFloat } from "../input";
import type { InputRow } from "../types";

/**
 * "float32": DecisionTree / forests / GradientBoosting cast X to float32 before comparing it with the
 * float64 thresholds (docs/sklearn-pickles.md §9), and refuse NaN and infinity (check_array with force_all_finite=True).
 * "float64": HistGradientBoosting compares in float64 and accepts NaN (routed by missing_go_to_left) and ±inf.
 * "float32_missing": XGBoost / LightGBM, float32 values with NaN as missing (routed by each node's default).
 */
export type InputMode = "float32" | "float64" | "float32_missing";

export function prepareRow(row: InputRow, index: number, nFeatures: number, mode: InputMode, out: Float64Array): Float64Array {
  if (!Array.isArray(row)) throw new InputError(`row ${index} is not an array`);
  checkWidth(row, nFeatures, index);
  for (let j = 0; j < nFeatures; j++) {
    const raw = row[j];
    if (typeof raw !== "number" && typeof raw !== "string") {
      throw new InputError(`row ${index}, column ${j}: a number is expected`);
    }
    const v = toFloat(raw, index, j);
    if (mode === "float64") {
      out[j] = v;
      continue;
    }
    const f = Math.fround(v);
    if (mode === "float32_missing") {
      out[j] = f;
      continue;
    }
    if (!Number.isFinite(f)) {
      throw new InputError(
        v !== v
          ? `row ${index}, column ${j}: missing values (NaN) are not supported by this model`
          : `row ${index}, column ${j}: ${v} is infinite or too large for float32`,
      );
    }
    out[j] = f;
  }
  return out;
}
