import type { Metric, RegressionObservation } from "./metric";

export interface R2State {
  n: number;
  /** SSE. */
  sq_sum: number;
  /** Welford stats of the scored targets: SST = y_m2. */
  y_mean: number;
  y_m2: number;
}

/** R² = 1 − SSE/SST, with SST around the mean of the scored targets; null while SST = 0. */
export const r2: Metric<R2State, RegressionObservation> = {
  name: "r2",
  label: "R²",
  better: "higher",
  rebuilt: true,
  create: () => ({ n: 0, sq_sum: 0, y_mean: 0, y_m2: 0 }),
  update(s, o) {
    s.n += 1;
    s.sq_sum += o.r * o.r;
    const d = o.y - s.y_mean;
    s.y_mean += d / s.n;
    s.y_m2 += d * (o.y - s.y_mean);
  },
  /** The exact inverse of update up to rounding; this form keeps a constant window at SST = 0. */
  revert(s, o) {
    s.n -= 1;
    if (s.n === 0) {
      s.sq_sum = 0;
      s.y_mean = 0;
      s.y_m2 = 0;
      return;
    }
    s.sq_sum -= o.r * o.r;
    const meanBefore = s.y_mean;
    s.y_mean -= (o.y - meanBefore) / s.n;
    s.y_m2 = Math.max(0, s.y_m2 - (o.y - meanBefore) * (o.y - s.y_mean));
  },
  value: (s) => (s.y_m2 > 0 ? 1 - Math.max(0, s.sq_sum) / s.y_m2 : null),
};
