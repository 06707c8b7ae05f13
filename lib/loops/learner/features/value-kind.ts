/**
 * What a raw JSON value is, for encoding (docs/loops-learner.md §1). Numbers are usable only when finite and at most 1e100 in
 * magnitude: beyond that the squares in the running variance and in AdaGrad's accumulators could
 * overflow to Infinity, which JSON cannot store.
 */
export const MAX_ABS_NUMBER = 1e100;

export type ValueKind =
  | "missing" // absent or null
  | "number"
  | "boolean"
  | "string"
  | "strings" // non-empty array of strings
  | "numbers" // non-empty array of usable numbers
  | "empty" // empty array: an array, element kind unknown
  | "object" // non-array object
  | "invalid"; // anything else: unusable numbers, mixed or nested arrays

export function isUsableNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v) && Math.abs(v) <= MAX_ABS_NUMBER;
}

export function valueKind(v: unknown): ValueKind {
  if (v === null || v === undefined) return "missing";
  switch (typeof v) {
    case "number":
      return isUsableNumber(v) ? "number" : "invalid";
    case "boolean":
      return "boolean";
    case "string":
      return "string";
    case "object":
      return Array.isArray(v) ? arrayKind(v) : "object";
    default:
      return "invalid";
  }
}

function arrayKind(values: unknown[]): ValueKind {
  if (values.length === 0) return "empty";
  if (values.every((x) => typeof x === "string")) return "strings";
  if (values.every(isUsableNumber)) return "numbers";
  return "invalid";
}
