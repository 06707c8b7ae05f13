import { learnTarget, targetScale } from "../target-scaler";
import { addWeightRow } from "../state";
import type { Loss } from "./loss";

/**
 * Squared loss for regression: one margin, the (standardised) target. The gradient is m − ỹ, or River's
 * 2(m − ỹ) with squared_loss_gradient "twice_residual" (the River replica, docs/loops-learner.md §6.1). The link is the
 * identity in target units: ŷ = μ_y + σ_y·m (target-scaler.ts).
 */
export const squaredLoss: Loss = {
  units: "target",
  perClass: false,
  initialize(state) {
    addWeightRow(state);
  },
  target(state, settings, y) {
    return learnTarget(state, settings, y as number);
  },
  gradients(margins, target, settings, out) {
    const residual = margins[0]! - target;
    out[0] = settings.squared_loss_gradient === "twice_residual" ? 2 * residual : residual;
  },
  predict(state, settings, margins) {
    const { offset, scale } = targetScale(state, settings);
    return { value: offset + scale * margins[0]!, row: 0 };
  },
  reportScale: targetScale,
};
