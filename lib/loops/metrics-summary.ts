import { monitorSummary, type LoopMonitorState } from "./monitor";

/** The few numbers a loop list shows, stored beside the state so lists never parse it. */
export interface LoopMetrics {
  metric: "accuracy" | "mae";
  model: number | null;
  baseline: number | null;
  lift: number | null;
  alert: boolean;
  drift_events: number;
}

export function compactMetrics(monitor: LoopMonitorState): LoopMetrics {
  const summary = monitorSummary(monitor);
  const lift = summary.lift.rolling200;
  return {
    metric: summary.series.metric,
    model: lift.model,
    baseline: lift.baseline,
    lift: lift.value,
    alert: summary.alert,
    drift_events: summary.drift_events.filter((e) => e.kind === "drift").length,
  };
}

export function formatMetric(metrics: LoopMetrics | null | undefined): string | null {
  if (!metrics || metrics.model === null) return null;
  return metrics.metric === "accuracy" ? `accuracy ${metrics.model.toFixed(3)}` : `MAE ${metrics.model.toPrecision(4)}`;
}
