import type { FieldObservation, LearnerSettings } from "../types";
import { asNumber, flattenObject, listMean, presenceOf, type FieldPlan } from "./encoding";
import { hashBucket } from "./hash-bucket";
import { getOwn } from "./own-record";
import type { CategorySlot, CategoryTable, LeafState, NumericColumn } from "./state";
import { isUsableNumber, valueKind, type ValueKind } from "./value-kind";
import { populationStd, zOf } from "./welford";

/**
 * The read-only view of an input (§1 at predict time): every feature with the columns it would use and
 * the stats as they are, for the prediction and its explanation. A feature is a top-level field or an
 * object leaf.
 *
 * Stored column by column (struct of arrays) in one table that every evaluation reuses: predicting and
 * learning are synchronous and never nested, so a view lives from viewFeatures until the next call, and
 * the hot path allocates nothing per feature. What must outlive it (the per-feature observations of a
 * learned example) is copied by observations().
 */

export const MISSING = 0;
export const PRESENT = 1;
/** A value of another kind than the feature's (e.g. a nested leaf changed kind): treated as missing. */
export const MISMATCH = 2;
type PresenceCode = typeof MISSING | typeof PRESENT | typeof MISMATCH;
const PRESENCE = ["missing", "present", "mismatch"] as const;

/** No columns yet. */
export const NONE = 0;
/** A number or boolean: the value part. */
export const NUMERIC = 1;
/** A list of numbers: a length part and a mean part (the value part). */
export const NUMBERS = 2;
/** One-hot or multi-hot. */
export const CATEGORY = 3;

export class FeatureViews {
  /** Features in this view: indexes 0..n−1 of the columns below. */
  n = 0;
  private capacity = 0;
  /** Field name, or dotted path for an object leaf. */
  readonly feature: string[] = [];
  /** The raw value as sent; null when absent. */
  readonly value: unknown[] = [];
  presence = new Uint8Array(0);
  kind = new Uint8Array(0);
  /** Category features: a value with no learned column. */
  unseen = new Uint8Array(0);
  /**
   * The value part (NUMERIC and NUMBERS): its column (−1: never learned, weight 0), whether the value was
   * present, z, and the column's μ and σ at predict time.
   */
  col = new Int32Array(0);
  present = new Uint8Array(0);
  z = new Float64Array(0);
  mean = new Float64Array(0);
  std = new Float64Array(0);
  /** NUMBERS only: the length part. */
  lenCol = new Int32Array(0);
  lenPresent = new Uint8Array(0);
  lenZ = new Float64Array(0);
  lenStd = new Float64Array(0);
  /** CATEGORY only: the table for the baseline term (null when nothing learned yet), and the active columns (distinct), activeCols[activeStart[f]..activeEnd[f]). */
  readonly table: (CategoryTable | null)[] = [];
  activeStart = new Int32Array(0);
  activeEnd = new Int32Array(0);
  readonly activeCols: number[] = [];
  private activeCount = 0;

  reset(): void {
    this.n = 0;
    this.activeCount = 0;
  }

  /** Appends a feature with no columns (kind NONE); returns its index. */
  add(feature: string, raw: unknown, presence: PresenceCode): number {
    const f = this.n;
    if (f === this.capacity) this.grow();
    this.feature[f] = feature;
    this.value[f] = raw === undefined ? null : raw;
    this.presence[f] = presence;
    this.kind[f] = NONE;
    this.unseen[f] = 0;
    this.n = f + 1;
    return f;
  }

  /** Makes f NUMERIC or NUMBERS with its value part from `column` (null: never learned) and the raw number (null: absent). */
  setValuePart(f: number, kind: typeof NUMERIC | typeof NUMBERS, column: NumericColumn | null, raw: number | null, clip: number | null): void {
    this.kind[f] = kind;
    this.present[f] = raw === null ? 0 : 1;
    if (column === null) {
      this.col[f] = -1;
      this.z[f] = 0;
      this.mean[f] = 0;
      this.std[f] = 0;
      return;
    }
    this.setColumn(f, column, raw, populationStd(column.stats), clip);
  }

  /** setValuePart for a number feature whose column exists, with σ of its stats already known. */
  setNumber(f: number, column: NumericColumn, raw: number, std: number, clip: number | null): void {
    this.kind[f] = NUMERIC;
    this.present[f] = 1;
    this.setColumn(f, column, raw, std, clip);
  }

