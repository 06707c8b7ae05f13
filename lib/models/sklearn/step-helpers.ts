/** Shared pieces of the preprocessing steps: reading their fitted vectors and building column-wise transformers. */
import { attr, type PyValue } from "../pickle/values";
import { nFeaturesIn, toNumbers } from "./arrays";
import { checkWidth, toFloat } from "./input";
import type { Transformer } from "./transformer";
import { LoadError } from "./types";

/** A fitted vector attribute, or null when absent/None; its length must be n when n is known. */
export function optionalVector(obj: PyValue, name: string, className: string, n: number | null): number[] | null {
  const v = attr(obj, name);
  if (v === undefined || v === null) return null;
  const out = toNumbers(v, `${className}.${name}`);
  if (n !== null && out.length !== n) throw new LoadError("malformed", `${className}.${name} has ${out.length} values for ${n} features`);
  return out;
}

export function requiredWidth(obj: PyValue, className: string, ...candidates: (number | undefined)[]): number {
  const n = nFeaturesIn(obj) ?? candidates.find((c) => c !== undefined);
  if (n === undefined || n === null || n <= 0) throw new LoadError("malformed", `${className}: not fitted (no n_features_in_)`);
  return n;
}

export const identityColumns = (n: number): number[] => Array.from({ length: n }, (_, j) => j);

/** A step that maps each numeric column on its own (scalers): column j of the output comes from input j. */
export function columnwise(className: string, n: number, apply: (x: number, j: number) => number, meanIn: (number | null)[] | null): Transformer {
  const means = meanIn ?? new Array<number | null>(n).fill(null);
  return {
    className,
    nIn: n,
    nOut: n,
    sourceOf: identityColumns(n),
    transform(row, i) {
      checkWidth(row, n, i);
      return row.map((v, j) => apply(toFloat(v, i, j), j));
    },
    meanIn: means,
    meanOut: means.map((m, j) => (m === null ? null : apply(m, j))),
  };
}
