/**
 * A loop's prequential monitor (docs/loops-learner.md §5): each labelled example, already predicted by the model
 * before learning, is scored here against the model's metrics, the baselines' metrics and two
 * ADWIN detectors on the error stream. One plain-JSON state per loop, stored next to the learner.
 *
 * It never sees features and never changes the learner; the caller (§3 step 2) passes what the
 * model predicted and the true label, plus a timestamp for drift events (no clock in here).
 */
import { adwinEstimation, adwinUpdate, adwinWidth, createAdwin, type AdwinState } from "./adwin";
import {
  createLastClass,
  createMajorityClass,
  createRunningMean,
  lastClassLearn,
  lastClassPredict,
  majorityClassLearn,
  majorityClassPredict,
  majorityClassProbability,
  runningMeanLearn,
  runningMeanPredict,
  type LastClassState,
  type MajorityClassState,
  type RunningMeanState,
} from "./baselines";
import {
  classificationMetrics,
  completeClassificationMetrics,
  createClassificationMetrics,
  updateClassificationMetrics,
  type ClassificationMetricsState,
} from "./metrics/classification";
import { completeRegressionMetrics, createRegressionMetrics, regressionMetrics, updateRegressionMetrics, type RegressionMetricsState } from "./metrics/regression";
import type { MetricValues } from "./metrics/rolling";
import type { TaskType } from "./types";

/** Drift detector on the error stream; a cut here is a drift event (and "drift" in /train/). */
export const DRIFT_DELTA = 0.002;
/** A more sensitive detector: it catches short bursts that δ = 0.002 misses (§5.3, observed behaviour). */
export const WARNING_DELTA = 0.01;
const MAX_EVENTS = 100;
/** One chart point every SERIES_EVERY examples, the last MAX_SERIES_POINTS kept (5,000 examples). */
const SERIES_EVERY = 10;
const MAX_SERIES_POINTS = 500;
/** The lift alert waits until the 200-example window is full. */
const ALERT_AFTER = 200;
const ALERT_WINDOW = 200;

export interface DriftEvent {
  /** 0-based index of the labelled example at which the detector fired. */
  index: number;
  kind: "drift" | "warning";
  /** Mean error of the part of the window that was cut off (before the change). */
  before_mean: number;
  /** Mean error of the window that remains (after the change). */
  after_mean: number;
  /** Caller-supplied timestamp, when given. */
  at?: string;
}

/** Rolling-200 metric (accuracy, or MAE for regression) of the model and of the best baseline. */
export interface SeriesPoint {
  index: number;
  model: number | null;
  baseline: number | null;
}

/** The layout of the monitor's state; stored-model.ts upgrades states of earlier layouts. */
export const MONITOR_VERSION = 2;

interface MonitorBase {
  version: typeof MONITOR_VERSION;
  /** Labelled examples scored. */
  n: number;
  /** Regression observations ignored because the target or the prediction was not a finite number. */
  skipped: number;
  drift: AdwinState;
  warning: AdwinState;
  events: DriftEvent[];
  series: SeriesPoint[];
}

export interface ClassificationMonitorState extends MonitorBase {
  task_type: "classification";
  model: ClassificationMetricsState;
  baseline_metrics: { majority_class: ClassificationMetricsState; last_class: ClassificationMetricsState };
  baseline_predictors: { majority_class: MajorityClassState; last_class: LastClassState };
}

export interface RegressionMonitorState extends MonitorBase {
  task_type: "regression";
  model: RegressionMetricsState;
  baseline_metrics: { running_mean: RegressionMetricsState };
  baseline_predictors: { running_mean: RunningMeanState };
  /** Welford stats (population) of the signed residual y − ŷ, for σ_r in the error stream. */
  residual: { n: number; mean: number; m2: number };
}

export type LoopMonitorState = ClassificationMonitorState | RegressionMonitorState;

export interface Observation {
  /** True label (classification, compared as String(label)) or target. */
  y: unknown;
  /** The model's prequential prediction; null/undefined when it had none (warming up). */
  predicted: unknown;
  /** Classification: probability per label (as strings); omitted → no log-loss for this example. */
  probabilities?: Record<string, number>;
  /** Regression: the target and the prediction as numbers. */
  yNumber?: number;
  predictedNumber?: number;
  /** Timestamp recorded on drift events. */
  at?: string;
}

