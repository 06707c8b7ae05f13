import type { ZodType } from "zod";
import { describeDetail, zodDetails } from "@/lib/http/errors";
import { modelUpdateSchema } from "./schemas";

// The model page's structured metadata editors: each list field as rows of form inputs (all text, as
// inputs hold them) and back to the JSON PATCH /model/{id} takes. Rows keep their order. The result
// is checked with the same schemas as the API, so the form shows the problems the route would.

export type FeatureType = "" | "cont" | "cat";
export interface FeatureRow {
  feature_name: string;
  /** "" leaves the type out (the API accepts a feature without one). */
  type: FeatureType;
  kind: "0" | "1";
  units: string;
}

export type HyperparameterValueType = "string" | "number" | "boolean" | "null";
export interface HyperparameterRow {
  parameter: string;
  valueType: HyperparameterValueType;
  value: string;
}

export type ThresholdOrder = "" | "higher" | "lower";
export interface ThresholdRow {
  metric: string;
  order: ThresholdOrder;
  threshold: string;
}

export interface DriftRow {
  on: boolean;
  method: "0" | "1" | "2";
}

export const FEATURE_TYPES = [
  ["cont", "continuous"],
  ["cat", "categorical"],
] as const;

export const DRIFT_METHODS = [
  ["0", "Mean shift", "Welch's t-test on each feature's mean: cheap, catches a moved average."],
  ["1", "Maximum mean discrepancy", "Compares whole distributions of all features together: catches changes in shape and correlation."],
  ["2", "Kolmogorov–Smirnov", "Per-feature test of the whole distribution: catches changes in spread and shape, not only the mean."],
] as const;

/** Metric names training runs commonly report (metrics.json); any other name may be typed. */
export const COMMON_METRICS = ["accuracy", "f1", "precision", "recall", "roc_auc", "r2", "mae", "mse", "rmse", "log_loss"];

export const EMPTY_FEATURE: FeatureRow = { feature_name: "", type: "cont", kind: "0", units: "" };
export const EMPTY_HYPERPARAMETER: HyperparameterRow = { parameter: "", valueType: "number", value: "" };
export const EMPTY_THRESHOLD: ThresholdRow = { metric: "", order: "higher", threshold: "" };
export const EMPTY_DRIFT: DriftRow = { on: true, method: "2" };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const textOf = (value: unknown) => (value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value));

// JSON → rows: stored lists passed the schemas, but are read defensively (a partial entry becomes
// blanks, and the check on the way back names what is missing).

export function featureRowsOf(list: unknown[]): FeatureRow[] {
  return list.filter(isRecord).map((f) => ({
    feature_name: textOf(f.feature_name),
    type: f.type === "cont" || f.type === "cat" ? f.type : "",
    kind: f.kind === 1 ? "1" : "0",
    units: textOf(f.units),
  }));
}

export function hyperparameterRowsOf(list: unknown[]): HyperparameterRow[] {
  return list.filter(isRecord).map((h) => {
    const v = h.value;
    const valueType: HyperparameterValueType = typeof v === "number" ? "number" : typeof v === "boolean" ? "boolean" : v === null || v === undefined ? "null" : "string";
    return { parameter: textOf(h.parameter), valueType, value: valueType === "null" ? "" : String(v) };
  });
}

export function thresholdRowsOf(list: unknown[]): ThresholdRow[] {
  return list.filter(isRecord).map((p) => ({
    metric: textOf(p.metric),
    order: typeof p.order !== "number" ? "" : p.order >= 1 ? "higher" : "lower",
    threshold: textOf(p.threshold),
  }));
}

export function driftRowsOf(list: unknown[]): DriftRow[] {
  return list.filter(isRecord).map((d) => ({ on: d.is_true === 1, method: d.method === 0 ? "0" : d.method === 1 ? "1" : "2" }));
}

// Rows → JSON: what each input means in the API's terms.

export function featureListOf(rows: FeatureRow[]): unknown[] {
  return rows.map((r) => ({
    feature_name: r.feature_name.trim(),
    ...(r.type ? { type: r.type } : {}),
    kind: Number(r.kind),
    ...(r.units.trim() ? { units: r.units.trim() } : {}),
  }));
}

/** A typed value; a number that does not parse is kept as text, so the schema check names it. */
function typedValue(row: HyperparameterRow): unknown {
  if (row.valueType === "null") return null;
  if (row.valueType === "boolean") return row.value === "true";
  if (row.valueType === "number") {
    const n = Number(row.value);
    return row.value.trim() !== "" && Number.isFinite(n) ? n : row.value;
  }
  return row.value;
}

export function hyperparameterListOf(rows: HyperparameterRow[]): unknown[] {
  return rows.map((r) => ({ parameter: r.parameter.trim(), value: typedValue(r) }));
}

export function thresholdListOf(rows: ThresholdRow[]): unknown[] {
  return rows.map((r) => {
    const threshold = r.threshold.trim();
    const n = Number(threshold);
    return {
      metric: r.metric.trim(),
      ...(r.order ? { order: r.order === "higher" ? 1 : 0 } : {}),
      ...(threshold ? { threshold: Number.isFinite(n) ? n : threshold } : {}),
    };
  });
}

export function driftListOf(rows: DriftRow[]): unknown[] {
  return rows.map((r) => ({ is_true: r.on ? 1 : 0, method: Number(r.method) }));
}

/** Moves row `from` to `to` (a row's up/down buttons), other rows keeping their order. */
export function moveRow<T>(rows: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= rows.length || to >= rows.length) return rows;
  const next = [...rows];
  const [row] = next.splice(from, 1);
  next.splice(to, 0, row!);
  return next;
}

export type StructuredField = "featurelist" | "hyperparameter" | "modelperformance" | "drift_detection";

/** Problems of a field's list as the API would report them ("featurelist.2.feature_name: …"); none when it would be accepted. */
export function metadataProblems(field: StructuredField | "trainingresource" | "runresource" | "inference", list: unknown): string[] {
  const schema = modelUpdateSchema.shape[field] as ZodType;
  const parsed = schema.safeParse(list);
  const problems = parsed.success ? [] : zodDetails(parsed.error).map((d) => describeDetail({ ...d, path: [field, ...d.path] }));
  return problems;
}

/** Problems of hyperparameter rows typed as numbers whose value does not parse. */
export function hyperparameterRowProblems(rows: HyperparameterRow[]): string[] {
  return rows.flatMap((r, i) => (r.valueType === "number" && !(r.value.trim() !== "" && Number.isFinite(Number(r.value))) ? [`hyperparameter.${i}.value: Expected a number`] : []));
}
