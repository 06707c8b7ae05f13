import { MAX_LEARNED_LEAVES } from "../limits";
import type { FieldType, LearnerSettings } from "../types";
import { hashBucket } from "./hash-bucket";
import { hasRoom, modelText } from "./model-text";
import { getOwn, setOwn } from "./own-record";
import { SigmaMemo } from "./sigma-memo";
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
} from "./state";
import { isUsableNumber, valueKind, type ValueKind } from "./value-kind";
import { addObservation, populationStd, standardize, zOf } from "./welford";

/**
 * Schema-driven encoding (§1), in two forms:
 * - viewFeatures (feature-views.ts): read-only, with the stats as they are (prediction and explanations);
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

// ---------------------------------------------------------------------------------------------------
// The fields of a state in canonical order, and an input's values in that order

/**
 * A state's field states by position in field_order, cached per state object so the hot path reads
 * arrays instead of records keyed by name. It is rebuilt when the state's `fields` or `field_order`
 * object is replaced (a state from JSON or a copy is a new object, hence a new plan); the one in-place
 * change, a pending array field becoming typed, is made by learnFeatures, which updates both.
 */
export interface FieldPlan {
  fields: Record<string, FieldState>;
  order: string[];
  states: (FieldState | undefined)[];
  /** Field name → position in order. */
  position: Map<string, number>;
  /** The key list of the last input read, and the position of each of its keys (−1: not a field). */
  lastKeys: string[];
  lastPositions: number[];
  /** The last list of names values were given by (a spec's input fields, see valuesByName), and their positions. */
  lastNames: readonly string[];
  namePositions: number[];
  /** σ of the top-level number fields, by position: computed when learning, reused by the next view. */
  sigma: SigmaMemo;
}

const plans = new WeakMap<LearnerState, FieldPlan>();

export function fieldPlan(state: LearnerState): FieldPlan {
  const plan = plans.get(state);
  if (plan !== undefined && plan.fields === state.fields && plan.order === state.field_order && plan.states.length === state.field_order.length) return plan;
  const order = state.field_order;
  const fresh: FieldPlan = {
    fields: state.fields,
    order,
    states: order.map((name) => getOwn(state.fields, name)),
    position: new Map(order.map((name, i) => [name, i])),
    lastKeys: [],
    lastPositions: [],
    lastNames: [],
    namePositions: [],
    sigma: new SigmaMemo(order.length),
  };
  plans.set(state, fresh);
  return fresh;
}

/**
 * An input's own (enumerable: JSON's) values in field order, undefined when absent. Inputs of one loop
 * usually arrive with the same keys in the same order (JSON from one client), so the key list is
 * compared with the last one and the values are taken in one Object.values call instead of a lookup
 * per field.
 */
export function inputValues(plan: FieldPlan, input: Record<string, unknown>): unknown[] {
  const raws = new Array<unknown>(plan.order.length).fill(undefined);
  const keys = Object.keys(input);
  let positions = plan.lastPositions;
  if (!sameKeys(keys, plan.lastKeys)) {
    positions = keys.map((key) => plan.position.get(key) ?? -1);
    plan.lastKeys = keys;
    plan.lastPositions = positions;
  }
  const values = Object.values(input);
  for (let i = 0; i < values.length; i++) {
    const at = positions[i]!;
    if (at >= 0) raws[at] = values[i];
  }
  return raws;
}

