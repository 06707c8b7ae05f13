import type { RegressionObservation } from "./metric";
import { REGRESSION_METRICS } from "./registry";
import { completeRolling, createRolling, ROLLING_WINDOWS, rollingValues, updateRolling, type ExampleRing, type MetricValues, type RollingState } from "./rolling";

/** A regressor's (or a baseline's) metrics: the regression registry over a rolling ring. */
export interface RegressionMetricsState extends RollingState {
  task_type: "regression";
  /** The ring, by column: target and signed residual y − ŷ. */
  y: number[];
  residual: number[];
}

const ring: ExampleRing<RegressionMetricsState, RegressionObservation> = {
  write(s, slot, o) {
    s.y[slot] = o.y;
    s.residual[slot] = o.r;
  },
  read(s, slot, into) {
    into.y = s.y[slot]!;
    into.r = s.residual[slot]!;
  },
  scratch: { y: 0, r: 0 },
};

const scored: RegressionObservation = { y: 0, r: 0 };

export function createRegressionMetrics(windows: readonly number[] = ROLLING_WINDOWS): RegressionMetricsState {
  const { count, capacity, cumulative, windows: rolling } = createRolling(REGRESSION_METRICS, windows);
  return { task_type: "regression", count, capacity, y: [], residual: [], cumulative, windows: rolling };
}

/** Scores one regression prediction: the target y and the model's prediction ŷ (finite numbers). */
export function updateRegressionMetrics(state: RegressionMetricsState, y: number, predicted: number): void {
  if (!Number.isFinite(y) || !Number.isFinite(predicted)) throw new RangeError("regression metrics need finite numbers");
  scored.y = y;
  scored.r = y - predicted;
  updateRolling(state, REGRESSION_METRICS, ring, scored);
}

/** Cumulative metrics, or those of the rolling window of the given size. */
export function regressionMetrics(state: RegressionMetricsState, window?: number): MetricValues {
  return rollingValues(state, REGRESSION_METRICS, window);
}

/** States stored before a metric joined the registry get it, built from the examples they keep. */
export function completeRegressionMetrics(state: RegressionMetricsState): void {
  completeRolling(state, REGRESSION_METRICS, ring);
}
