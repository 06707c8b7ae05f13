/**
 * Steps whose outputs mix input columns: PCA ((x − mean_)·components_ᵀ, divided by √explained_variance_
 * when whiten), TruncatedSVD (x·components_ᵀ) and Normalizer (x / its l1, l2 or max norm, a norm
 * below 10·ε taken as 1). Pipelines explain their raw inputs directly (Transformer.mixes).
 */
import { attr, type PyValue } from "../pickle/values";
import { classNameOf, need, stringAttr, toMatrix } from "./arrays";
import { checkWidth, toFloat } from "./input";
import { optionalVector, requiredWidth } from "./step-helpers";
import type { Transformer } from "./transformer";
import { LoadError, type InputRow, type PipelineStepEntry } from "./types";

function mixing(className: string, nIn: number, nOut: number, f: (x: number[]) => number[]): Transformer {
  return {
    className,
    nIn,
    nOut,
    mixes: true,
    // Nominal only (see Transformer.mixes): every output depends on every input.
    sourceOf: new Array<number>(nOut).fill(0),
    transform(row: InputRow, i: number) {
      checkWidth(row, nIn, i);
      return f(row.map((v, j) => toFloat(v, i, j)));
    },
    meanIn: new Array<null>(nIn).fill(null),
    meanOut: new Array<null>(nOut).fill(null),
  };
}

function components(obj: PyValue, className: string): { C: number[][]; nIn: number } {
  const C = toMatrix(need(obj, "components_", className), `${className}.components_`);
  const nIn = requiredWidth(obj, className, C[0]?.length);
  if (C.length === 0 || C.some((r) => r.length !== nIn)) throw new LoadError("malformed", `${className}: components_ does not match n_features_in_`);
  return { C, nIn };
}

const project = (C: number[][], x: readonly number[]) =>
  C.map((c) => {
    let s = 0;
    for (let j = 0; j < c.length; j++) s += x[j]! * c[j]!;
    return s;
  });

function loadPca(obj: PyValue): Transformer {
  const className = classNameOf(obj);
  const { C, nIn } = components(obj, className);
  const mean = optionalVector(obj, "mean_", className, nIn);
  const whiten = attr(obj, "whiten") === true;
  const sd = whiten ? optionalVector(obj, "explained_variance_", className, C.length)?.map(Math.sqrt) : null;
  if (whiten && !sd) throw new LoadError("malformed", `${className}: whiten without explained_variance_`);
  return mixing(className, nIn, C.length, (x) => {
    const t = project(C, mean ? x.map((v, j) => v - mean[j]!) : x);
    return sd ? t.map((v, k) => v / sd[k]!) : t;
  });
}

function loadTruncatedSvd(obj: PyValue): Transformer {
  const className = classNameOf(obj);
  const { C, nIn } = components(obj, className);
  return mixing(className, nIn, C.length, (x) => project(C, x));
}

const EPS = 2 ** -52;

function loadNormalizer(obj: PyValue): Transformer {
  const className = classNameOf(obj);
  const n = requiredWidth(obj, className);
  const norm = stringAttr(obj, "norm", "l2");
  const normOf: Record<string, (x: number[]) => number> = {
    l1: (x) => x.reduce((s, v) => s + Math.abs(v), 0),
    l2: (x) => Math.sqrt(x.reduce((s, v) => s + v * v, 0)),
    max: (x) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0),
  };
  const f = Object.hasOwn(normOf, norm) ? normOf[norm] : undefined;
  if (!f) throw new LoadError("unsupported_class", `${className} with norm '${norm}' cannot be served`);
  return mixing(className, n, n, (x) => {
    const raw = f(x);
    const d = raw < 10 * EPS ? 1 : raw;
    return x.map((v) => v / d);
  });
}

export const projections: PipelineStepEntry[] = [
  { className: "sklearn.decomposition._pca.PCA", load: loadPca },
  { className: "sklearn.decomposition._truncated_svd.TruncatedSVD", load: loadTruncatedSvd },
  { className: "sklearn.preprocessing._data.Normalizer", load: loadNormalizer },
];
