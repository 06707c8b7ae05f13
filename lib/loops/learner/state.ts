import { MAX_COLUMNS, MAX_WEIGHTS } from "../limits";
import { emptyStats, type RunningStats } from "./welford";

/**
 * The whole per-loop learner state: plain JSON (Records and arrays of finite numbers, strings and
 * booleans), stored in Postgres and mutated in place by learnOne. Records keyed by user data are only
 * read and written through own-record.ts. Every iteration that decides column order or summation order
 * goes through an array (field_order, leaf_order, slots), never through Record key order, so a state
 * (or a spec) whose keys were reordered by a jsonb round trip still learns bit-identically.
 */
/** The layout of the learner's state; stored-model.ts upgrades states of earlier layouts. */
export const LEARNER_FORMAT = 1;

export interface LearnerState {
  format: typeof LEARNER_FORMAT;
  /** Labelled examples learned so far (the n_learned of docs/loops-learner.md §1; denominator of the category frequencies). */
  n_learned: number;
  /** Input field names, sorted by code unit: the canonical walk order. */
  field_order: string[];
  fields: Record<string, FieldState>;
  /** Model columns allocated so far; every row of `weights` and `weights_g2` has this length. */
  n_columns: number;
  /** Class labels in first-seen order ([false, true] for a boolean output; [] for regression). */
  classes: ClassLabel[];
  /** One weight row per class for multiclass, a single row for regression and boolean outputs. */
  weights: number[][];
  bias: number[];
  /** AdaGrad accumulators Σg², same shapes as weights and bias. */
  weights_g2: number[][];
  bias_g2: number[];
  /** Welford stats of the regression target (kept for every task; only regression uses them). */
  target: RunningStats;
}

export type ClassLabel = string | number | boolean;

/** A standardised numeric column; col is −1 until a value has been learned for it. */
export interface NumericColumn {
  col: number;
  stats: RunningStats;
}

/** integer, float and boolean fields (booleans as 0/1), and leaves of those kinds. */
export interface NumberFieldState {
  kind: "number" | "boolean";
  column: NumericColumn;
}

/** Arrays of numbers: two numeric columns, f.len and f.mean. */
export interface NumberListFieldState {
  kind: "numbers";
  len: NumericColumn;
  mean: NumericColumn;
}

/** Strings (one-hot) and arrays of strings (multi-hot). */
export interface CategoryFieldState {
  kind: "string" | "strings";
  table: CategoryTable;
}

/** An array field or leaf whose element kind is not known yet (only empty arrays learned so far). */
export interface PendingArrayFieldState {
  kind: "array";
}

export interface ObjectFieldState {
  kind: "object";
  /** Leaves keyed by their dotted path inside the object ("geo.city"). */
  leaves: Record<string, LeafState>;
  /** Leaf paths in the order they were first learned (sorted within an example). */
  leaf_order: string[];
}

export type LeafState = NumberFieldState | NumberListFieldState | CategoryFieldState | PendingArrayFieldState;
export type FieldState = LeafState | ObjectFieldState;

/**
 * One column per category value up to the field's cap, then one per hash bucket. `count` is the number
 * of learned examples in which the slot was active, so p = count / n_learned (§1).
 */
export interface CategoryTable {
  slots: CategorySlot[];
  /** value → slot index, for one-hot values. */
  slot_of_value: Record<string, number>;
  /** bucket number → slot index, for hashed values. */
  slot_of_bucket: Record<string, number>;
  /** One-hot values allocated so far; new values are hashed once this reaches category_cap. */
  n_values: number;
}

export interface CategorySlot {
  col: number;
  count: number;
  /** The category value, or null for a hash bucket. */
  value: string | null;
  /** The bucket number, or null for a one-hot value. */
  bucket: number | null;
  /** Hash buckets only: the most recent distinct values that landed here, oldest first. */
  recent: string[] | null;
}

/** How many distinct recent values a hash bucket remembers for explanations. */
export const BUCKET_RECENT_VALUES = 5;

export function emptyNumericColumn(): NumericColumn {
  return { col: -1, stats: emptyStats() };
}

export function emptyCategoryTable(): CategoryTable {
  return { slots: [], slot_of_value: {}, slot_of_bucket: {}, n_values: 0 };
}

/**
 * Appends a zero-weight column to every row; returns its index, or −1 when the model is full (MAX_COLUMNS
 * columns, or MAX_WEIGHTS weights over all rows): the caller then goes without a column.
 */
export function allocateColumn(state: LearnerState): number {
  const col = state.n_columns;
  if (col >= MAX_COLUMNS || (col + 1) * state.weights.length > MAX_WEIGHTS) return -1;
  state.n_columns += 1;
  for (const row of state.weights) row.push(0);
  for (const row of state.weights_g2) row.push(0);
  return col;
}

/** Appends a weight row with zero weights, zero intercept and zero accumulators. */
export function addWeightRow(state: LearnerState): void {
  state.weights.push(new Array<number>(state.n_columns).fill(0));
  state.weights_g2.push(new Array<number>(state.n_columns).fill(0));
  state.bias.push(0);
  state.bias_g2.push(0);
}
