/**
 * Reading the safe reader's plain data (numpy arrays, Python lists, numpy scalars) into ordinary JS
 * numbers, strings and matrices, with a LoadError naming the attribute when the layout is unexpected.
 */
import { attr, isList, isNdArray, isObject, isTuple, type NdArray, type PyValue } from "../pickle/values";
import { LoadError, type Label } from "./types";

const malformed = (what: string, why: string) => new LoadError("malformed", `${what}: ${why}`);

/**
 * An array expected where `v` is something else. joblib before 0.10 saved each array to a side file
 * (`model.pkl_01.npy`) and pickled only its name: that file is not part of the upload, so say so.
 */
function notAnArray(v: PyValue | undefined, what: string): LoadError {
  if (isObject(v) && v.$class === "joblib.numpy_pickle.NDArrayWrapper") {
    const file = attr(v, "filename");
    const name = typeof file === "string" ? ` (${file.slice(0, 80)})` : "";
    return new LoadError(
      "unsupported_version",
      `${what} is kept in a separate .npy file${name}, as joblib before 0.10 saved arrays; such a model needs its side files and cannot be served from one upload (re-save it with a current joblib)`,
    );
  }
  return malformed(what, "array expected");
}

/** One element of an array or list as a JS number (int64 arrays hold bigints). */
function toNumber(v: unknown, what: string): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  throw malformed(what, "numeric value expected");
}

/** The elements of an ndarray in C (row-major) order, whatever its storage order. */
export function cOrderElements(a: NdArray): ArrayLike<unknown> {
  const data = a.data as ArrayLike<unknown>;
  if (!a.fortran || a.shape.length < 2) return data;
  // Fortran order: the first index varies fastest. Re-walk in C order.
  const shape = a.shape;
  const n = data.length;
  const out = new Array<unknown>(n);
  const stridesF = shape.map((_, i) => shape.slice(0, i).reduce((p, d) => p * d, 1));
  const idx = new Array<number>(shape.length).fill(0);
  for (let c = 0; c < n; c++) {
    let f = 0;
    for (let d = 0; d < shape.length; d++) f += idx[d]! * stridesF[d]!;
    out[c] = data[f];
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d]! += 1;
      if (idx[d]! < shape[d]!) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** A numeric vector from an ndarray (any shape, flattened in C order), a list/tuple, or a scalar. */
export function toNumbers(v: PyValue | undefined, what: string): number[] {
  if (isNdArray(v)) return Array.from(cOrderElements(v), (e) => toNumber(e, what));
  if (isList(v) || isTuple(v)) return v.map((e) => toNumber(e, what));
  if (typeof v === "number" || typeof v === "bigint") return [Number(v)];
  throw notAnArray(v, what);
}

/** A 2-D numeric matrix (rows in C order); a 1-D array becomes a single row. */
export function toMatrix(v: PyValue | undefined, what: string): number[][] {
  if (isList(v) || isTuple(v)) return v.map((row) => toNumbers(row, what));
  if (!isNdArray(v)) throw notAnArray(v, what);
  if (v.shape.length > 2) throw malformed(what, `2-D array expected, got shape (${v.shape.join(", ")})`);
  const flat = toNumbers(v, what);
  const cols = v.shape.length === 2 ? v.shape[1]! : flat.length;
  const rows = v.shape.length === 2 ? v.shape[0]! : 1;
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) out.push(flat.slice(r * cols, (r + 1) * cols));
  return out;
}

/** classes_ as labels, keeping their type: int64/float arrays → numbers, str/object arrays → strings. */
export function toLabels(v: PyValue | undefined, what: string): Label[] {
  const items: ArrayLike<unknown> | null = isNdArray(v) ? cOrderElements(v) : isList(v) || isTuple(v) ? v : null;
  if (!items) throw notAnArray(v, what);
  return Array.from(items, (e) => {
    if (typeof e === "string") return e;
    if (typeof e === "number" || typeof e === "bigint" || typeof e === "boolean") return toNumber(e, what);
    throw malformed(what, "labels must be numbers or strings");
  });
}

/** A list of strings (e.g. feature_names_in_), or null when absent. */
export function toStringsOrNull(v: PyValue | undefined): string[] | null {
  if (v === undefined || v === null) return null;
  const items: ArrayLike<unknown> | null = isNdArray(v) ? cOrderElements(v) : isList(v) || isTuple(v) ? v : null;
  if (!items) return null;
  const out = Array.from(items);
  return out.every((s): s is string => typeof s === "string") ? out : null;
}

/** The dotted class name of a recorded estimator object. */
export function classNameOf(obj: PyValue): string {
  if (!isObject(obj)) throw new LoadError("malformed", "expected an estimator object");
  return obj.$class;
}

/** A required attribute of a recorded estimator. */
export function need(obj: PyValue, name: string, className: string): PyValue {
  const v = attr(obj, name);
  if (v === undefined) throw malformed(className, `missing ${name} (is the estimator fitted?)`);
  return v;
}

/** An optional string attribute (a param such as loss or multi_class). */
export function stringAttr(obj: PyValue, name: string, fallback: string): string {
  const v = attr(obj, name);
  return typeof v === "string" ? v : fallback;
}

/** feature_names_in_ (set when the model was fitted on a DataFrame), or null. */
export function featureNamesIn(obj: PyValue): string[] | null {
  return toStringsOrNull(attr(obj, "feature_names_in_"));
}

/** n_features_in_ as a number, or null. Before 0.24 trees, forests and boosting recorded it as n_features_ (§13). */
export function nFeaturesIn(obj: PyValue): number | null {
  const v = attr(obj, "n_features_in_") ?? attr(obj, "n_features_");
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "bigint") return Number(v);
  return null;
}

/** Index of the largest value; the first one wins ties, as numpy's argmax does. */
export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** Column means of numeric rows, summed in row order (numpy's mean over axis 0 for small inputs). */
export function columnMeans(rows: readonly (readonly number[])[], width: number): number[] {
  const sums = new Array<number>(width).fill(0);
  for (const row of rows) for (let j = 0; j < width; j++) sums[j]! += row[j]!;
  return sums.map((s) => s / rows.length);
}

/** numpy's pairwise summation (what np.sum does along a contiguous axis): exact order for n < 8, 8 lanes up to 128. */
export function npSum(a: readonly number[], start = 0, n = a.length): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i]!;
    return res;
  }
  if (n <= 128) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => a[start + i]!);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let l = 0; l < 8; l++) r[l]! += a[start + i + l]!;
    let res = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
    for (; i < n; i++) res += a[start + i]!;
    return res;
  }
  // Split in two halves, the first a multiple of 8 long.
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return npSum(a, start, n2) + npSum(a, start + n2, n - n2);
}
