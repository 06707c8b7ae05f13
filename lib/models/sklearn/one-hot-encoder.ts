/**
 * OneHotEncoder: one 0/1 column per category of each input column, in categories_ order, minus the
 * drop_idx_ column. Unknown values are all zeros with handle_unknown='ignore' and an error otherwise.
 * Infrequent-category grouping (min_frequency / max_categories) is refused rather than guessed.
 */
import { attr, isList, isNdArray, isObject, isTuple, type PyValue } from "../pickle/values";
import { classNameOf, cOrderElements, need, stringAttr } from "./arrays";
import { InputError, checkWidth } from "./input";
import { isLegacyOneHot, loadLegacyOneHotEncoder } from "./one-hot-legacy";
import type { Transformer } from "./transformer";
import { LoadError, type InputValue, type PipelineStepEntry } from "./types";

export type Category = number | string | null;

export function categoriesOf(v: PyValue, className: string): Category[][] {
  if (!isList(v) && !isTuple(v)) throw new LoadError("malformed", `${className}.categories_ must be a list`);
  return v.map((arr) => {
    const items: ArrayLike<unknown> | null = isNdArray(arr) ? cOrderElements(arr) : isList(arr) || isTuple(arr) ? arr : null;
    if (!items) throw new LoadError("malformed", `${className}.categories_ must hold arrays`);
    return Array.from(items, (c): Category => {
      if (typeof c === "string" || typeof c === "number" || c === null) return c;
      if (typeof c === "bigint") return Number(c);
      throw new LoadError("unsupported_class", `${className}: categories of type ${typeof c} cannot be served`);
    });
  });
}

/** drop_idx_: null, or one entry per feature (an index, or None for "keep all"). */
function dropIndexOf(v: PyValue | undefined, nFeatures: number): (number | null)[] {
  if (v === undefined || v === null) return new Array<number | null>(nFeatures).fill(null);
  const items = isNdArray(v) ? Array.from(cOrderElements(v)) : isList(v) || isTuple(v) ? v : [];
  return Array.from({ length: nFeatures }, (_, i) => {
    const d = items[i];
    return typeof d === "number" || typeof d === "bigint" ? Number(d) : null;
  });
}

/** Where the value sits in categories (−1 when unknown). CSV-style strings match numeric categories and vice versa. */
export function categoryIndex(cats: readonly Category[], value: InputValue): number {
  for (let c = 0; c < cats.length; c++) {
    const cat = cats[c];
    if (cat === value) return c;
    if (typeof cat === "number" && typeof value === "string" && value.trim() !== "") {
      const n = Number(value);
      if (n === cat || (Number.isNaN(cat) && value.trim().toLowerCase() === "nan")) return c;
    } else if (typeof cat === "number" && typeof value === "number" && Number.isNaN(cat) && Number.isNaN(value)) {
      return c;
    } else if (typeof cat === "string" && typeof value === "number" && String(value) === cat) {
      return c;
    }
  }
  return -1;
}

function loadOneHotEncoder(obj: PyValue): Transformer {
  if (isObject(obj) && isLegacyOneHot(obj)) return loadLegacyOneHotEncoder(obj);
  const className = classNameOf(obj);
  if (attr(obj, "_infrequent_enabled") === true) {
    throw new LoadError("unsupported_class", `${className} with infrequent categories cannot be served`);
  }
  const categories = categoriesOf(need(obj, "categories_", className), className);
  const drop = dropIndexOf(attr(obj, "drop_idx_"), categories.length);
  const handleUnknown = stringAttr(obj, "handle_unknown", "error");
  const nIn = categories.length;
  // Output column offsets of each input column, skipping the dropped category.
  const kept = categories.map((cats, i) => cats.map((_, c) => c).filter((c) => c !== drop[i]));
  const sourceOf = kept.flatMap((cols, i) => cols.map(() => i));
  return {
    className,
    nIn,
    nOut: sourceOf.length,
    sourceOf,
    transform(row, r) {
      checkWidth(row, nIn, r);
      const out: number[] = [];
      row.forEach((value, i) => {
        const idx = categoryIndex(categories[i]!, value);
        if (idx < 0 && handleUnknown === "error") {
          throw new InputError(`row ${r}: unknown category "${String(value)}" in column ${i}`);
        }
        for (const c of kept[i]!) out.push(c === idx ? 1 : 0);
      });
      return out;
    },
    meanIn: new Array<null>(nIn).fill(null),
    meanOut: new Array<null>(sourceOf.length).fill(null),
  };
}

export const oneHotEncoders: PipelineStepEntry[] = [{ className: "sklearn.preprocessing._encoders.OneHotEncoder", load: loadOneHotEncoder }];
