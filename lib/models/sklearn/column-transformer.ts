/**
 * ColumnTransformer: each fitted transformer (transformers_) sees its selected input columns; the
 * outputs are concatenated in transformers_ order. 'passthrough' copies columns, 'drop' skips them.
 */
import { attr, isDict, isList, isNdArray, isTuple, type PyValue } from "../pickle/values";
import { classNameOf, cOrderElements, need, nFeaturesIn, toStringsOrNull } from "./arrays";
import { checkWidth } from "./input";
import type { Transformer } from "./transformer";
import { LoadError, type InputRow, type LoaderContext, type PipelineStepEntry } from "./types";

/** Resolves a column selector (ints, names, slice, boolean mask, or a single int/name) to input indices. */
function resolveColumns(sel: PyValue, nIn: number, names: string[] | null, className: string): number[] {
  const bad = () => new LoadError("unsupported_class", `${className}: unsupported column selector`);
  const byName = (s: string) => {
    const i = names?.indexOf(s) ?? -1;
    if (i < 0) throw new LoadError("malformed", `${className}: unknown column "${s}"`);
    return i;
  };
  const one = (v: unknown): number => {
    if (typeof v === "number" && Number.isInteger(v)) return v < 0 ? nIn + v : v;
    if (typeof v === "bigint") return one(Number(v));
    if (typeof v === "string") return byName(v);
    throw bad();
  };
  let out: number[];
  if (typeof sel === "number" || typeof sel === "bigint" || typeof sel === "string") out = [one(sel)];
  else if (typeof sel === "object" && sel !== null && !Array.isArray(sel) && "$kind" in sel && sel.$kind === "slice") {
    const int = (v: PyValue, d: number) => (v === null ? d : typeof v === "number" ? (v < 0 ? nIn + v : v) : NaN);
    const start = int(sel.start, 0);
    const stop = Math.min(int(sel.stop, nIn), nIn);
    const step = sel.step === null ? 1 : Number(sel.step);
    if (!Number.isInteger(start) || !Number.isInteger(stop) || !(step >= 1)) throw bad();
    out = [];
    for (let i = start; i < stop; i += step) out.push(i);
  } else {
    const items: unknown[] = isNdArray(sel) ? Array.from(cOrderElements(sel)) : isList(sel) || isTuple(sel) ? sel : [];
    if (!isNdArray(sel) && !isList(sel) && !isTuple(sel)) throw bad();
    out = items.length > 0 && items.every((v) => typeof v === "boolean")
      ? items.flatMap((v, i) => (v ? [i] : []))
      : items.map(one);
  }
  if (out.some((i) => i < 0 || i >= nIn)) throw new LoadError("malformed", `${className}: column index out of range`);
  return out;
}

interface Part {
  columns: number[];
  /** null for 'passthrough' (values copied as they are). */
  step: Transformer | null;
  weight: number;
}

function loadColumnTransformer(obj: PyValue, ctx: LoaderContext): Transformer {
  const className = classNameOf(obj);
  // Before 1.0 a ColumnTransformer fitted on a DataFrame kept its columns as _feature_names_in.
  const names = toStringsOrNull(attr(obj, "feature_names_in_") ?? attr(obj, "_feature_names_in"));
  // 0.20–0.23 recorded the width as _n_features (§13).
  const legacy = attr(obj, "_n_features");
  const nIn = nFeaturesIn(obj) ?? names?.length ?? (typeof legacy === "number" ? legacy : undefined);
  if (nIn === undefined) throw new LoadError("malformed", `${className}: not fitted (no n_features_in_)`);
  const fitted = need(obj, "transformers_", className);
  if (!isList(fitted) && !isTuple(fitted)) throw new LoadError("malformed", `${className}.transformers_ must be a list`);
  const weights = attr(obj, "transformer_weights");

  const parts: Part[] = [];
  for (const entry of fitted) {
    if ((!isList(entry) && !isTuple(entry)) || entry.length < 3) throw new LoadError("malformed", `${className}: bad transformers_ entry`);
    const [name, trans, sel] = entry as [PyValue, PyValue, PyValue];
    if (trans === "drop") continue;
    const columns = resolveColumns(sel, nIn, names, className);
    if (columns.length === 0) continue;
    const w = isDict(weights) ? weights.get(name ?? null) : undefined;
    const weight = typeof w === "number" ? w : 1;
    const step = trans === "passthrough" ? null : ctx.loadStep(trans);
    if (step && step.nIn !== columns.length) throw new LoadError("malformed", `${className}: ${String(name)} expects ${step.nIn} columns`);
    parts.push({ columns, step, weight });
  }

  const sourceOf = parts.flatMap((p) => (p.step ? p.step.sourceOf.map((s) => p.columns[s]!) : p.columns));
  const meanIn: (number | null)[] = new Array<number | null>(nIn).fill(null);
  const meanOut: (number | null)[] = [];
  for (const p of parts) {
    if (!p.step) {
      meanOut.push(...p.columns.map(() => null));
      continue;
    }
    p.step.meanIn.forEach((m, s) => (meanIn[p.columns[s]!] = m));
    meanOut.push(...p.step.meanOut.map((m) => (m === null ? null : m * p.weight)));
  }
  return {
    className,
    nIn,
    nOut: sourceOf.length,
    sourceOf,
    mixes: parts.some((p) => p.step?.mixes === true),
    transform(row: InputRow, i: number) {
      checkWidth(row, nIn, i);
      const out: InputRow = [];
      for (const p of parts) {
        const sub = p.columns.map((c) => row[c]!);
        const t = p.step ? p.step.transform(sub, i) : sub;
        out.push(...(p.weight === 1 ? t : t.map((v) => (typeof v === "number" ? v * p.weight : v))));
      }
      return out;
    },
    meanIn,
    meanOut,
  };
}

export const columnTransformers: PipelineStepEntry[] = [
  { className: "sklearn.compose._column_transformer.ColumnTransformer", load: loadColumnTransformer },
];