export function createMonitor(taskType: TaskType): LoopMonitorState {
  const base: MonitorBase = {
    version: MONITOR_VERSION,
    n: 0,
    skipped: 0,
    drift: createAdwin(DRIFT_DELTA),
    warning: createAdwin(WARNING_DELTA),
    events: [],
    series: [],
  };
  if (taskType === "classification") {
    return {
      ...base,
      task_type: "classification",
      model: createClassificationMetrics(),
      baseline_metrics: { majority_class: createClassificationMetrics(), last_class: createClassificationMetrics() },
      baseline_predictors: { majority_class: createMajorityClass(), last_class: createLastClass() },
    };
  }
  return {
    ...base,
    task_type: "regression",
    model: createRegressionMetrics(),
    baseline_metrics: { running_mean: createRegressionMetrics() },
    baseline_predictors: { running_mean: createRunningMean() },
    residual: { n: 0, mean: 0, m2: 0 },
  };
}

/** Scores the model and the baselines; returns the error for the drift stream (e = 1 if wrong). */
function scoreClassification(state: ClassificationMonitorState, o: Observation): number {
  const actual = String(o.y);
  const predicted = o.predicted === null || o.predicted === undefined ? null : String(o.predicted);
  // The true class may be missing from the probabilities (unseen so far): p = 0, clipped by log-loss.
  const p = o.probabilities && Object.hasOwn(o.probabilities, actual) ? o.probabilities[actual] : 0;
  updateClassificationMetrics(state.model, actual, predicted, o.probabilities ? (typeof p === "number" ? p : 0) : null);

  const { majority_class: majority, last_class: last } = state.baseline_predictors;
  updateClassificationMetrics(
    state.baseline_metrics.majority_class,
    actual,
    majorityClassPredict(majority),
    majorityClassProbability(majority, actual),
  );
  const lastLabel = lastClassPredict(last);
  updateClassificationMetrics(state.baseline_metrics.last_class, actual, lastLabel, lastLabel === actual ? 1 : 0);
  majorityClassLearn(majority, actual);
  lastClassLearn(last, actual);
  return predicted === actual ? 0 : 1;
}

/**
 * Scores a regression example; returns e = min(1, |r|/(3σ_r)), with σ_r the running std of the
 * signed residual including this one, or null while σ_r = 0 (nothing is fed then).
 */
function scoreRegression(state: RegressionMonitorState, y: number, predicted: number): number | null {
  updateRegressionMetrics(state.model, y, predicted);
  const running = state.baseline_predictors.running_mean;
  updateRegressionMetrics(state.baseline_metrics.running_mean, y, runningMeanPredict(running));
  runningMeanLearn(running, y);

  const r = y - predicted;
  const stats = state.residual;
  stats.n += 1;
  const d = r - stats.mean;
  stats.mean += d / stats.n;
  stats.m2 += d * (r - stats.mean);
  const sigma = Math.sqrt(stats.m2 / stats.n);
  return sigma > 0 ? Math.min(1, Math.abs(r) / (3 * sigma)) : null;
}

const finiteNumber = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function recordEvent(state: LoopMonitorState, kind: DriftEvent["kind"], detector: AdwinState, index: number, at?: string): void {
  state.events.push({
    index,
    kind,
    before_mean: detector.last_cut_total / detector.last_cut_width,
    after_mean: adwinEstimation(detector),
    ...(at !== undefined ? { at } : {}),
  });
  if (state.events.length > MAX_EVENTS) state.events.splice(0, state.events.length - MAX_EVENTS);
}

/**
 * Scores one labelled example (prequentially: call it with the prediction made before learning).
 * `drift` is the δ = 0.002 detector, `warning` the δ = 0.01 one. Regression observations whose
 * target or prediction is not a finite number are counted in `skipped` and change nothing else.
 */
export function observe(state: LoopMonitorState, o: Observation): { drift: boolean; warning: boolean } {
  let error: number | null;
  if (state.task_type === "classification") error = scoreClassification(state, o);
  else {
    const y = finiteNumber(o.yNumber ?? o.y);
    const predicted = finiteNumber(o.predictedNumber ?? o.predicted);
    if (y === null || predicted === null || !Number.isFinite((y - predicted) ** 2)) {
      state.skipped += 1;
      return { drift: false, warning: false };
    }
    error = scoreRegression(state, y, predicted);
  }
  const index = state.n;
  state.n += 1;

  let drift = false;
  let warning = false;
  if (error !== null) {
    drift = adwinUpdate(state.drift, error);
    warning = adwinUpdate(state.warning, error);
    if (drift) recordEvent(state, "drift", state.drift, index, o.at);
    if (warning) recordEvent(state, "warning", state.warning, index, o.at);
  }
  if (state.n % SERIES_EVERY === 0) {
    const lift = liftIn(state, ALERT_WINDOW);
    state.series.push({ index, model: lift.model, baseline: lift.baseline });
    if (state.series.length > MAX_SERIES_POINTS) state.series.splice(0, state.series.length - MAX_SERIES_POINTS);
  }
  return { drift, warning };
}

