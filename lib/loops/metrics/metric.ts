/**
 * A prequential metric (docs/loops-learner.md §5.1) as a small tracker, after River's metrics: a state of its own, updated
 * with each scored example and reverted when the example leaves a rolling window (rolling.ts keeps the
 * examples and the windows). States are plain JSON, stored with the loop's monitor.
 */
export interface Metric<S, O> {
  /** Its key in summaries, the API and the stored state (snake_case). */
  readonly name: string;
  /** How the loop page names it. */
  readonly label: string;
  /** Whether a larger value is better (accuracy) or a smaller one (MAE). */
  readonly better: "higher" | "lower";
  /**
   * Its state holds float sums, which adding and reverting would blur: a window's state is rebuilt from
   * the kept examples every window length (amortised O(1)). States of integer counts stay exact.
   */
  readonly rebuilt: boolean;
  create(): S;
  update(state: S, o: O): void;
  /** Takes out an example that update put in (the oldest of a window). */
  revert(state: S, o: O): void;
  /** null until it is defined (no example yet, or nothing to divide by). */
  value(state: S): number | null;
}

/** One scored classification example, as the metrics see it: classes by index in first-seen order. */
export interface ClassificationObservation {
  /** The true class. */
  t: number;
  /** The predicted class; −1 when the model had none (warming up). */
  p: number;
  /** Its log-loss, or null when the model gave no probabilities. */
  ll: number | null;
}

/** One scored regression example: the target and the signed residual y − ŷ. */
export interface RegressionObservation {
  y: number;
  r: number;
}