  private setColumn(f: number, column: NumericColumn, raw: number | null, std: number, clip: number | null): void {
    this.col[f] = column.col;
    this.z[f] = raw === null ? 0 : zOf(column.stats, std, raw, clip);
    this.mean[f] = column.stats.mean;
    this.std[f] = std;
  }

  /** The length part of a list of numbers. */
  setLengthPart(f: number, column: NumericColumn | null, raw: number | null, clip: number | null): void {
    this.lenPresent[f] = raw === null ? 0 : 1;
    if (column === null) {
      this.lenCol[f] = -1;
      this.lenZ[f] = 0;
      this.lenStd[f] = 0;
      return;
    }
    const std = populationStd(column.stats);
    this.lenCol[f] = column.col;
    this.lenZ[f] = raw === null ? 0 : zOf(column.stats, std, raw, clip);
    this.lenStd[f] = std;
  }

  /** Makes f a CATEGORY feature with no active column yet. */
  setCategory(f: number, table: CategoryTable | null): void {
    this.kind[f] = CATEGORY;
    this.table[f] = table;
    this.activeStart[f] = this.activeCount;
    this.activeEnd[f] = this.activeCount;
  }

  /** Is col already active in the category feature f (the last one added)? */
  isActive(f: number, col: number): boolean {
    for (let i = this.activeStart[f]!; i < this.activeCount; i++) if (this.activeCols[i] === col) return true;
    return false;
  }

  /** Adds an active column to the category feature f, the last one added. */
  activate(f: number, col: number): void {
    this.activeCols[this.activeCount] = col;
    this.activeCount += 1;
    this.activeEnd[f] = this.activeCount;
  }

  /** What the per-feature observations for data health (§5.5) need, copied so that it outlives this view. */
  snapshot(): ObservedFeatures {
    const n = this.n;
    const codes = new Array<number>(n);
    for (let f = 0; f < n; f++) codes[f] = this.presence[f]! | (this.unseen[f]! << 2) | ((this.kind[f] === NUMERIC ? 1 : 0) << 3);
    return { features: this.feature.slice(0, n), values: this.value.slice(0, n), codes };
  }

  private grow(): void {
    const capacity = Math.max(32, 2 * this.capacity);
    const u8 = (a: Uint8Array) => {
      const to = new Uint8Array(capacity);
      to.set(a);
      return to;
    };
    const i32 = (a: Int32Array) => {
      const to = new Int32Array(capacity);
      to.set(a);
      return to;
    };
    const f64 = (a: Float64Array) => {
      const to = new Float64Array(capacity);
      to.set(a);
      return to;
    };
    this.presence = u8(this.presence);
    this.kind = u8(this.kind);
    this.unseen = u8(this.unseen);
    this.col = i32(this.col);
    this.present = u8(this.present);
    this.z = f64(this.z);
    this.mean = f64(this.mean);
    this.std = f64(this.std);
    this.lenCol = i32(this.lenCol);
    this.lenPresent = u8(this.lenPresent);
    this.lenZ = f64(this.lenZ);
    this.lenStd = f64(this.lenStd);
    this.activeStart = i32(this.activeStart);
    this.activeEnd = i32(this.activeEnd);
    this.capacity = capacity;
  }
}

/** Per feature: name, raw value, and presence | unseen << 2 | numeric << 3. */
export interface ObservedFeatures {
  features: string[];
  values: unknown[];
  codes: number[];
}

export function observationsOf({ features, values, codes }: ObservedFeatures): FieldObservation[] {
  return codes.map((code, f) => {
    const presence = PRESENCE[code & 3]!;
    const observation: FieldObservation = { feature: features[f]!, presence, unseen: (code & 4) !== 0 };
    if ((code & 8) !== 0 && presence === "present") observation.number = asNumber(values[f]);
    return observation;
  });
}

