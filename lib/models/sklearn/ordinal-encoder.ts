/**
 * OrdinalEncoder: each column's value becomes its index in categories_ (as a float). A missing value
 * that was a category at fit becomes encoded_missing_value; an unknown one is an error, or
 * unknown_value with handle_unknown='use_encoded_value' (scikit-learn 1.2's transform).
 */
import { attr, type PyValue } from "../pickle/values";
import { classNameOf, need, stringAttr, toNumbers } from "./arrays";
import { InputError, checkWidth } from "./input";
import { categoriesOf, categoryIndex } from "./one-hot-encoder";
import { identityColumns } from "./step-helpers";
import type { Transformer } from "./transformer";
import { LoadError, type PipelineStepEntry } from "./types";

const isMissingCategory = (c: number | string | null) => c === null || (typeof c === "number" && Number.isNaN(c));

function numberOr(obj: PyValue, name: string, fallback: number): number {
  const v = attr(obj, name);
  if (v === undefined || v === null) return fallback;
  return toNumbers(v, name)[0] ?? fallback;
}

function loadOrdinalEncoder(obj: PyValue): Transformer {
  const className = classNameOf(obj);
  if (attr(obj, "_infrequent_enabled") === true) throw new LoadError("unsupported_class", `${className} with infrequent categories cannot be served`);
  const categories = categoriesOf(need(obj, "categories_", className), className);
  const n = categories.length;
  if (n === 0) throw new LoadError("malformed", `${className}: no categories_`);
  const useEncoded = stringAttr(obj, "handle_unknown", "error") === "use_encoded_value";
  const unknownValue = numberOr(obj, "unknown_value", NaN);
  const missingValue = numberOr(obj, "encoded_missing_value", NaN);
  return {
    className,
    nIn: n,
    nOut: n,
    sourceOf: identityColumns(n),
    transform(row, r) {
      checkWidth(row, n, r);
      return row.map((value, j) => {
        const cats = categories[j]!;
        const idx = categoryIndex(cats, value);
        if (idx >= 0) return isMissingCategory(cats[idx]!) ? missingValue : idx;
        if (useEncoded) return unknownValue;
        throw new InputError(`row ${r}: unknown category "${String(value)}" in column ${j}`);
      });
    },
    meanIn: new Array<null>(n).fill(null),
    meanOut: new Array<null>(n).fill(null),
  };
}

export const ordinalEncoders: PipelineStepEntry[] = [{ className: "sklearn.preprocessing._encoders.OrdinalEncoder", load: loadOrdinalEncoder }];
