import type { FieldObservation } from "../../types";
import type { CategoryTable, NumericColumn } from "../state";
import { populationStd, zOf } from "../welford";
import { asNumber } from "./field-state";
import { CATEGORY, NONE, NUMBERS, NUMERIC, type FeatureSink, type PresenceCode } from "./sink";

/**
 * The predict-time view of an input (docs/loops-learner.md §1): every feature with the columns it uses and the stats as they
 * are, for the prediction and its explanation. A feature is a top-level field or an object leaf.
 *
 * Stored column by column (struct of arrays) in one table that every evaluation reuses: predicting and
 * learning are synchronous and never nested, so a view lives from viewFeatures until the next call, and
 * the hot path allocates nothing per feature. What must outlive it (the per-feature observations of a
 * learned example) is copied by snapshot().
 */
export class FeatureViews implements FeatureSink {
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

  markUnseen(f: number): void {
    this.unseen[f] = 1;
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

const PRESENCE = ["missing", "present", "mismatch"] as const;

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
