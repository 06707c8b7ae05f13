import type { Database } from "@/db/client";
import { weightsTable } from "./learner";
import { metricsReport, type MetricsReport } from "./metrics-report";
import { monitorSummary, type DriftEvent, type SeriesPoint } from "./monitor";
import { recentPredictions, type RecentPrediction } from "./prediction-log";
import { getLoop, loadLoop, type LoopSummary } from "./store";
import type { FieldType, LoopSpec } from "./types";
import { windowQuality, type WindowQuality } from "./window-report";

/** What the loop page shows, read in one place. */
export interface LoopDashboard {
  loop: LoopSummary;
  spec: LoopSpec | null;
  /** One line per model column (per class with three or more classes; toward one class with two). */
  weights: { feature: string; column: string; weight: number; class?: string; toward?: string }[];
  /** A sample input for the code snippets. */
  example: Record<string, unknown>;
  live: LiveLoopData;
}

/** The part of the loop page that refreshes while it is open (JSON-friendly). */
export interface LiveLoopData {
  nSeen: number;
  version: number;
  metric: { name: string; model: number | null; baseline: number | null; lift: number | null; alert: boolean } | null;
  /** Every metric the loop computes, as GET /definitions/:loop_id/metrics answers it. */
  report: MetricsReport | null;
  series: SeriesPoint[];
  events: DriftEvent[];
  recent: RecentPrediction[];
  /** Confusion matrix and per-class metrics, or residuals, over the last examples scored. */
  quality: WindowQuality | null;
}

type WeightLine = LoopDashboard["weights"][number];

/** The class read as "yes" when a loop has two: true, 1 or yes if present, else the second seen. */
function positiveOf(classes: string[]): string {
  return classes.find((c) => ["true", "1", "yes"].includes(c.toLowerCase())) ?? classes[1]!;
}

/**
 * With two classes a softmax keeps two mirrored weights per column; the log-odds of one class over the
 * other is exactly their difference, so the page shows that one number per column ("toward <class>").
 */
export function twoClassWeights(rows: WeightLine[]): WeightLine[] {
  const classes = [...new Set(rows.map((r) => r.class).filter((c): c is string => c !== undefined))];
  if (classes.length !== 2) return rows;
  const positive = positiveOf(classes);
  const byColumn = new Map<string, WeightLine>();
  for (const r of rows) {
    const line = byColumn.get(r.column) ?? { feature: r.feature, column: r.column, weight: 0, toward: positive };
    line.weight += r.class === positive ? r.weight : -r.weight;
    byColumn.set(r.column, line);
  }
  return [...byColumn.values()];
}

const SAMPLE: Record<FieldType, unknown> = { string: "a", integer: 1, float: 0.5, boolean: true, array: ["a", "b"], object: { key: "value" } };

export async function loopDashboard(db: Database, workspaceId: string, loopId: string): Promise<LoopDashboard | null> {
  const loop = await getLoop(db, workspaceId, loopId);
  if (!loop) return null;
  const loaded = loop.taskType ? await loadLoop(db, workspaceId, loopId) : null;
  if (!loaded?.ok) {
    const live = { nSeen: loop.nSeen, version: loop.version, metric: null, report: null, series: [], events: [], recent: [], quality: null };
    return { loop, spec: null, weights: [], example: {}, live };
  }
  const { spec, model } = loaded.loop;
  const summary = monitorSummary(model.monitor);
  const lift = summary.lift.rolling200;
  const weights = twoClassWeights(weightsTable(spec, model.learner).map((w) => ({ feature: w.feature, column: w.column, weight: w.weight, class: w.class === undefined ? undefined : String(w.class) }))).sort(
    (a, b) => Math.abs(b.weight) - Math.abs(a.weight),
  );
  const metric = { name: summary.series.metric === "accuracy" ? "accuracy" : "MAE", model: lift.model, baseline: lift.baseline, lift: lift.value, alert: summary.alert };
  const recent = await recentPredictions(db, workspaceId, loopId);
  return {
    loop,
    spec,
    weights,
    live: { nSeen: loaded.loop.nSeen, version: loaded.loop.version, metric, report: metricsReport(summary), series: summary.series.points, events: summary.drift_events, recent, quality: windowQuality(model.monitor) },
    example: Object.fromEntries(Object.entries(spec.input_schema).map(([field, type]) => [field, SAMPLE[type]])),
  };
}
