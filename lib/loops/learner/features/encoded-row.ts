import type { CategoryTable, NumericColumn } from "../state";
import { populationStd, zOf } from "../welford";
import { NUMBERS, type FeatureSink, type NUMERIC, type PresenceCode } from "./sink";

/**
 * The active columns of one learned example, transformed with the stats it has just updated: the first
 * n entries of cols and xs, in the order the transform met them (the margin is summed in that order).
 * Features are not kept, only their columns. One buffer is reused for every example (learning is
 * synchronous and never nested).
 */
export class EncodedRow implements FeatureSink {
  readonly cols: number[] = [];
  readonly xs: number[] = [];
  n = 0;
  /** Where the current category feature's columns start. */
  private categoryStart = 0;

  reset(): void {
    this.n = 0;
  }

  private push(col: number, x: number): void {
    this.cols[this.n] = col;
    this.xs[this.n] = x;
    this.n += 1;
  }

  add(_feature: string, _raw: unknown, _presence: PresenceCode): number {
    return 0;
  }

  setValuePart(_f: number, _kind: typeof NUMERIC | typeof NUMBERS, column: NumericColumn | null, x: number | null, clip: number | null): void {
    if (column !== null && x !== null && column.col >= 0) this.push(column.col, zOf(column.stats, populationStd(column.stats), x, clip));
  }

  setNumber(_f: number, column: NumericColumn, x: number, std: number, clip: number | null): void {
    if (column.col >= 0) this.push(column.col, zOf(column.stats, std, x, clip));
  }

  setLengthPart(f: number, column: NumericColumn | null, x: number | null, clip: number | null): void {
    this.setValuePart(f, NUMBERS, column, x, clip);
  }

  setCategory(_f: number, _table: CategoryTable | null): void {
    this.categoryStart = this.n;
  }

  isActive(_f: number, col: number): boolean {
    for (let i = this.categoryStart; i < this.n; i++) if (this.cols[i] === col) return true;
    return false;
  }

  activate(_f: number, col: number): void {
    this.push(col, 1);
  }

  markUnseen(): void {}
}
