import type { InputRow } from "./types";

/** A caller's row does not fit the model (wrong width, a non-numeric value where a number is needed). */
export class InputError extends Error {
  readonly code = "invalid_input";
  override name = "InputError";
}

/** Checks the row width against n_features_in_ (when the model recorded it). */
export function checkWidth(row: InputRow, nFeatures: number, index: number): void {
  if (row.length !== nFeatures) {
    throw new InputError(`row ${index} has ${row.length} values; the model expects ${nFeatures}`);
  }
}

/** One value as a float: numbers pass through, numeric strings are parsed (CSV-style input). */
export function toFloat(v: number | string, row: number, col: number): number {
  if (typeof v === "number") return v;
  const t = v.trim();
  const n = t === "" ? NaN : Number(t);
  if (Number.isNaN(n) && t.toLowerCase() !== "nan") {
    throw new InputError(`row ${row}, column ${col}: "${v}" is not a number`);
  }
  return n;
}

/** Numeric rows for estimators that take floats only. */
export function numericRows(X: readonly InputRow[], nFeatures: number): number[][] {
  return X.map((row, i) => {
    checkWidth(row, nFeatures, i);
    return row.map((v, j) => toFloat(v, i, j));
  });
}
