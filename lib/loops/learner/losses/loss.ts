import type { Explanation, LearnerSettings } from "../../types";
import type { ClassLabel, LearnerState } from "../state";

/**
 * A loss (docs/loops-learner.md §2): the output kind's training target, its gradient with respect to each weight row's
 * margin, and its link from margins to a prediction. The learner itself never branches on the kind of
 * output: it asks the spec's loss (losses/index.ts).
 */
export interface Loss {
  /** What the margins and the explanation are in (§4.2). */
  readonly units: Explanation["units"];
  /** One weight row per class, added as classes appear (softmax), rather than one margin for the model. */
  readonly perClass: boolean;
  /** A new state's classes and weight rows. */
  initialize(state: LearnerState): void;
  /**
   * Step 3 of §3 for the label: what the loss trains towards (the standardised target, 0/1, the class
   * index), after updating what the label updates (the target's statistics, the class list).
   */
  target(state: LearnerState, settings: LearnerSettings, y: unknown): number;
  /** ∂loss/∂margin of each weight row into `out`, from the margins on the freshly transformed features (step 5). */
  gradients(margins: readonly number[], target: number, settings: LearnerSettings, out: number[]): void;
  /** The link: the prediction from the margins, and the weight row its explanation follows. */
  predict(state: LearnerState, settings: LearnerSettings, margins: readonly number[]): LinkedPrediction;
  /** Explanations and weights are reported as offset + scale × (margin units): target units for regression. */
  reportScale(state: LearnerState, settings: LearnerSettings): { offset: number; scale: number };
}

export interface LinkedPrediction {
  /** The predicted output (a class label in its JSON type, or a number); null before any class is known. */
  value: ClassLabel | number | null;
  /** Classification: probability per class label (labels as strings). */
  probabilities?: Record<string, number>;
  /** The weight row the explanation is about: the predicted class, or 0. */
  row: number;
}

/** Margins are reported as they are (classification). */
export const UNSCALED = Object.freeze({ offset: 0, scale: 1 });