/** The slot a value would use at predict time, or undefined if it has no learned column. */
function findSlot(table: CategoryTable, value: string, settings: LearnerSettings): CategorySlot | undefined {
  const index = getOwn(table.slot_of_value, value);
  if (index !== undefined) return table.slots[index];
  if (table.n_values < settings.category_cap) return undefined; // would become a new one-hot value
  const bucketIndex = getOwn(table.slot_of_bucket, String(hashBucket(value, settings.hash_bits)));
  return bucketIndex === undefined ? undefined : table.slots[bucketIndex];
}

/** A leaf never learned (or only as empty arrays): no columns, so it contributes 0; say what it would be. */
function viewUnlearned(views: FeatureViews, feature: string, raw: unknown, kind: ValueKind): void {
  const f = views.add(feature, raw, kind === "missing" ? MISSING : kind === "invalid" || kind === "object" ? MISMATCH : PRESENT);
  if (kind === "number" || kind === "boolean") views.setValuePart(f, NUMERIC, null, 0, null);
  else if (kind === "numbers") {
    views.setValuePart(f, NUMBERS, null, 0, null);
    views.setLengthPart(f, null, 0, null);
  } else if (kind === "string" || kind === "strings") {
    views.setCategory(f, null);
    views.unseen[f] = 1;
  }
}

function viewLeaf(views: FeatureViews, feature: string, state: LeafState | null, raw: unknown, settings: LearnerSettings): void {
  const kind = valueKind(raw);
  if (state === null || state.kind === "array") return viewUnlearned(views, feature, raw, kind); // "array": only empty arrays learned so far
  const presence = presenceOf(state, kind);
  const present = presence === "present";
  const f = views.add(feature, raw, present ? PRESENT : presence === "missing" ? MISSING : MISMATCH);
  switch (state.kind) {
    case "number":
    case "boolean":
      views.setValuePart(f, NUMERIC, state.column, present ? asNumber(raw) : null, settings.clip);
      return;
    case "numbers": {
      const list = present ? (raw as number[]) : null;
      views.setLengthPart(f, state.len, list === null ? null : list.length, settings.clip);
      views.setValuePart(f, NUMBERS, state.mean, list === null || list.length === 0 ? null : listMean(list), settings.clip);
      return;
    }
    case "string":
    case "strings": {
      views.setCategory(f, state.table);
      if (!present) return;
      if (state.kind === "string") {
        const slot = findSlot(state.table, raw as string, settings);
        if (slot === undefined) views.unseen[f] = 1;
        else views.activate(f, slot.col);
        return;
      }
      // Multi-hot: each column once, in first-seen order.
      const values = raw as string[];
      const taken = values.length > 16 ? new Set<number>() : null;
      for (const v of values) {
        const slot = findSlot(state.table, v, settings);
        if (slot === undefined) views.unseen[f] = 1;
        else if (taken !== null ? !taken.has(slot.col) : !views.isActive(f, slot.col)) {
          taken?.add(slot.col);
          views.activate(f, slot.col);
        }
      }
      return;
    }
  }
}

const shared = new FeatureViews();

/**
 * Every feature of the input (its values in field order, from inputValues): schema fields in canonical
 * order, then object leaves (known ones first). Returns the shared table, valid until the next call.
 */
export function viewFeatures(plan: FieldPlan, raws: readonly unknown[], settings: LearnerSettings): FeatureViews {
  const views = shared;
  views.reset();
  const { order, states } = plan;
  for (let i = 0; i < order.length; i++) {
    const field = states[i];
    if (field === undefined) continue;
    const name = order[i]!;
    const raw = raws[i];
    if (field.kind === "number" && isUsableNumber(raw)) {
      // The common case, without classifying the value by name; σ as the last learned example left it.
      views.setNumber(views.add(name, raw, PRESENT), field.column, raw, plan.sigma.of(i, field.column.stats), settings.clip);
      continue;
    }
    if (field.kind !== "object") {
      viewLeaf(views, name, field, raw, settings);
      continue;
    }
    const isObject = valueKind(raw) === "object";
    const leaves = isObject ? new Map(flattenObject(raw as object)) : new Map<string, unknown>();
    for (const path of field.leaf_order) {
      viewLeaf(views, `${name}.${path}`, getOwn(field.leaves, path) ?? null, leaves.get(path), settings);
      leaves.delete(path);
    }
    for (const [path, value] of leaves) {
      if (value !== null) viewLeaf(views, `${name}.${path}`, null, value, settings);
    }
  }
  return views;
}
