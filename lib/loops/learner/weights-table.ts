import type { LoopSpec } from "../types";
import { lossOf } from "./losses";
import { getOwn } from "./own-record";
import type { ClassLabel, LeafState, LearnerState, NumericColumn } from "./state";
import { populationStd } from "./welford";

/** One model column (per class for multiclass), for a dashboard's weights table. */
export interface WeightRow {
  /** Field name or object-leaf path, as in explanations. */
  feature: string;
  /** The internal column: "age", "tags.len", "city=Paris", "city#17" (a hash bucket). */
  column: string;
  kind: "numeric" | "category" | "bucket";
  /**
   * Numeric columns: slope per raw unit, w/σ (0 while σ = 0); categories: the weight of the value. In
   * target units for regression (× σ_y, like explanations); raw log-odds / per-class logits otherwise.
   */
  weight: number;
  /** The model's own weight, on the standardised column. */
  raw_weight: number;
  /** Multiclass: the class whose weight row this is. */
  class?: ClassLabel;
  /** Numeric columns: running mean and σ. */
  mean?: number;
  std?: number;
  /** Category columns: p = count / n_learned. */
  frequency?: number;
  /** Hash buckets: recent values that landed in the bucket. */
  values?: string[];
}

export function weightsTable(spec: LoopSpec, state: LearnerState): WeightRow[] {
  const loss = lossOf(spec);
  const { scale } = loss.reportScale(state, spec.settings);
  const out: WeightRow[] = [];
  const emit = (base: Omit<WeightRow, "weight" | "raw_weight" | "class">, col: number, perUnit: number) => {
    for (let r = 0; r < state.weights.length; r++) {
      const raw = state.weights[r]![col]!;
      const row: WeightRow = { ...base, weight: scale * raw * perUnit, raw_weight: raw };
      if (loss.perClass) row.class = state.classes[r]!;
      out.push(row);
    }
  };
  const numeric = (feature: string, column: string, c: NumericColumn) => {
    if (c.col < 0) return;
    const std = populationStd(c.stats);
    emit({ feature, column, kind: "numeric", mean: c.stats.mean, std }, c.col, std > 0 ? 1 / std : 0);
  };
  const leaf = (feature: string, state_: LeafState) => {
    switch (state_.kind) {
      case "number":
      case "boolean":
        numeric(feature, feature, state_.column);
        break;
      case "numbers":
        numeric(feature, `${feature}.len`, state_.len);
        numeric(feature, `${feature}.mean`, state_.mean);
        break;
      case "string":
      case "strings":
        for (const slot of state_.table.slots) {
          const frequency = state.n_learned > 0 ? slot.count / state.n_learned : 0;
          if (slot.bucket === null) emit({ feature, column: `${feature}=${slot.value}`, kind: "category", frequency }, slot.col, 1);
          else emit({ feature, column: `${feature}#${slot.bucket}`, kind: "bucket", frequency, values: [...(slot.recent ?? [])] }, slot.col, 1);
        }
        break;
      case "array":
        break;
    }
  };
  for (const name of state.field_order) {
    const field = getOwn(state.fields, name);
    if (field === undefined) continue;
    if (field.kind !== "object") leaf(name, field);
    else for (const path of field.leaf_order) leaf(`${name}.${path}`, getOwn(field.leaves, path)!);
  }
  return out;
}

/** A few numbers about a state, for loop status pages and logs. */
export function stateSummary(state: LearnerState): {
  n_learned: number;
  n_columns: number;
  n_features: number;
  classes: ClassLabel[];
  intercepts: number[];
  target: { n: number; mean: number; std: number };
} {
  let features = 0;
  for (const name of state.field_order) {
    const field = getOwn(state.fields, name);
    if (field !== undefined) features += field.kind === "object" ? field.leaf_order.length : 1;
  }
  return {
    n_learned: state.n_learned,
    n_columns: state.n_columns,
    n_features: features,
    classes: [...state.classes],
    intercepts: [...state.bias],
    target: { n: state.target.n, mean: state.target.mean, std: populationStd(state.target) },
  };
}
