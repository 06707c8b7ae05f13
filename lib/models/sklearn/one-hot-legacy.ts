/**
 * OneHotEncoder as 0.18–0.19 fitted it (and 0.20–0.21 in legacy mode): non-negative integer inputs,
 * column = feature_indices_[i] + x, kept only where active_features_ lists it (n_values='auto');
 * categorical_features other than 'all' encodes the selected columns and appends the others
 * unchanged (sklearn/preprocessing/data.py, _transform and _transform_selected, 0.19).
 */
import { attr, isNdArray, isList, isTuple, type PyObject, type PyValue } from "../pickle/values";
import { classNameOf, cOrderElements, toNumbers } from "./arrays";
import { InputError, checkWidth, toFloat } from "./input";
import type { Transformer } from "./transformer";
import { LoadError } from "./types";

/** 0.20 keeps the fitted arrays behind deprecated properties: `_name` in the pickle. */
const fitted = (obj: PyValue, name: string) => attr(obj, name) ?? attr(obj, `_${name}`);

export const isLegacyOneHot = (obj: PyObject) => attr(obj, "categories_") === undefined && fitted(obj, "feature_indices_") !== undefined;

/** categorical_features as a JS list: booleans for a mask (a numpy bool array too), numbers for indices. */
function specItems(v: PyValue): unknown[] | null {
  if (isNdArray(v)) return Array.from(cOrderElements(v), (x) => (v.dtype.kind === "b" ? Boolean(x) : x));
  return isList(v) || isTuple(v) ? v : null;
}

/** Which input columns are encoded: 'all', a boolean mask or column indices. */
function selectedColumns(v: PyValue | undefined, nIn: number, className: string): boolean[] {
  if (v === undefined || v === null || v === "all") return new Array<boolean>(nIn).fill(true);
  const items = specItems(v);
  if (!items) throw new LoadError("malformed", `${className}: categorical_features must be 'all', a mask or indices`);
  const sel = new Array<boolean>(nIn).fill(false);
  if (items.length === nIn && items.every((x) => typeof x === "boolean")) return items as boolean[];
  for (const x of items) {
    const i = Number(x);
    if (!Number.isInteger(i) || i < 0 || i >= nIn) throw new LoadError("malformed", `${className}: categorical_features index out of range`);
    sel[i] = true;
  }
  return sel;
}

export function loadLegacyOneHotEncoder(obj: PyValue): Transformer {
  const className = classNameOf(obj);
  const indices = toNumbers(fitted(obj, "feature_indices_"), `${className}.feature_indices_`);
  const nValues = toNumbers(fitted(obj, "n_values_"), `${className}.n_values_`);
  const nCat = indices.length - 1;
  if (nCat < 1 || nValues.length !== nCat) throw new LoadError("malformed", `${className}: feature_indices_ and n_values_ disagree`);
  const activeRaw = fitted(obj, "active_features_");
  const total = indices[nCat]!;
  // Output position of each one-hot column (−1 when inactive: dropped by n_values='auto').
  const position = new Int32Array(total).fill(-1);
  if (activeRaw === undefined || activeRaw === null) position.forEach((_, c) => (position[c] = c));
  else toNumbers(activeRaw, `${className}.active_features_`).forEach((c, k) => {
    if (!Number.isInteger(c) || c < 0 || c >= total) throw new LoadError("malformed", `${className}: active_features_ out of range`);
    position[c] = k;
  });
  const nActive = position.reduce((n, p) => (p >= 0 ? n + 1 : n), 0);

  // The width of the input: encoded columns plus the passthrough ones.
  const catSpec = attr(obj, "categorical_features");
  let nIn = nCat;
  if (catSpec !== undefined && catSpec !== null && catSpec !== "all") {
    const items = specItems(catSpec) ?? [];
    if (items.length > 0 && items.every((x) => typeof x === "boolean")) nIn = items.length;
    else throw new LoadError("unsupported_class", `${className}: categorical_features given as indices cannot be served (the input width is not recorded)`);
  }
  const selected = selectedColumns(catSpec, nIn, className);
  const catCols = selected.flatMap((s, i) => (s ? [i] : []));
  const restCols = selected.flatMap((s, i) => (s ? [] : [i]));
  if (catCols.length !== nCat) throw new LoadError("malformed", `${className}: categorical_features does not match feature_indices_`);
  const sourceOf = new Array<number>(nActive).fill(0);
  catCols.forEach((col, j) => {
    for (let c = indices[j]!; c < indices[j + 1]!; c++) if (position[c]! >= 0) sourceOf[position[c]!] = col;
  });
  sourceOf.push(...restCols);
  const ignore = attr(obj, "handle_unknown") === "ignore";

  return {
    className,
    nIn,
    nOut: sourceOf.length,
    sourceOf,
    transform(row, r) {
      checkWidth(row, nIn, r);
      const out = new Array<number>(nActive).fill(0);
      catCols.forEach((col, j) => {
        const x = Math.trunc(toFloat(row[col]!, r, col));
        if (!Number.isFinite(x) || x < 0) throw new InputError(`row ${r}: column ${col} needs a non-negative integer`);
        if (x >= nValues[j]!) {
          if (ignore) return;
          throw new InputError(`row ${r}: unknown category ${x} in column ${col}`);
        }
        const p = position[indices[j]! + x]!;
        if (p >= 0) out[p] = 1;
      });
      for (const col of restCols) out.push(toFloat(row[col]!, r, col));
      return out;
    },
    meanIn: new Array<null>(nIn).fill(null),
    meanOut: new Array<null>(sourceOf.length).fill(null),
  };
}
