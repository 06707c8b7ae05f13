import type { Database } from "@/db/client";
import { weightsTable } from "./learner";
import { monitorSummary, type DriftEvent, type SeriesPoint } from "./monitor";
import { getLoop, loadLoop, type LoopSummary } from "./store";
import type { FieldType, LoopSpec } from "./types";

/** What the loop page shows, read in one place. */
export interface LoopDashboard {
  loop: LoopSummary;
  spec: LoopSpec | null;
  metric: { name: string; model: number | null; baseline: number | null; lift: number | null; alert: boolean } | null;
  series: SeriesPoint[];
  events: DriftEvent[];
  weights: { feature: string; column: string; weight: number; class?: string }[];
  /** A sample input for the code snippets. */
  example: Record<string, unknown>;
}

const SAMPLE: Record<FieldType, unknown> = { string: "a", integer: 1, float: 0.5, boolean: true, array: ["a", "b"], object: { key: "value" } };

export async function loopDashboard(db: Database, accountId: string, loopId: string): Promise<LoopDashboard | null> {
  const loop = await getLoop(db, accountId, loopId);
  if (!loop) return null;
  const loaded = loop.taskType ? await loadLoop(db, accountId, loopId) : null;
  if (!loaded?.ok) return { loop, spec: null, metric: null, series: [], events: [], weights: [], example: {} };
  const { spec, model } = loaded.loop;
  const summary = monitorSummary(model.monitor);
  const lift = summary.lift.rolling200;
  const weights = weightsTable(spec, model.learner)
    .map((w) => ({ feature: w.feature, column: w.column, weight: w.weight, class: w.class === undefined ? undefined : String(w.class) }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return {
    loop,
    spec,
    metric: { name: summary.series.metric === "accuracy" ? "accuracy" : "MAE", model: lift.model, baseline: lift.baseline, lift: lift.value, alert: summary.alert },
    series: summary.series.points,
    events: summary.drift_events,
    weights,
    example: Object.fromEntries(Object.entries(spec.input_schema).map(([field, type]) => [field, SAMPLE[type]])),
  };
}
