import type { Metric, RegressionObservation } from "./metric";

export interface MaeState {
  n: number;
  abs_sum: number;
}

/** Mean absolute error. */
export const mae: Metric<MaeState, RegressionObservation> = {
  name: "mae",
  label: "MAE",
  better: "lower",
  rebuilt: true,
  create: () => ({ n: 0, abs_sum: 0 }),
  update(s, o) {
    s.n += 1;
    s.abs_sum += Math.abs(o.r);
  },
  revert(s, o) {
    s.n -= 1;
    s.abs_sum = s.n === 0 ? 0 : s.abs_sum - Math.abs(o.r);
  },
  value: (s) => (s.n === 0 ? null : Math.max(0, s.abs_sum) / s.n),
};
