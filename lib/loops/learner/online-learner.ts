import { count, MAX_CLASSES, MAX_WEIGHTS, quoted } from "../limits";
import type { FieldObservation, LoopSpec, Prediction } from "../types";
import { fieldPlan, inputValues, learnFeatures, newFieldState, observationsOf, valuesByName, type EncodedRow, type FieldPlan, type ObservedFeatures } from "./features";
import { lossOf } from "./losses";
import { stepRow } from "./optimizers";
import { getOwn, setOwn } from "./own-record";
import { DEFAULT_TOP_K, evaluate, evaluateValues, type BarePrediction } from "./prediction";
import { LEARNER_FORMAT, type ClassLabel, type LearnerState } from "./state";
import { emptyStats } from "./welford";

/**
 * The online learner (docs/loops-learner.md §2–§3): one linear model per loop, trained one example at a time. Pure and
 * deterministic: no I/O, no clock, no randomness; the same examples in the same order give the same
 * state to the last bit.
 */

export function createLearnerState(spec: LoopSpec): LearnerState {
  const fieldOrder = Object.keys(spec.input_schema)
    .filter((name) => name !== spec.output.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const state: LearnerState = {
    format: LEARNER_FORMAT,
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
  lossOf(spec).initialize(state);
  return state;
}

export interface LearnResult {
  /** The prequential prediction: made with the state as it was before this example. */
  prediction: Prediction;
  /** The label as sent. */
  y: unknown;
  /** Per-feature presence before learning, for data health (empty when asked for with fields: false). */
  fields: FieldObservation[];
}

/** Without an explanation of the prequential prediction: what /train/ needs, a third less work. */
export type BareLearnResult = Omit<LearnResult, "prediction"> & { prediction: BarePrediction };

export interface LearnOptions {
  /** Explain the prequential prediction (default true). */
  explain?: boolean;
  /** Keep the per-feature observations (default true); false leaves `fields` empty. */
  fields?: boolean;
}

const NO_FIELDS: ObservedFeatures = { features: [], values: [], codes: [] };

/** Scratch for one example's margins and gradients per weight row (learning is synchronous and never nested). */
const margins: number[] = [];
const gradients: number[] = [];

/**
 * Learns one validated example, mutating `state` (§3): predict with the current state, update the stats
 * (scaler, target, category counts, new categories and classes), transform with the updated stats, then
 * one optimizer step on the margin of the freshly transformed features.
 */
export function learnOne(spec: LoopSpec, state: LearnerState, row: Record<string, unknown>, options?: LearnOptions & { explain?: true }): LearnResult;
export function learnOne(spec: LoopSpec, state: LearnerState, row: Record<string, unknown>, options: LearnOptions): BareLearnResult;
export function learnOne(spec: LoopSpec, state: LearnerState, row: Record<string, unknown>, options: LearnOptions = {}): BareLearnResult {
  const plan = fieldPlan(state);
  return learnValues(spec, state, plan, inputValues(plan, row), getOwn(row, spec.output.name), options);
}

/**
 * A row already read by name (validate-example.ts's readExample): `inputs[j]` is the value of the input
 * field `names[j]`, and `output` the label.
 */
export interface ReadRow {
  names: readonly string[];
  inputs: readonly unknown[];
  output: unknown;
}

/** learnOne for a row that readExample has read (trainRows): its values are not looked up again. */
export function learnRead(spec: LoopSpec, state: LearnerState, read: ReadRow, options: LearnOptions): BareLearnResult {
  const plan = fieldPlan(state);
  return learnValues(spec, state, plan, valuesByName(plan, read.names, read.inputs), read.output, options);
}

/** predictOne for a row that readExample has read (predictRows). */
export function predictRead(spec: LoopSpec, state: LearnerState, read: ReadRow, options?: { topK?: number }): Prediction {
  const plan = fieldPlan(state);
  return evaluateValues(spec, state, plan, valuesByName(plan, read.names, read.inputs), options?.topK ?? DEFAULT_TOP_K, true).prediction as Prediction;
}

/**
 * learnOne on the input's values in field order, and the label: the prequential prediction, the loss's
 * target for the label, the features learned and transformed, then one optimizer step per weight row on
 * the loss's gradient at the margins of the freshly transformed features.
 */
function learnValues(spec: LoopSpec, state: LearnerState, plan: FieldPlan, raws: unknown[], y: unknown, options: LearnOptions): BareLearnResult {
  const { prediction, views } = evaluateValues(spec, state, plan, raws, DEFAULT_TOP_K, options.explain ?? true);
  // The view is shared by every evaluation: copy what data health needs before learning.
  const observed = options.fields === false ? NO_FIELDS : views.snapshot();

  state.n_learned += 1;
  const loss = lossOf(spec);
  const target = loss.target(state, spec.settings, y);
  const encoded = learnFeatures(state, plan, raws, spec.settings);
  const rows = state.weights.length;
  if (margins.length !== rows) margins.length = rows;
  for (let r = 0; r < rows; r++) margins[r] = marginOf(state, r, encoded);
  loss.gradients(margins, target, spec.settings, gradients);
  for (let r = 0; r < rows; r++) stepRow(state, spec.settings, r, gradients[r]!, encoded);
  return new Learned(prediction, y, observed);
}

/**
 * Why a label cannot be learned, or null: a new class past MAX_CLASSES, or one whose weight row would
 * take the model past MAX_WEIGHTS. The caller checks first and reports the row (learnOne itself adds
 * every new class).
 */
export function newClassProblem(spec: LoopSpec, state: LearnerState, y: unknown): string | null {
  if (!lossOf(spec).perClass || state.classes.indexOf(y as ClassLabel) >= 0) return null;
  const classes = state.classes.length + 1;
  const label = quoted(String(y));
  if (classes > MAX_CLASSES) return `the new class ${label} would be class ${count(classes)}; the limit is ${count(MAX_CLASSES)} classes per loop`;
  const weights = classes * state.n_columns;
  if (weights > MAX_WEIGHTS) {
    return `the new class ${label} would give the model ${count(weights)} weights (${count(classes)} classes × ${count(state.n_columns)} columns); the limit is ${count(MAX_WEIGHTS)}`;
  }
  return null;
}

/** /predict/: step 1 of §3 only; never changes the state. */
export function predictOne(spec: LoopSpec, state: LearnerState, input: Record<string, unknown>, options?: { topK?: number }): Prediction {
  return evaluate(spec, state, input, options?.topK ?? DEFAULT_TOP_K).prediction;
}

/** A learnOne result whose per-feature observations (data health) are built only when read. */
class Learned implements BareLearnResult {
  readonly prediction: BarePrediction;
  readonly y: unknown;
  readonly #observed: ObservedFeatures;
  #fields: FieldObservation[] | null = null;

  constructor(prediction: BarePrediction, y: unknown, observed: ObservedFeatures) {
    this.prediction = prediction;
    this.y = y;
    this.#observed = observed;
  }

  get fields(): FieldObservation[] {
    return (this.#fields ??= observationsOf(this.#observed));
  }

  /** Serialises like the plain object it stands for. */
  toJSON(): { prediction: BarePrediction; y: unknown; fields: FieldObservation[] } {
    return { prediction: this.prediction, y: this.y, fields: this.fields };
  }
}

function marginOf(state: LearnerState, row: number, encoded: EncodedRow): number {
  const w = state.weights[row]!;
  let m = state.bias[row]!;
  const { cols, xs, n } = encoded;
  for (let i = 0; i < n; i++) m += w[cols[i]!]! * xs[i]!;
  return m;
}
