import type { ClassificationMetricsState } from "./metrics/classification";
import type { RegressionMetricsState } from "./metrics/regression";
import type { LoopMonitorState } from "./monitor";

/** Classes shown one by one in the confusion matrix; the rarest of the rest are pooled as "other". */
export const CONFUSION_CLASSES = 12;
/** Points in the residual plot at most (the newest). */
export const RESIDUAL_POINTS = 500;
export const OTHER_CLASS = "(other)";

export interface ClassQuality {
  class: string;
  /** Examples whose true class this is. */
  support: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface ConfusionReport {
  kind: "classification";
  /** Examples in the window (the last ones scored). */
  examples: number;
  /** Row = true class, column = predicted class, in `classes` order. */
  classes: string[];
  counts: number[][];
  /** Examples scored while the model had no prediction yet. */
  unpredicted: number;
  perClass: ClassQuality[];
}

export interface ResidualReport {
  kind: "regression";
  examples: number;
  /** The newest examples: prediction ŷ and residual y − ŷ. */
  points: { predicted: number; residual: number }[];
}

export type WindowQuality = ConfusionReport | ResidualReport;

/** The indexes (oldest first) of the examples the ring still holds. */
function ringIndexes(state: { count: number; capacity: number }): number[] {
  const first = Math.max(0, state.count - state.capacity);
  return Array.from({ length: state.count - first }, (_, i) => first + i);
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function confusionReport(state: ClassificationMetricsState): ConfusionReport {
  const indexes = ringIndexes(state);
  const truth = indexes.map((i) => state.true_class[i % state.capacity]!);
  const predicted = indexes.map((i) => state.predicted_class[i % state.capacity]!);
  // The most frequent true classes keep their own row; a class never seen as truth still gets a column if predicted.
  const frequency = new Map<number, number>();
  for (const t of truth) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  for (const p of predicted) if (p >= 0 && !frequency.has(p)) frequency.set(p, 0);
  const ranked = [...frequency.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const pooled = ranked.length > CONFUSION_CLASSES;
  const shown = pooled ? ranked.slice(0, CONFUSION_CLASSES - 1) : ranked;
  const position = new Map(shown.map((c, i) => [c, i]));
  const size = shown.length + (pooled ? 1 : 0);
  const cell = (c: number): number => position.get(c) ?? size - 1;
  const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  let unpredicted = 0;
  truth.forEach((t, k) => {
    const p = predicted[k]!;
    if (p < 0) unpredicted++;
    else counts[cell(t)]![cell(p)]!++;
  });
  const classes = [...shown.map((c) => state.classes[c] ?? String(c)), ...(pooled ? [OTHER_CLASS] : [])];
  const perClass = classes.map((name, i) => {
    const tp = counts[i]![i]!;
    const actual = counts[i]!.reduce((a, b) => a + b, 0);
    const called = counts.reduce((a, row) => a + row[i]!, 0);
    const precision = ratio(tp, called);
    const recall = ratio(tp, actual);
    const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : precision === null || recall === null ? null : 0;
    return { class: name, support: actual, precision, recall, f1 };
  });
  return { kind: "classification", examples: indexes.length, classes, counts, unpredicted, perClass };
}

export function residualReport(state: RegressionMetricsState): ResidualReport {
  const indexes = ringIndexes(state).slice(-RESIDUAL_POINTS);
  const points = indexes.map((i) => {
    const slot = i % state.capacity;
    const residual = state.residual[slot]!;
    return { predicted: state.y[slot]! - residual, residual };
  });
  return { kind: "regression", examples: ringIndexes(state).length, points };
}

/** How the model did on the last examples it scored (up to the largest rolling window). */
export function windowQuality(monitor: LoopMonitorState): WindowQuality {
  return monitor.task_type === "classification" ? confusionReport(monitor.model) : residualReport(monitor.model);
}
