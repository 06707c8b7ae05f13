import { hashBucket } from "./hash-bucket";
import {
  allocateColumn,
  BUCKET_RECENT_VALUES,
  emptyCategoryTable,
  emptyNumericColumn,
  type CategorySlot,
  type CategoryTable,
  type FieldState,
  type LeafState,
  type LearnerState,
  type NumericColumn,
  type ObjectFieldState,
} from "./learner-state";
import { getOwn, setOwn } from "./own-record";
import type { FieldType, LearnerSettings } from "./types";
import { valueKind, type ValueKind } from "./value-kind";
import { addObservation, populationStd, standardize } from "./welford";

/**
 * Schema-driven encoding (§1), in two forms:
 * - viewFeatures: read-only, with the stats as they are (prediction and explanations);
 * - learnFeatures: updates the stats (step 3 of §3), then transforms with the updated stats (step 4).
 * A feature is a top-level field or an object leaf; it owns one or more model columns.
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
function newLeafState(kind: ValueKind): LeafState | null {
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
function presenceOf(state: LeafState, kind: ValueKind): "present" | "missing" | "mismatch" {
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

function listMean(values: number[]): number {
  let sum = 0;
  for (const x of values) sum += x;
  return sum / values.length;
}

// ---------------------------------------------------------------------------------------------------
// Read-only view (prediction, explanation)

/** A numeric column as seen at predict time. col −1 means never learned: weight 0. */
export interface NumericPart {
  col: number;
  present: boolean;
  z: number;
  mean: number;
  std: number;
}

export interface FeatureView {
  /** Field name, or dotted path for an object leaf. */
  feature: string;
  /** The raw value as sent; null when absent. */
  value: unknown;
  presence: "present" | "missing" | "mismatch";
  /** numeric: number/boolean (parts[0]); numbers: [len, mean]; category: one-hot/multi-hot; none: no columns yet. */
  kind: "numeric" | "numbers" | "category" | "none";
  parts: NumericPart[];
  /** Category features: the table for the baseline term (null when nothing learned yet). */
  table: CategoryTable | null;
  /** Category features: the columns of the active values (distinct). */
  active: number[];
  /** A categorical value with no learned column. */
  unseen: boolean;
}

function numericPart(column: NumericColumn | null, raw: number | null, clip: number | null): NumericPart {
  if (column === null) return { col: -1, present: raw !== null, z: 0, mean: 0, std: 0 };
  return {
    col: column.col,
    present: raw !== null,
    z: raw === null ? 0 : standardize(column.stats, raw, clip),
    mean: column.stats.mean,
    std: populationStd(column.stats),
  };
}

/** The slot a value would use at predict time, or undefined if it has no learned column. */
function findSlot(table: CategoryTable, value: string, settings: LearnerSettings): CategorySlot | undefined {
  const index = getOwn(table.slot_of_value, value);
  if (index !== undefined) return table.slots[index];
  if (table.n_values < settings.category_cap) return undefined; // would become a new one-hot value
  const bucketIndex = getOwn(table.slot_of_bucket, String(hashBucket(value, settings.hash_bits)));
  return bucketIndex === undefined ? undefined : table.slots[bucketIndex];
}

function viewLeaf(feature: string, state: LeafState | null, raw: unknown, settings: LearnerSettings): FeatureView {
  const kind = valueKind(raw);
  const value = raw === undefined ? null : raw;
  const view: FeatureView = { feature, value, presence: "missing", kind: "none", parts: [], table: null, active: [], unseen: false };
  if (state === null) {
    // Never learned: no columns, so it contributes 0; say what it would be.
    view.presence = kind === "missing" ? "missing" : kind === "invalid" || kind === "object" ? "mismatch" : "present";
    if (kind === "number" || kind === "boolean") {
      view.kind = "numeric";
      view.parts = [numericPart(null, asNumber(raw), settings.clip)];
    } else if (kind === "numbers") {
      view.kind = "numbers";
      const list = raw as number[];
      view.parts = [numericPart(null, list.length, null), numericPart(null, listMean(list), null)];
    } else if (kind === "string" || kind === "strings") {
      view.kind = "category";
      view.unseen = true;
    }
    return view;
  }
  const presence = presenceOf(state, kind);
  view.presence = presence;
  const present = presence === "present";
  switch (state.kind) {
    case "number":
    case "boolean":
      view.kind = "numeric";
      view.parts = [numericPart(state.column, present ? asNumber(raw) : null, settings.clip)];
      break;
    case "numbers": {
      view.kind = "numbers";
      const list = present ? (raw as number[]) : null;
      view.parts = [
        numericPart(state.len, list === null ? null : list.length, settings.clip),
        numericPart(state.mean, list === null || list.length === 0 ? null : listMean(list), settings.clip),
      ];
      break;
    }
    case "string":
    case "strings": {
      view.kind = "category";
      view.table = state.table;
      if (!present) break;
      const values = state.kind === "string" ? [raw as string] : (raw as string[]);
      const taken = values.length > 16 ? new Set<number>() : null;
      for (const v of values) {
        const slot = findSlot(state.table, v, settings);
        if (slot === undefined) view.unseen = true;
        else if (taken !== null ? !taken.has(slot.col) : !view.active.includes(slot.col)) {
          taken?.add(slot.col);
          view.active.push(slot.col);
        }
      }
      break;
    }
    case "array":
      // Only empty arrays learned so far: like a never-learned leaf.
      return viewLeaf(feature, null, raw, settings);
  }
  return view;
}

