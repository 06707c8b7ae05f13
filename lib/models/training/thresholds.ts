// When a retrained version becomes `production`: every modelperformance entry of the model must be
// met by the metric the script reported in metrics.json. `order` says which way is better, read from
// the document's own example ({"metric": "Accuracy", "order": 1, "threshold": 0.89}, where higher
// accuracy is better):
//   order ≥ 1  higher is better: met when value ≥ threshold (accuracy, r2, f1, auc)
//   order ≤ 0  lower is better:  met when value ≤ threshold (mse, mae, log loss)
// Metric names match case-insensitively, ignoring anything but letters and digits ("R2" = "r2",
// "log_loss" = "LogLoss"). A model without thresholds is never promoted automatically: there is
// nothing to check a retrained version against.

export interface ThresholdCheck {
  metric: string;
  order: number;
  direction: "higher_is_better" | "lower_is_better";
  threshold: number;
  value: number | null;
  met: boolean;
}

export interface ThresholdVerdict {
  met: boolean;
  checks: ThresholdCheck[];
  /** Why the version was or was not promoted, for the job log. */
  summary: string;
}

const key = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

interface PerformanceEntry {
  metric: string;
  order: number;
  threshold: number | string;
}

function isEntry(value: unknown): value is PerformanceEntry {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return typeof v.metric === "string" && typeof v.order === "number" && (typeof v.threshold === "number" || typeof v.threshold === "string");
}

/** Keeps the finite numbers of a parsed metrics.json object; anything else is not a metric. */
export function parseMetrics(text: string | null): { metrics: Record<string, number>; problem: string | null } {
  if (text === null) return { metrics: {}, problem: "no metrics.json" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { metrics: {}, problem: `metrics.json is not valid JSON (${(error as Error).message})` };
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return { metrics: {}, problem: "metrics.json is not a JSON object" };
  const metrics: Record<string, number> = {};
  for (const [name, value] of Object.entries(parsed)) if (typeof value === "number" && Number.isFinite(value)) metrics[name.slice(0, 100)] = value;
  return { metrics, problem: null };
}

export function evaluateThresholds(modelperformance: unknown[], metrics: Record<string, number>): ThresholdVerdict {
  const entries = modelperformance.filter(isEntry);
  if (!entries.length) return { met: false, checks: [], summary: "the model has no modelperformance thresholds, so the new version is not promoted automatically" };
  const byKey = new Map(Object.entries(metrics).map(([name, value]) => [key(name), value]));
  const checks = entries.map((entry): ThresholdCheck => {
    const threshold = Number(entry.threshold);
    const value = byKey.get(key(entry.metric)) ?? null;
    const higher = entry.order >= 1;
    const met = value !== null && Number.isFinite(threshold) && (higher ? value >= threshold : value <= threshold);
    return { metric: entry.metric, order: entry.order, direction: higher ? "higher_is_better" : "lower_is_better", threshold, value, met };
  });
  const describe = (c: ThresholdCheck) =>
    `${c.metric} ${c.value === null ? "not reported" : c.value.toPrecision(6)} ${c.direction === "higher_is_better" ? "≥" : "≤"} ${c.threshold}: ${c.met ? "met" : "not met"}`;
  return { met: checks.every((c) => c.met), checks, summary: checks.map(describe).join("; ") };
}
