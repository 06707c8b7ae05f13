import type { LearnerSettings } from "../types";
import type { LearnerState } from "./state";
import { addObservation, populationStd } from "./welford";

/**
 * Target standardisation (docs/loops-learner.md §2, regression only): the target has its own Welford statistics; the model
 * learns ỹ = (y − μ_y)/σ_y and predicts ŷ = μ_y + σ_y·m. Without it, River's and scikit-learn's
 * defaults barely beat the running mean on diabetes, or diverge.
 */

/** Adds y to the target's statistics (kept with or without standardisation), then returns what to train on. */
export function learnTarget(state: LearnerState, settings: LearnerSettings, y: number): number {
  addObservation(state.target, y);
  if (!settings.target_standardization) return y;
  const std = populationStd(state.target);
  return std > 0 ? (y - state.target.mean) / std : 0;
}

/**
 * ŷ = offset + scale·m. With target standardisation, offset μ_y and scale σ_y once n_y > 1 and σ_y > 0,
 * else scale 1 (§2); without it, ŷ = m. A fresh loop therefore predicts 0.
 */
export function targetScale(state: LearnerState, settings: LearnerSettings): { offset: number; scale: number } {
  if (!settings.target_standardization) return { offset: 0, scale: 1 };
  const std = populationStd(state.target);
  return { offset: state.target.mean, scale: state.target.n > 1 && std > 0 ? std : 1 };
}
