/**
 * PolynomialFeatures: the bias column, then every product of degree _min_degree … _max_degree of the
 * inputs, in scikit-learn's order (itertools combinations with replacement, or without it for
 * interaction_only), each product formed right to left as scikit-learn's dense loop multiplies.
 */
import { attr, type PyValue } from "../pickle/values";
import { classNameOf } from "./arrays";
import { checkWidth, toFloat } from "./input";
import { requiredWidth } from "./step-helpers";
import type { Transformer } from "./transformer";
import { LoadError, type PipelineStepEntry } from "./types";

/** Output columns a served PolynomialFeatures may have: bounds the term list built from client-controlled sizes. */
export const MAX_POLYNOMIAL_TERMS = 100_000;

function int(obj: PyValue, names: string[], fallback: number): number {
  for (const name of names) {
    const v = attr(obj, name);
    if (typeof v === "number" || typeof v === "bigint") return Number(v);
  }
  return fallback;
}

/** Combinations of 0 … n−1 of size k in lexicographic order (with or without repeats), stopping past the cap. */
function combinations(n: number, k: number, repeat: boolean, out: number[][], cap: number): void {
  const walk = (start: number, prefix: number[]) => {
    if (out.length > cap) return;
    if (prefix.length === k) {
      out.push(prefix);
      return;
    }
    for (let i = start; i < n; i++) walk(repeat ? i : i + 1, [...prefix, i]);
  };
  walk(0, []);
}

function loadPolynomialFeatures(obj: PyValue): Transformer {
  const className = classNameOf(obj);
  // Before 1.2 the width was also stored as n_input_features_.
  const n = requiredWidth(obj, className, int(obj, ["n_input_features_"], 0) || undefined);
  const maxDegree = int(obj, ["_max_degree", "degree"], 2);
  const minDegree = int(obj, ["_min_degree"], 0);
  const interactionOnly = attr(obj, "interaction_only") === true;
  const includeBias = attr(obj, "include_bias") !== false;
  if (!Number.isInteger(maxDegree) || !Number.isInteger(minDegree) || minDegree < 0 || maxDegree < minDegree) {
    throw new LoadError("malformed", `${className}: degree must be a non-negative integer range`);
  }
  const terms: number[][] = [];
  if (includeBias) terms.push([]);
  for (let d = Math.max(1, minDegree); d <= maxDegree && terms.length <= MAX_POLYNOMIAL_TERMS; d++) {
    combinations(n, d, !interactionOnly, terms, MAX_POLYNOMIAL_TERMS);
  }
  if (terms.length > MAX_POLYNOMIAL_TERMS) throw new LoadError("unsupported_class", `${className} with more than ${MAX_POLYNOMIAL_TERMS} output columns cannot be served`);
  const declared = int(obj, ["n_output_features_"], terms.length);
  if (declared !== terms.length) throw new LoadError("malformed", `${className}: n_output_features_ is ${declared}, the degrees give ${terms.length}`);
  return {
    className,
    nIn: n,
    nOut: terms.length,
    mixes: maxDegree > 1 && n > 1,
    sourceOf: terms.map((t) => t[0] ?? 0),
    transform(row, i) {
      checkWidth(row, n, i);
      const x = row.map((v, j) => toFloat(v, i, j));
      return terms.map((t) => {
        if (t.length === 0) return 1;
        let p = x[t[t.length - 1]!]!;
        for (let m = t.length - 2; m >= 0; m--) p = x[t[m]!]! * p;
        return p;
      });
    },
    meanIn: new Array<null>(n).fill(null),
    meanOut: new Array<null>(terms.length).fill(null),
  };
}

export const polynomialFeatures: PipelineStepEntry[] = [
  // scikit-learn 0.22–0.24 kept it in _data.
  { className: "sklearn.preprocessing._polynomial.PolynomialFeatures", aliases: ["sklearn.preprocessing._data.PolynomialFeatures"], load: loadPolynomialFeatures },
];
