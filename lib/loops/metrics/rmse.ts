import type { Metric, RegressionObservation } from "./metric";

export interface RmseState {
  n: number;
  sq_sum: number;
}

/** Root mean squared error. */
export const rmse: Metric<RmseState, RegressionObservation> = {
  name: "rmse",
  label: "RMSE",
  better: "lower",
  rebuilt: true,
  create: () => ({ n: 0, sq_sum: 0 }),
  update(s, o) {
    s.n += 1;
    s.sq_sum += o.r * o.r;
  },
  revert(s, o) {
    s.n -= 1;
    s.sq_sum = s.n === 0 ? 0 : s.sq_sum - o.r * o.r;
  },
  value: (s) => (s.n === 0 ? null : Math.sqrt(Math.max(0, s.sq_sum) / s.n)),
};