export interface Lift {
  /**
   * Model over the strongest baseline in the same window; > 0 means the model is better.
   * Classification: model accuracy − baseline accuracy. Regression: baseline MAE − model MAE.
   */
  value: number | null;
  /** Which baseline was the strongest (the one compared against). */
  against: string | null;
  /** The compared metric (accuracy or MAE) for the model and for that baseline. */
  model: number | null;
  baseline: number | null;
}

/** Lift against the strongest baseline, cumulatively (window undefined) or over a rolling window. */
function liftIn(state: LoopMonitorState, window?: number): Lift {
  const classification = state.task_type === "classification";
  const model = (classification ? classificationMetrics(state.model, window).accuracy : regressionMetrics(state.model, window).mae) ?? null;
  let against: string | null = null;
  let baseline: number | null = null;
  const candidates: [string, number | null][] =
    state.task_type === "classification"
      ? Object.entries(state.baseline_metrics).map(([name, m]) => [name, classificationMetrics(m, window).accuracy ?? null])
      : Object.entries(state.baseline_metrics).map(([name, m]) => [name, regressionMetrics(m, window).mae ?? null]);
  for (const [name, value] of candidates) {
    if (value === null) continue;
    // Higher accuracy or lower MAE is stronger; ties keep the first listed.
    if (baseline === null || (classification ? value > baseline : value < baseline)) {
      baseline = value;
      against = name;
    }
  }
  const value = model === null || baseline === null ? null : classification ? model - baseline : baseline - model;
  return { value, against, model, baseline };
}

export interface Windowed<M> {
  cumulative: M;
  rolling200: M;
  rolling1000: M;
}

export interface MonitorSummary {
  n: number;
  skipped: number;
  lift: Windowed<Lift>;
  /** True when the rolling-200 lift is ≤ 0 after at least 200 labelled examples. */
  alert: boolean;
  /** The drift detectors' current windows over the error stream (mean = error rate for classification). */
  error_window: { drift: { width: number; mean: number }; warning: { width: number; mean: number } };
  drift_events: DriftEvent[];
  series: { metric: "accuracy" | "mae"; points: SeriesPoint[] };
  task_type: TaskType;
  /** Every registered metric (metrics/registry.ts) of the model and of each baseline. */
  metrics: { model: Windowed<MetricValues>; baselines: Record<string, Windowed<MetricValues>> };
}

const windowed = <S, M>(state: S, read: (s: S, window?: number) => M): Windowed<M> => ({
  cumulative: read(state),
  rolling200: read(state, 200),
  rolling1000: read(state, 1000),
});

/** A compact, JSON-friendly view of the monitor for the API and the dashboard (no internal state). */
export function monitorSummary(state: LoopMonitorState): MonitorSummary {
  const lift = windowed(state, liftIn);
  const common = {
    n: state.n,
    skipped: state.skipped,
    lift,
    alert: state.n >= ALERT_AFTER && lift.rolling200.value !== null && lift.rolling200.value <= 0,
    error_window: {
      drift: { width: adwinWidth(state.drift), mean: adwinEstimation(state.drift) },
      warning: { width: adwinWidth(state.warning), mean: adwinEstimation(state.warning) },
    },
    drift_events: state.events.map((e) => ({ ...e })),
  };
  if (state.task_type === "classification") {
    const baselines: Record<string, Windowed<MetricValues>> = {};
    for (const [name, m] of Object.entries(state.baseline_metrics)) baselines[name] = windowed(m, classificationMetrics);
    return {
      ...common,
      task_type: "classification",
      metrics: { model: windowed(state.model, classificationMetrics), baselines },
      series: { metric: "accuracy", points: state.series.map((p) => ({ ...p })) },
    };
  }
  const baselines: Record<string, Windowed<MetricValues>> = {};
  for (const [name, m] of Object.entries(state.baseline_metrics)) baselines[name] = windowed(m, regressionMetrics);
  return {
    ...common,
    task_type: "regression",
    metrics: { model: windowed(state.model, regressionMetrics), baselines },
    series: { metric: "mae", points: state.series.map((p) => ({ ...p })) },
  };
}

/** Gives a stored monitor's trackers every registered metric (one added to the registry since it was stored). */
export function completeMonitor(state: LoopMonitorState): void {
  if (state.task_type === "classification") {
    completeClassificationMetrics(state.model);
    for (const m of Object.values(state.baseline_metrics)) completeClassificationMetrics(m);
  } else {
    completeRegressionMetrics(state.model);
    for (const m of Object.values(state.baseline_metrics)) completeRegressionMetrics(m);
  }
}