/** Values given by name (an already-read row: `values[j]` is the value of `names[j]`) in field order. */
export function valuesByName(plan: FieldPlan, names: readonly string[], values: readonly unknown[]): unknown[] {
  if (names !== plan.lastNames) {
    plan.namePositions = names.map((name) => plan.position.get(name) ?? -1);
    plan.lastNames = names;
  }
  const positions = plan.namePositions;
  const raws = new Array<unknown>(plan.order.length).fill(undefined);
  for (let j = 0; j < names.length; j++) {
    const at = positions[j]!;
    if (at >= 0) raws[at] = values[j];
  }
  return raws;
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Learning (steps 3 and 4 of §3)

/**
 * The active columns of one learned example, after the stats were updated: the first n entries of
 * cols and xs. One buffer is reused for every example (learning is synchronous and never nested).
 */
export interface EncodedRow {
  cols: number[];
  xs: number[];
  n: number;
}

const encoded: EncodedRow = { cols: [], xs: [], n: 0 };

function push(out: EncodedRow, col: number, x: number): void {
  out.cols[out.n] = col;
  out.xs[out.n] = x;
  out.n += 1;
}

/**
 * Step 3 for one number: into the column's stats, the column allocated the first time. In a full model
 * (allocateColumn) the number keeps its stats without a column: it is standardised and explained, with
 * a weight of 0.
 */
function observeNumber(state: LearnerState, column: NumericColumn, x: number): void {
  addObservation(column.stats, x);
  if (column.col < 0) column.col = allocateColumn(state);
}

function learnNumber(state: LearnerState, column: NumericColumn, x: number, clip: number | null, out: EncodedRow): void {
  observeNumber(state, column, x);
  if (column.col >= 0) push(out, column.col, standardize(column.stats, x, clip));
}

/** A new slot with its column; −1 (and no slot) when the model is full. */
function newSlot(state: LearnerState, table: CategoryTable, value: string | null, bucket: number | null): number {
  const col = allocateColumn(state);
  if (col < 0) return -1;
  table.slots.push({ col, count: 0, value, bucket, recent: bucket === null ? null : [] });
  return table.slots.length - 1;
}

/**
 * The slot of a learned value: existing, a new one-hot column below the cap, else its hash bucket; null
 * when it would need a new column in a full model (the value stays unseen, as one never learned). A
 * new one-hot value needs room for its text too (model-text.ts); a bucket whose new recent value finds
 * no room still learns, and keeps its list as it was.
 */
function learnSlot(state: LearnerState, table: CategoryTable, value: string, settings: LearnerSettings): CategorySlot | null {
  let index = getOwn(table.slot_of_value, value);
  if (index === undefined && table.n_values < settings.category_cap) {
    const text = modelText(state);
    if (!hasRoom(text, value.length)) return null;
    const created = newSlot(state, table, value, null);
    if (created < 0) return null; // n_values counts the one-hot values that have a column
    index = created;
    setOwn(table.slot_of_value, value, index);
    table.n_values += 1;
    text.chars += value.length;
  }
  if (index !== undefined) return table.slots[index]!;
  const bucket = hashBucket(value, settings.hash_bits);
  index = getOwn(table.slot_of_bucket, String(bucket));
  if (index === undefined) {
    const created = newSlot(state, table, null, bucket);
    if (created < 0) return null;
    index = created;
    setOwn(table.slot_of_bucket, String(bucket), index);
  }
  const slot = table.slots[index]!;
  const recent = slot.recent!;
  const seen = recent.indexOf(value);
  if (seen >= 0) {
    recent.splice(seen, 1);
    recent.push(value);
    return slot;
  }
  const text = modelText(state);
  const added = value.length - (recent.length >= BUCKET_RECENT_VALUES ? recent[0]!.length : 0);
  if (!hasRoom(text, added)) return slot;
  recent.push(value);
  if (recent.length > BUCKET_RECENT_VALUES) recent.shift();
  text.chars += added;
  return slot;
}

function learnCategory(state: LearnerState, table: CategoryTable, value: string, settings: LearnerSettings, out: EncodedRow): void {
  const slot = learnSlot(state, table, value, settings);
  if (slot === null) return;
  slot.count += 1;
  push(out, slot.col, 1);
}

function learnCategories(state: LearnerState, table: CategoryTable, values: string[], settings: LearnerSettings, out: EncodedRow): void {
  // Multi-hot: a column is 1 however often its values repeat (or share a bucket), and counted once per example.
  const taken = values.length > 16 ? new Set<number>() : null;
  const first = out.n;
  for (const v of values) {
    const slot = learnSlot(state, table, v, settings);
    if (slot === null || (taken !== null ? taken.has(slot.col) : pushedSince(out, first, slot.col))) continue;
    taken?.add(slot.col);
    slot.count += 1;
    push(out, slot.col, 1);
  }
}

function pushedSince(out: EncodedRow, first: number, col: number): boolean {
  for (let i = first; i < out.n; i++) if (out.cols[i] === col) return true;
  return false;
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
      learnCategory(state, leaf.table, raw as string, settings, out);
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
      // Past the caps a leaf is never learned, like a leaf never seen.
      if (created === null || learnedLeaves(state) >= MAX_LEARNED_LEAVES) continue;
      const text = modelText(state);
      if (!hasRoom(text, path.length)) continue;
      leaf = created;
      field.leaf_order.push(path);
      text.chars += path.length;
    }
    const kept = learnLeaf(state, leaf, value, settings, out);
    setOwn(field.leaves, path, kept);
  }
}

/** Leaves learned by all the loop's object fields; counted only when a new leaf appears. */
function learnedLeaves(state: LearnerState): number {
  let leaves = 0;
  for (const name of state.field_order) {
    const field = getOwn(state.fields, name);
    if (field?.kind === "object") leaves += field.leaf_order.length;
  }
  return leaves;
}

/**
 * Steps 3–4 of §3 for the inputs (their values in field order, from inputValues): update every
 * feature's stats, then encode with the updated stats. The returned row is valid until the next call.
 */
export function learnFeatures(state: LearnerState, plan: FieldPlan, raws: readonly unknown[], settings: LearnerSettings): EncodedRow {
  const out = encoded;
  out.n = 0;
  const { order, states } = plan;
  for (let i = 0; i < order.length; i++) {
    const field = states[i];
    if (field === undefined) continue;
    const raw = raws[i];
    if (field.kind === "number" && isUsableNumber(raw)) {
      // learnNumber, with σ of the updated stats remembered for the next prediction.
      const column = field.column;
      observeNumber(state, column, raw);
      if (column.col >= 0) push(out, column.col, zOf(column.stats, plan.sigma.of(i, column.stats), raw, settings.clip));
    } else if (field.kind === "object") learnObject(state, field, raw, settings, out);
    else {
      const kept = learnLeaf(state, field, raw, settings, out);
      if (kept !== field) {
        setOwn(state.fields, order[i]!, kept);
        states[i] = kept;
      }
    }
  }
  return out;
}
