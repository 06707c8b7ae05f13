/**
 * The monitor state as version 1 stored it, and its upgrade to version 2 (stored-model.ts runs it when
 * such a state is read). Version 1 kept each tracker's metrics in one aggregate per window; version 2
 * keeps one state per metric (metrics/), so that a metric can be added on its own. The numbers move
 * as they are, so an upgraded monitor continues exactly as version 1 would have. Frozen: this file
 * describes data already stored, and never follows later changes to the metrics.
 */

interface ClassificationAggregateV1 {
  n: number;
  correct: number;
  n_log_loss: number;
  log_loss_sum: number;
  tp: number[];
  fp: number[];
  fn: number[];
}

interface RegressionAggregateV1 {
  n: number;
  abs_sum: number;
  sq_sum: number;
  y_mean: number;
  y_m2: number;
}

interface TrackerV1<A> {
  task_type: "classification" | "regression";
  cumulative: A;
  windows: (A & { size: number })[];
  [ring: string]: unknown;
}

function classificationStates(a: ClassificationAggregateV1): Record<string, unknown> {
  return {
    accuracy: { n: a.n, correct: a.correct },
    log_loss: { n: a.n_log_loss, sum: a.log_loss_sum },
    macro_f1: { tp: a.tp, fp: a.fp, fn: a.fn },
  };
}

function regressionStates(a: RegressionAggregateV1): Record<string, unknown> {
  return {
    mae: { n: a.n, abs_sum: a.abs_sum },
    rmse: { n: a.n, sq_sum: a.sq_sum },
    r2: { n: a.n, sq_sum: a.sq_sum, y_mean: a.y_mean, y_m2: a.y_m2 },
  };
}

/** One tracker (the model's or a baseline's): its ring and counters as they were, its aggregates split per metric. */
function upgradeTracker(tracker: TrackerV1<ClassificationAggregateV1> | TrackerV1<RegressionAggregateV1>): Record<string, unknown> {
  const states = (a: ClassificationAggregateV1 | RegressionAggregateV1) =>
    tracker.task_type === "classification" ? classificationStates(a as ClassificationAggregateV1) : regressionStates(a as RegressionAggregateV1);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tracker)) {
    if (key === "cumulative") out.cumulative = states(tracker.cumulative);
    else if (key === "windows") out.windows = tracker.windows.map((w) => ({ size: w.size, metrics: states(w) }));
    else out[key] = value;
  }
  return out;
}

export function upgradeMonitorV1(state: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state)) {
    if (key === "version") out.version = 2;
    else if (key === "model") out.model = upgradeTracker(value as TrackerV1<ClassificationAggregateV1>);
    else if (key === "baseline_metrics") {
      out.baseline_metrics = Object.fromEntries(Object.entries(value as Record<string, TrackerV1<ClassificationAggregateV1>>).map(([name, t]) => [name, upgradeTracker(t)]));
    } else out[key] = value;
  }
  return out;
}
