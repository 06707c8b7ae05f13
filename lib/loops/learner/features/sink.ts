import type { CategoryTable, NumericColumn } from "../state";

/**
 * Where the feature transform (transform.ts) writes an input's features and their columns: the
 * predict-time table of every feature (FeatureViews) or the learned example's active columns
 * (EncodedRow). A feature is announced with `add`, then given its parts; the other calls take the
 * index `add` returned.
 */
export interface FeatureSink {
  add(feature: string, raw: unknown, presence: PresenceCode): number;
  /** A number's part (NUMERIC), or a list's mean part (NUMBERS): `column` null while it has none, `x` null when absent. */
  setValuePart(f: number, kind: typeof NUMERIC | typeof NUMBERS, column: NumericColumn | null, x: number | null, clip: number | null): void;
  /** setValuePart for a present number with σ of its stats already known (the common case). */
  setNumber(f: number, column: NumericColumn, x: number, std: number, clip: number | null): void;
  /** A list's length part. */
  setLengthPart(f: number, column: NumericColumn | null, x: number | null, clip: number | null): void;
  /** A one-hot or multi-hot feature, with no active column yet (table null: none learned). */
  setCategory(f: number, table: CategoryTable | null): void;
  /** Is col already active in the category feature f (the last one added)? */
  isActive(f: number, col: number): boolean;
  activate(f: number, col: number): void;
  /** A category value with no learned column. */
  markUnseen(f: number): void;
}

export const MISSING = 0;
export const PRESENT = 1;
/** A value of another kind than the feature's (e.g. a nested leaf changed kind): treated as missing. */
export const MISMATCH = 2;
export type PresenceCode = typeof MISSING | typeof PRESENT | typeof MISMATCH;

/** No columns yet. */
export const NONE = 0;
/** A number or boolean: the value part. */
export const NUMERIC = 1;
/** A list of numbers: a length part and a mean part (the value part). */
export const NUMBERS = 2;
/** One-hot or multi-hot. */
export const CATEGORY = 3;
