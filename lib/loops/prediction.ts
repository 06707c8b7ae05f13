import { viewFeatures, type FeatureView } from "./encoding";
import { explain as explainPrediction } from "./explain";
import type { LearnerState } from "./learner-state";
import { argmax, outputKind, sigmoid, softmax, targetScale } from "./output-model";
import { setOwn } from "./own-record";
import type { Explanation, LoopSpec, Prediction } from "./types";

/** Contributors listed by default: the API's limit (the specification's §4.3 says 5; the product says 10). */
export const DEFAULT_TOP_K = 10;

/** A prediction whose explanation was not asked for (the prequential scoring inside /train/). */
export type BarePrediction = Omit<Prediction, "explanation"> & { explanation?: Explanation };

/** Step 1 of §3: predict with the state as it is. Reads the state, never writes it. */
export function evaluate(spec: LoopSpec, state: LearnerState, input: Record<string, unknown>, topK: number): { prediction: Prediction; views: FeatureView[] };
export function evaluate(
  spec: LoopSpec,
  state: LearnerState,
  input: Record<string, unknown>,
  topK: number,
  withExplanation: boolean,
): { prediction: BarePrediction; views: FeatureView[] };
export function evaluate(
  spec: LoopSpec,
  state: LearnerState,
  input: Record<string, unknown>,
  topK: number,
  withExplanation = true,
): { prediction: BarePrediction; views: FeatureView[] } {
  const views = viewFeatures(state, input, spec.settings);
  const margins = marginsOf(state, views);
  const kind = outputKind(spec);
  // Explaining is about a third of the work; scoring a training example needs only the answer.
  const explain = (row: number) => (withExplanation ? explainPrediction({ spec, state, views, margins, row, topK }) : undefined);

  if (kind === "regression") {
    const { offset, scale } = targetScale(spec, state);
    const value = offset + scale * margins[0]!;
    return { prediction: { value, explanation: explain(0) }, views };
  }
  if (kind === "binary") {
    const p = sigmoid(margins[0]!);
    return {
      prediction: { value: p >= 0.5, probabilities: { false: 1 - p, true: p }, explanation: explain(0) },
      views,
    };
  }
  if (state.classes.length === 0) {
    return { prediction: { value: null, probabilities: {}, explanation: explain(0) }, views };
  }
  const probs = softmax(margins);
  const k = argmax(probs);
  const probabilities: Record<string, number> = {};
  state.classes.forEach((label, i) => setOwn(probabilities, String(label), probs[i]!));
  return { prediction: { value: state.classes[k], probabilities, explanation: explain(k) }, views };
}

/** m_r = b_r + Σ_num w·z + Σ_cat w over active values, per weight row, on the predict-time encoding. */
function marginsOf(state: LearnerState, views: FeatureView[]): number[] {
  const margins = state.bias.slice();
  for (let r = 0; r < margins.length; r++) {
    const w = state.weights[r]!;
    let m = margins[r]!;
    for (const view of views) {
      for (const part of view.parts) if (part.col >= 0 && part.present) m += w[part.col]! * part.z;
      for (const col of view.active) m += w[col]!;
    }
    margins[r] = m;
  }
  return margins;
}
