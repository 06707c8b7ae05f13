import type { Explanation, LoopSpec, Prediction } from "../types";
import { explain as explainPrediction } from "./explain";
import { CATEGORY, fieldPlan, inputValues, NUMBERS, NUMERIC, viewFeatures, type FeatureViews, type FieldPlan } from "./features";
import { lossOf } from "./losses";
import type { LearnerState } from "./state";

/** Contributors listed by default: the API's limit (docs/loops-learner.md §4.3 says 5; the product says 10). */
export const DEFAULT_TOP_K = 10;

/** A prediction whose explanation was not asked for (the prequential scoring inside /train/). */
export type BarePrediction = Omit<Prediction, "explanation"> & { explanation?: Explanation };

export interface Evaluation<P> {
  prediction: P;
  /** The shared view table: valid until the next evaluation. */
  views: FeatureViews;
  /** The state's fields by position, and the input's values in that order: what learning reads next. */
  plan: FieldPlan;
  raws: unknown[];
}

/** Step 1 of §3: predict with the state as it is. Reads the state, never writes it. */
export function evaluate(spec: LoopSpec, state: LearnerState, input: Record<string, unknown>, topK: number): Evaluation<Prediction>;
export function evaluate(spec: LoopSpec, state: LearnerState, input: Record<string, unknown>, topK: number, withExplanation: boolean): Evaluation<BarePrediction>;
export function evaluate(spec: LoopSpec, state: LearnerState, input: Record<string, unknown>, topK: number, withExplanation = true): Evaluation<BarePrediction> {
  const plan = fieldPlan(state);
  return evaluateValues(spec, state, plan, inputValues(plan, input), topK, withExplanation);
}

/** evaluate() on the input's values in field order (`raws`, from inputValues or valuesByName). */
export function evaluateValues(spec: LoopSpec, state: LearnerState, plan: FieldPlan, raws: unknown[], topK: number, withExplanation: boolean): Evaluation<BarePrediction> {
  const views = viewFeatures(plan, raws, spec.settings);
  const margins = marginsOf(state, views);
  const { value, probabilities, row } = lossOf(spec).predict(state, spec.settings, margins);
  // Explaining is about a third of the work; scoring a training example needs only the answer.
  const explanation = withExplanation ? explainPrediction({ spec, state, views, margins, row, topK }) : undefined;
  const prediction = probabilities === undefined ? { value, explanation } : { value, probabilities, explanation };
  return { prediction, views, plan, raws };
}

/** m_r = b_r + Σ_num w·z + Σ_cat w over active values, per weight row, on the predict-time encoding. */
function marginsOf(state: LearnerState, views: FeatureViews): number[] {
  const margins = state.bias.slice();
  const { n, kind, col, present, z, lenCol, lenPresent, lenZ, activeStart, activeEnd, activeCols } = views;
  for (let r = 0; r < margins.length; r++) {
    const w = state.weights[r]!;
    let m = margins[r]!;
    for (let f = 0; f < n; f++) {
      const featureKind = kind[f];
      if (featureKind === NUMERIC || featureKind === NUMBERS) {
        // A list's length part comes before its mean part.
        if (featureKind === NUMBERS && lenCol[f]! >= 0 && lenPresent[f] === 1) m += w[lenCol[f]!]! * lenZ[f]!;
        if (col[f]! >= 0 && present[f] === 1) m += w[col[f]!]! * z[f]!;
      } else if (featureKind === CATEGORY) {
        for (let i = activeStart[f]!; i < activeEnd[f]!; i++) m += w[activeCols[i]!]!;
      }
    }
    margins[r] = m;
  }
  return margins;
}