/** Every feature of the input: schema fields in canonical order, then object leaves (known ones first). */
export function viewFeatures(state: LearnerState, input: Record<string, unknown>, settings: LearnerSettings): FeatureView[] {
  const views: FeatureView[] = [];
  const visit = (view: FeatureView) => views.push(view);
  for (const name of state.field_order) {
    const field = getOwn(state.fields, name);
    if (field === undefined) continue;
    const raw = getOwn(input, name);
    if (field.kind !== "object") {
      visit(viewLeaf(name, field, raw, settings));
      continue;
    }
    const isObject = valueKind(raw) === "object";
    const leaves = isObject ? new Map(flattenObject(raw as object)) : new Map<string, unknown>();
    for (const path of field.leaf_order) {
      visit(viewLeaf(`${name}.${path}`, getOwn(field.leaves, path) ?? null, leaves.get(path), settings));
      leaves.delete(path);
    }
    for (const [path, value] of leaves) {
      if (value !== null) visit(viewLeaf(`${name}.${path}`, null, value, settings));
    }
  }
  return views;
}

// ---------------------------------------------------------------------------------------------------
// Learning (steps 3 and 4 of §3)

/** The active columns of one learned example, after the stats were updated. */
export interface EncodedRow {
  cols: number[];
  xs: number[];
}

function learnNumber(state: LearnerState, column: NumericColumn, x: number, clip: number | null, out: EncodedRow): void {
  addObservation(column.stats, x);
  if (column.col < 0) column.col = allocateColumn(state);
  out.cols.push(column.col);
  out.xs.push(standardize(column.stats, x, clip));
}

function newSlot(state: LearnerState, table: CategoryTable, value: string | null, bucket: number | null): number {
  table.slots.push({ col: allocateColumn(state), count: 0, value, bucket, recent: bucket === null ? null : [] });
  return table.slots.length - 1;
}

/** The slot of a learned value: existing, a new one-hot column below the cap, else its hash bucket. */
function learnSlot(state: LearnerState, table: CategoryTable, value: string, settings: LearnerSettings): CategorySlot {
  let index = getOwn(table.slot_of_value, value);
  if (index === undefined && table.n_values < settings.category_cap) {
    index = newSlot(state, table, value, null);
    setOwn(table.slot_of_value, value, index);
    table.n_values += 1;
  }
  if (index !== undefined) return table.slots[index]!;
  const bucket = hashBucket(value, settings.hash_bits);
  index = getOwn(table.slot_of_bucket, String(bucket));
  if (index === undefined) {
    index = newSlot(state, table, null, bucket);
    setOwn(table.slot_of_bucket, String(bucket), index);
  }
  const slot = table.slots[index]!;
  const recent = slot.recent!;
  const seen = recent.indexOf(value);
  if (seen >= 0) recent.splice(seen, 1);
  recent.push(value);
  if (recent.length > BUCKET_RECENT_VALUES) recent.shift();
  return slot;
}

function learnCategories(state: LearnerState, table: CategoryTable, values: string[], settings: LearnerSettings, out: EncodedRow): void {
  // Multi-hot: a column is 1 however often its values repeat (or share a bucket), and counted once per example.
  const taken = values.length > 16 ? new Set<number>() : null;
  const first = out.cols.length;
  for (const v of values) {
    const slot = learnSlot(state, table, v, settings);
    if (taken !== null ? taken.has(slot.col) : out.cols.indexOf(slot.col, first) >= 0) continue;
    taken?.add(slot.col);
    slot.count += 1;
    out.cols.push(slot.col);
    out.xs.push(1);
  }
}

/** Learns one feature's value; returns the leaf state to keep (a pending array may become typed). */
function learnLeaf(state: LearnerState, leaf: LeafState, raw: unknown, settings: LearnerSettings, out: EncodedRow): LeafState {
  const kind = valueKind(raw);
  if (presenceOf(leaf, kind) !== "present") return leaf;
  switch (leaf.kind) {
    case "number":
    case "boolean":
      learnNumber(state, leaf.column, asNumber(raw), settings.clip, out);
      return leaf;
    case "numbers": {
      const list = raw as number[];
      learnNumber(state, leaf.len, list.length, settings.clip, out);
      if (list.length > 0) learnNumber(state, leaf.mean, listMean(list), settings.clip, out);
      return leaf;
    }
    case "string":
      learnCategories(state, leaf.table, [raw as string], settings, out);
      return leaf;
    case "strings":
      learnCategories(state, leaf.table, raw as string[], settings, out);
      return leaf;
    case "array": {
      if (kind === "empty") return leaf;
      const typed = newLeafState(kind)!; // "strings" or "numbers": the element kind is fixed now
      return learnLeaf(state, typed, raw, settings, out);
    }
  }
}

function learnObject(state: LearnerState, field: ObjectFieldState, raw: unknown, settings: LearnerSettings, out: EncodedRow): void {
  if (valueKind(raw) !== "object") return;
  for (const [path, value] of flattenObject(raw as object)) {
    let leaf = getOwn(field.leaves, path);
    if (leaf === undefined) {
      const created = newLeafState(valueKind(value));
      if (created === null) continue;
      leaf = created;
      field.leaf_order.push(path);
    }
    const kept = learnLeaf(state, leaf, value, settings, out);
    setOwn(field.leaves, path, kept);
  }
}

/** Steps 3–4 of §3 for the inputs: update every feature's stats, then encode with the updated stats. */
export function learnFeatures(state: LearnerState, input: Record<string, unknown>, settings: LearnerSettings): EncodedRow {
  const out: EncodedRow = { cols: [], xs: [] };
  for (const name of state.field_order) {
    const field = getOwn(state.fields, name);
    if (field === undefined) continue;
    const raw = getOwn(input, name);
    if (field.kind === "object") learnObject(state, field, raw, settings, out);
    else {
      const kept = learnLeaf(state, field, raw, settings, out);
      if (kept !== field) setOwn(state.fields, name, kept);
    }
  }
  return out;
}
