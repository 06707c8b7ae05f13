import type { LearnerSettings } from "../types";
import type { EncodedRow } from "./encoding";
import type { LearnerState } from "./state";

/** AdaGrad's ε, inside the square root (§2). */
export const ADAGRAD_EPSILON = 1e-8;

/** Loss gradients are clipped to ±1e12, as River does: it never binds on sane data and keeps the state finite. */
export const GRADIENT_CLIP = 1e12;

/**
 * One optimizer step on one weight row, given the loss gradient g wrt its margin and the example's
 * active columns. Only those columns are stepped (an absent column has x = 0; with l2 = 0 both rules agree).
 * - AdaGrad: g_i = g·x_i + l2·w_i; G_i ← G_i + g_i²; w_i ← w_i − lr·g_i/√(G_i + ε). The intercept has its
 *   own accumulator and rate, and no l2.
 * - SGD: w_i ← w_i − lr·(g·x_i + l2·w_i); b ← b − ilr·g.
 */
export function stepRow(state: LearnerState, settings: LearnerSettings, row: number, gradient: number, encoded: EncodedRow): void {
  const { cols, xs, n } = encoded;
  const g = Math.max(-GRADIENT_CLIP, Math.min(GRADIENT_CLIP, gradient));
  const w = state.weights[row]!;
  const lr = settings.learning_rate;
  const l2 = settings.l2;
  if (settings.optimizer === "sgd") {
    for (let i = 0; i < n; i++) {
      const col = cols[i]!;
      w[col] = w[col]! - lr * (g * xs[i]! + l2 * w[col]!);
    }
    state.bias[row] = state.bias[row]! - settings.intercept_learning_rate * g;
    return;
  }
  const acc = state.weights_g2[row]!;
  for (let i = 0; i < n; i++) {
    const col = cols[i]!;
    const gi = g * xs[i]! + l2 * w[col]!;
    const sum = acc[col]! + gi * gi;
    acc[col] = sum;
    w[col] = w[col]! - (lr * gi) / Math.sqrt(sum + ADAGRAD_EPSILON);
  }
  const sum = state.bias_g2[row]! + g * g;
  state.bias_g2[row] = sum;
  state.bias[row] = state.bias[row]! - (settings.intercept_learning_rate * g) / Math.sqrt(sum + ADAGRAD_EPSILON);
}

/** Zeroes the AdaGrad accumulators so step sizes grow again (the optional reset on drift, §5.3). */
export function resetOptimizer(state: LearnerState): void {
  for (const row of state.weights_g2) row.fill(0);
  state.bias_g2.fill(0);
}
