import { accuracy } from "./accuracy";
import { logLoss } from "./log-loss";
import { mae } from "./mae";
import { macroF1 } from "./macro-f1";
import type { ClassificationObservation, RegressionObservation } from "./metric";
import { r2 } from "./r2";
import type { AnyMetric } from "./rolling";
import { rmse } from "./rmse";

/**
 * Every metric a loop computes (docs/loops-learner.md §5.1), by task, in the order summaries, the API and the loop page list
 * them. A metric listed here is tracked for the model and each baseline, cumulatively and over the
 * rolling windows, and reaches GET /definitions/:loop_id/metrics and the loop page with no other change.
 */
export const CLASSIFICATION_METRICS: readonly AnyMetric<ClassificationObservation>[] = [accuracy, logLoss, macroF1];
export const REGRESSION_METRICS: readonly AnyMetric<RegressionObservation>[] = [mae, rmse, r2];

export interface MetricDescription {
  name: string;
  label: string;
  better: "higher" | "lower";
}

/** What a client or the loop page needs to show a task's metrics. */
export function describeMetrics(task: "classification" | "regression"): MetricDescription[] {
  return (task === "classification" ? CLASSIFICATION_METRICS : REGRESSION_METRICS).map(({ name, label, better }) => ({ name, label, better }));
}
