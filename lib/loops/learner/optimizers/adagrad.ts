import type { Optimizer } from "./optimizer";

/** AdaGrad's ε, inside the square root (docs/loops-learner.md §2). */
export const ADAGRAD_EPSILON = 1e-8;

/**
 * AdaGrad, the default: per weight g_i = g·x_i + l2·w_i; G_i ← G_i + g_i²; w_i ← w_i − lr·g_i/√(G_i + ε).
 * The intercept has its own accumulator and rate, and no l2.
 */
export const adagrad: Optimizer = {
  step(state, settings, row, g, encoded) {
    const { cols, xs, n } = encoded;
    const w = state.weights[row]!;
    const acc = state.weights_g2[row]!;
    const lr = settings.learning_rate;
    const l2 = settings.l2;
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
  },
  reset(state) {
    for (const row of state.weights_g2) row.fill(0);
    state.bias_g2.fill(0);
  },
};
