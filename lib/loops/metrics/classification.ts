import { logLossOf } from "./log-loss";
import type { ClassificationObservation } from "./metric";
import { CLASSIFICATION_METRICS } from "./registry";
import { completeRolling, createRolling, ROLLING_WINDOWS, rollingValues, updateRolling, type ExampleRing, type MetricValues, type RollingState } from "./rolling";

/** A classifier's (or a baseline's) metrics: the classification registry over a rolling ring. */
export interface ClassificationMetricsState extends RollingState {
  task_type: "classification";
  /** Labels (as strings) in first-seen order; the ring holds indexes into it. */
  classes: string[];
  /** The ring, by column: true class, predicted class (−1: none), log-loss (null: no probabilities). */
  true_class: number[];
  predicted_class: number[];
  log_loss: (number | null)[];
}

const ring: ExampleRing<ClassificationMetricsState, ClassificationObservation> = {
  write(s, slot, o) {
    s.true_class[slot] = o.t;
    s.predicted_class[slot] = o.p;
    s.log_loss[slot] = o.ll;
  },
  read(s, slot, into) {
    into.t = s.true_class[slot]!;
    into.p = s.predicted_class[slot]!;
    into.ll = s.log_loss[slot] ?? null;
  },
  scratch: { t: 0, p: 0, ll: null },
};

/** The example being scored (scoring is synchronous). */
const scored: ClassificationObservation = { t: 0, p: 0, ll: null };

export function createClassificationMetrics(windows: readonly number[] = ROLLING_WINDOWS): ClassificationMetricsState {
  const { count, capacity, cumulative, windows: rolling } = createRolling(CLASSIFICATION_METRICS, windows);
  return { task_type: "classification", classes: [], count, capacity, true_class: [], predicted_class: [], log_loss: [], cumulative, windows: rolling };
}

function classIndex(state: ClassificationMetricsState, label: string): number {
  const i = state.classes.indexOf(label);
  return i >= 0 ? i : state.classes.push(label) - 1;
}

/**
 * Scores one prediction. `predicted` is null when the model had no class to offer (it counts as
 * wrong, and as a false negative only). `pTrue` is the probability the model gave the true class
 * (0 if the class was unknown to it), or null when it gave no probabilities (no log-loss then).
 */
export function updateClassificationMetrics(state: ClassificationMetricsState, actual: string, predicted: string | null, pTrue: number | null): void {
  scored.t = classIndex(state, actual);
  scored.p = predicted === null ? -1 : classIndex(state, predicted);
  scored.ll = pTrue === null || !Number.isFinite(pTrue) ? null : logLossOf(pTrue);
  updateRolling(state, CLASSIFICATION_METRICS, ring, scored);
}

/** Cumulative metrics, or those of the rolling window of the given size. */
export function classificationMetrics(state: ClassificationMetricsState, window?: number): MetricValues {
  return rollingValues(state, CLASSIFICATION_METRICS, window);
}

/** States stored before a metric joined the registry get it, built from the examples they keep. */
export function completeClassificationMetrics(state: ClassificationMetricsState): void {
  completeRolling(state, CLASSIFICATION_METRICS, ring);
}
