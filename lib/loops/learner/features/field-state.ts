import type { FieldType } from "../../types";
import { emptyCategoryTable, emptyNumericColumn, type FieldState, type LeafState } from "../state";
import type { ValueKind } from "./value-kind";

/**
 * A feature's state by its kind (docs/loops-learner.md §1): a top-level field's from the schema, an object leaf's from the
 * first value learned for it, and whether a value fits it. A feature is a top-level field or an object
 * leaf; it owns one or more model columns.
 */

export function newFieldState(type: FieldType): FieldState {
  switch (type) {
    case "integer":
    case "float":
      return { kind: "number", column: emptyNumericColumn() };
    case "boolean":
      return { kind: "boolean", column: emptyNumericColumn() };
    case "string":
      return { kind: "string", table: emptyCategoryTable() };
    case "array":
      return { kind: "array" };
    case "object":
      return { kind: "object", leaves: {}, leaf_order: [] };
  }
}

/** A leaf's state from the first value learned for it; its kind is fixed from then on (§1). */
export function newLeafState(kind: ValueKind): LeafState | null {
  switch (kind) {
    case "number":
      return { kind: "number", column: emptyNumericColumn() };
    case "boolean":
      return { kind: "boolean", column: emptyNumericColumn() };
    case "string":
      return { kind: "string", table: emptyCategoryTable() };
    case "strings":
      return { kind: "strings", table: emptyCategoryTable() };
    case "numbers":
      return { kind: "numbers", len: emptyNumericColumn(), mean: emptyNumericColumn() };
    case "empty":
      return { kind: "array" };
    default:
      return null; // missing or unusable: fixes nothing
  }
}

/** Does a value fit a feature of this kind? "missing" and "mismatch" both mean: no active column. */
export function presenceOf(state: LeafState, kind: ValueKind): "present" | "missing" | "mismatch" {
  if (kind === "missing") return "missing";
  switch (state.kind) {
    case "number":
      return kind === "number" ? "present" : "mismatch";
    case "boolean":
      return kind === "boolean" ? "present" : "mismatch";
    case "string":
      return kind === "string" ? "present" : "mismatch";
    case "strings":
      return kind === "strings" || kind === "empty" ? "present" : "mismatch";
    case "numbers":
      return kind === "numbers" || kind === "empty" ? "present" : "mismatch";
    case "array":
      return kind === "strings" || kind === "numbers" || kind === "empty" ? "present" : "mismatch";
  }
}

/** An object's leaves as (dotted path, value), deduplicated (last wins) and sorted by path. */
export function flattenObject(value: object): [string, unknown][] {
  const leaves = new Map<string, unknown>();
  const walk = (obj: object, prefix: string) => {
    for (const key of Object.keys(obj)) {
      const v = (obj as Record<string, unknown>)[key];
      const path = prefix === "" ? key : `${prefix}.${key}`;
      if (v !== null && typeof v === "object" && !Array.isArray(v)) walk(v, path);
      else leaves.set(path, v);
    }
  };
  walk(value, "");
  return [...leaves.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Booleans count as 0/1. */
export function asNumber(v: unknown): number {
  return v === true ? 1 : v === false ? 0 : (v as number);
}

export function listMean(values: number[]): number {
  let sum = 0;
  for (const x of values) sum += x;
  return sum / values.length;
}
