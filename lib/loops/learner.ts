import { asNumber, learnFeatures, newFieldState, type EncodedRow, type FeatureView } from "./encoding";
import { addWeightRow, type ClassLabel, type LearnerState } from "./learner-state";
import { outputKind, sigmoid, softmax } from "./output-model";
import { stepRow } from "./optimizer";
import { getOwn, setOwn } from "./own-record";
import { DEFAULT_TOP_K, evaluate, type BarePrediction } from "./prediction";
import type { FieldObservation, LoopSpec, Prediction } from "./types";
import { addObservation, emptyStats, populationStd } from "./welford";

/**
 * The online learner (§2–§3): one linear model per loop, trained one example at a time. Pure and
 * deterministic: no I/O, no clock, no randomness; the same examples in the same order give the same
 * state to the last bit.
 */

export type { LearnerState } from "./learner-state";
export { DEFAULT_TOP_K } from "./prediction";
export { resetOptimizer } from "./optimizer";
export { stateSummary, weightsTable } from "./weights-table";

export function createLearnerState(spec: LoopSpec): LearnerState {
  const fieldOrder = Object.keys(spec.input_schema)
    .filter((name) => name !== spec.output.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const state: LearnerState = {
    format: 1,
    n_learned: 0,
    field_order: fieldOrder,
    fields: {},
    n_columns: 0,
    classes: [],
    weights: [],
    bias: [],
    weights_g2: [],
    bias_g2: [],
    target: emptyStats(),
  };
  for (const name of fieldOrder) setOwn(state.fields, name, newFieldState(spec.input_schema[name]!));
  const kind = outputKind(spec);
  if (kind === "binary") state.classes.push(false, true);
  if (kind !== "multiclass") addWeightRow(state); // one margin: the target, or the log-odds of true
  return state;
}

export interface LearnResult {
  /** The prequential prediction: made with the state as it was before this example. */
  prediction: Prediction;
  /** The label as sent. */
  y: unknown;
  /** Per-feature presence before learning, for data health. */
  fields: FieldObservation[];
}

/**
 * Learns one validated example, mutating `state` (§3): predict with the current state, update the stats
 * (scaler, target, category counts, new categories and classes), transform with the updated stats, then
 * one optimizer step on the margin of the freshly transformed features.
 */
/** Without an explanation of the prequential prediction: what /train/ needs, a third less work. */
export type BareLearnResult = Omit<LearnResult, "prediction"> & { prediction: BarePrediction };

export function learnOne(spec: LoopSpec, state: LearnerState, row: Record<string, unknown>): LearnResult;
export function learnOne(spec: LoopSpec, state: LearnerState, row: Record<string, unknown>, options: { explain: false }): BareLearnResult;
export function learnOne(spec: LoopSpec, state: LearnerState, row: Record<string, unknown>, options: { explain?: boolean } = {}): BareLearnResult {
  const { prediction, views } = evaluate(spec, state, row, DEFAULT_TOP_K, options.explain ?? true);
  const fields = views.map(observationOf);
  const y = getOwn(row, spec.output.name);

  state.n_learned += 1;
  const kind = outputKind(spec);
  let target = 0; // regression: the (standardised) target; binary: 0/1; multiclass: the class index
  if (kind === "regression") {
    const yNum = y as number;
    addObservation(state.target, yNum);
    if (spec.settings.target_standardization) {
      const std = populationStd(state.target);
      target = std > 0 ? (yNum - state.target.mean) / std : 0;
    } else target = yNum;
  } else if (kind === "binary") {
    target = y === true ? 1 : 0;
  } else {
    target = state.classes.indexOf(y as ClassLabel);
    if (target < 0) {
      state.classes.push(y as ClassLabel);
      addWeightRow(state);
      target = state.classes.length - 1;
    }
  }
  const encoded = learnFeatures(state, row, spec.settings);

  if (kind === "regression") {
    const residual = marginOf(state, 0, encoded) - target;
    stepRow(state, spec.settings, 0, spec.settings.squared_loss_gradient === "twice_residual" ? 2 * residual : residual, encoded.cols, encoded.xs);
  } else if (kind === "binary") {
    stepRow(state, spec.settings, 0, sigmoid(marginOf(state, 0, encoded)) - target, encoded.cols, encoded.xs);
  } else {
    const margins = state.weights.map((_, r) => marginOf(state, r, encoded));
    const probs = softmax(margins);
    for (let r = 0; r < probs.length; r++) stepRow(state, spec.settings, r, probs[r]! - (r === target ? 1 : 0), encoded.cols, encoded.xs);
  }
  return { prediction, y, fields };
}

/** /predict/: step 1 of §3 only; never changes the state. */
export function predictOne(spec: LoopSpec, state: LearnerState, input: Record<string, unknown>, options?: { topK?: number }): Prediction {
  return evaluate(spec, state, input, options?.topK ?? DEFAULT_TOP_K).prediction;
}

function observationOf(view: FeatureView): FieldObservation {
  const observation: FieldObservation = { feature: view.feature, presence: view.presence, unseen: view.unseen };
  if (view.kind === "numeric" && view.presence === "present") observation.number = asNumber(view.value);
  return observation;
}

function marginOf(state: LearnerState, row: number, encoded: EncodedRow): number {
  const w = state.weights[row]!;
  let m = state.bias[row]!;
  for (let i = 0; i < encoded.cols.length; i++) m += w[encoded.cols[i]!]! * encoded.xs[i]!;
  return m;
}
