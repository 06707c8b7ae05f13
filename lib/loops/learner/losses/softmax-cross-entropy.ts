import { setOwn } from "../own-record";
import { addWeightRow, type ClassLabel } from "../state";
import { UNSCALED, type Loss } from "./loss";

/** Softmax after subtracting the largest margin. */
export function softmax(margins: readonly number[]): number[] {
  let max = -Infinity;
  for (const m of margins) if (m > max) max = m;
  const out = new Array<number>(margins.length);
  let sum = 0;
  for (let k = 0; k < margins.length; k++) {
    const e = Math.exp(margins[k]! - max);
    out[k] = e;
    sum += e;
  }
  for (let k = 0; k < out.length; k++) out[k] = out[k]! / sum;
  return out;
}

/** First index of the largest value: ties go to the class seen first. */
export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k]! > values[best]!) best = k;
  return best;
}

/**
 * Cross-entropy over a softmax for string and integer outputs: one weight row and intercept per class,
 * classes appended in first-seen order as they are learned. Every known class k gets the gradient
 * p_k − [k = y]. The prediction is the argmax (ties to the class seen first), null before any class.
 */
export const softmaxCrossEntropy: Loss = {
  units: "centred_logit",
  perClass: true,
  initialize() {},
  target(state, _settings, y) {
    const index = state.classes.indexOf(y as ClassLabel);
    if (index >= 0) return index;
    state.classes.push(y as ClassLabel);
    addWeightRow(state);
    return state.classes.length - 1;
  },
  gradients(margins, target, _settings, out) {
    const probs = softmax(margins);
    for (let r = 0; r < probs.length; r++) out[r] = probs[r]! - (r === target ? 1 : 0);
  },
  predict(state, _settings, margins) {
    if (state.classes.length === 0) return { value: null, probabilities: {}, row: 0 };
    const probs = softmax(margins);
    const k = argmax(probs);
    const probabilities: Record<string, number> = {};
    state.classes.forEach((label, i) => setOwn(probabilities, String(label), probs[i]!));
    return { value: state.classes[k]!, probabilities, row: k };
  },
  reportScale: () => UNSCALED,
};
