import type { Optimizer } from "./optimizer";

/**
 * Plain SGD, as River's LinearRegression and LogisticRegression use it: w_i ← w_i − lr·(g·x_i + l2·w_i);
 * b ← b − ilr·g. It accumulates nothing, so there is nothing to reset.
 */
export const sgd: Optimizer = {
  step(state, settings, row, g, encoded) {
    const { cols, xs, n } = encoded;
    const w = state.weights[row]!;
    const lr = settings.learning_rate;
    const l2 = settings.l2;
    for (let i = 0; i < n; i++) {
      const col = cols[i]!;
      w[col] = w[col]! - lr * (g * xs[i]! + l2 * w[col]!);
    }
    state.bias[row] = state.bias[row]! - settings.intercept_learning_rate * g;
  },
  reset() {},
};
