import { describeMetrics } from "./metrics/registry";
import type { MetricValues } from "./metrics/rolling";
import type { Lift, MonitorSummary, Windowed } from "./monitor";
import type { TaskType } from "./types";

/**
 * Every metric a loop computes, for API clients (GET /definitions/:loop_id/metrics) and the loop page:
 * each registered metric (metrics/registry.ts) of the model and of each baseline, over all the examples
 * scored and over the last 200 and 1,000, with the lift over the strongest baseline. Every example is
 * scored before it is learned (prequential).
 */

/** The windows, as the API names them. */
export const WINDOWS = ["cumulative", "last_200", "last_1000"] as const;
export type WindowName = (typeof WINDOWS)[number];
export type ByWindow<T> = Record<WindowName, T>;

export interface MetricReport {
  label: string;
  better: "higher" | "lower";
  model: ByWindow<number | null>;
  baselines: Record<string, ByWindow<number | null>>;
}

export interface MetricsReport {
  task_type: TaskType;
  /** Examples each window covers (the cumulative window: every example scored). */
  examples: ByWindow<number>;
  /** By metric name, in the registry's order. */
  metrics: Record<string, MetricReport>;
  /** The headline metric (accuracy, or MAE) of the model against the strongest baseline in each window; > 0: the model is better. */
  lift: { metric: "accuracy" | "mae" } & ByWindow<{ value: number | null; against: string | null }>;
  /** The model is not beating its baseline over the last 200 examples (after at least 200). */
  alert: boolean;
  /** Drift detections (δ = 0.002) and warnings (δ = 0.01) among the last 100 events. */
  drift_events: { drift: number; warning: number };
}

const byWindow = <M, T>(w: Windowed<M>, read: (m: M) => T): ByWindow<T> => ({
  cumulative: read(w.cumulative),
  last_200: read(w.rolling200),
  last_1000: read(w.rolling1000),
});

/** The report of a monitor's summary (monitor.ts, monitorSummary). */
export function metricsReport(summary: MonitorSummary): MetricsReport {
  const value = (name: string) => (values: MetricValues) => values[name] ?? null;
  const metrics: Record<string, MetricReport> = {};
  for (const { name, label, better } of describeMetrics(summary.task_type)) {
    const baselines: Record<string, ByWindow<number | null>> = {};
    for (const [baseline, windowed] of Object.entries(summary.metrics.baselines)) baselines[baseline] = byWindow(windowed, value(name));
    metrics[name] = { label, better, model: byWindow(summary.metrics.model, value(name)), baselines };
  }
  return {
    task_type: summary.task_type,
    examples: byWindow(summary.metrics.model, (v) => v.n),
    metrics,
    lift: { metric: summary.series.metric, ...byWindow(summary.lift, (l: Lift) => ({ value: l.value, against: l.against })) },
    alert: summary.alert,
    drift_events: {
      drift: summary.drift_events.filter((e) => e.kind === "drift").length,
      warning: summary.drift_events.filter((e) => e.kind === "warning").length,
    },
  };
}
