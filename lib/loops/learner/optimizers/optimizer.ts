import type { LearnerSettings } from "../../types";
import type { EncodedRow } from "../features";
import type { LearnerState } from "../state";

/**
 * An optimizer (docs/loops-learner.md §2): one step on one weight row, given the loss's gradient g with respect to that row's
 * margin (already clipped) and the example's active columns. Only those columns are stepped: an absent
 * column has x = 0, and with l2 = 0 both rules agree. Its accumulators, if any, live in the learner
 * state (weights_g2, bias_g2), which keeps the same layout whichever optimizer a loop uses.
 */
export interface Optimizer {
  step(state: LearnerState, settings: LearnerSettings, row: number, g: number, encoded: EncodedRow): void;
  /** Forgets what the optimizer has accumulated, so step sizes grow again (the optional reset on drift, §5.3). */
  reset(state: LearnerState): void;
}
