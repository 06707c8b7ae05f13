import type { LearnerSettings } from "../../types";
import type { EncodedRow } from "../features";
import type { LearnerState } from "../state";
import { adagrad } from "./adagrad";
import type { Optimizer } from "./optimizer";
import { sgd } from "./sgd";

export type { Optimizer } from "./optimizer";

/** Loss gradients are clipped to ±1e12, as River does: it never binds on sane data and keeps the state finite. */
export const GRADIENT_CLIP = 1e12;

export function optimizerOf(settings: LearnerSettings): Optimizer {
  return settings.optimizer === "sgd" ? sgd : adagrad;
}

/** One step of the loop's optimizer on one weight row, with the loss gradient clipped. */
export function stepRow(state: LearnerState, settings: LearnerSettings, row: number, gradient: number, encoded: EncodedRow): void {
  optimizerOf(settings).step(state, settings, row, Math.max(-GRADIENT_CLIP, Math.min(GRADIENT_CLIP, gradient)), encoded);
}

/** The optional reset on drift (docs/loops-learner.md §5.3): the optimizer forgets its accumulators, so step sizes grow again. */
export function resetOptimizer(state: LearnerState, settings: LearnerSettings): void {
  optimizerOf(settings).reset(state);
}
