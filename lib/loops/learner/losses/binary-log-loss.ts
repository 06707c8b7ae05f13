import { addWeightRow } from "../state";
import { UNSCALED, type Loss } from "./loss";

/** ±35 before the sigmoid only, for numerical safety; explanations use the unclamped margin. */
export const MARGIN_CLAMP = 35;

export function sigmoid(m: number): number {
  const clamped = Math.max(-MARGIN_CLAMP, Math.min(MARGIN_CLAMP, m));
  return 1 / (1 + Math.exp(-clamped));
}

/**
 * Log-loss for a boolean output: one margin, the log-odds of true. Both classes exist from the start.
 * Gradient p − y with p = σ(m); true is predicted iff p ≥ 0.5.
 */
export const binaryLogLoss: Loss = {
  units: "log_odds",
  perClass: false,
  initialize(state) {
    state.classes.push(false, true);
    addWeightRow(state);
  },
  target(_state, _settings, y) {
    return y === true ? 1 : 0;
  },
  gradients(margins, target, _settings, out) {
    out[0] = sigmoid(margins[0]!) - target;
  },
  predict(_state, _settings, margins) {
    const p = sigmoid(margins[0]!);
    return { value: p >= 0.5, probabilities: { false: 1 - p, true: p }, row: 0 };
  },
  reportScale: () => UNSCALED,
};
