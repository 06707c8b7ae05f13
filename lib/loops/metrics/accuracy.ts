import type { ClassificationObservation, Metric } from "./metric";

export interface AccuracyState {
  n: number;
  correct: number;
}

/** The share of examples whose predicted class was the true one (no prediction counts as wrong). */
export const accuracy: Metric<AccuracyState, ClassificationObservation> = {
  name: "accuracy",
  label: "Accuracy",
  better: "higher",
  rebuilt: false,
  create: () => ({ n: 0, correct: 0 }),
  update(s, o) {
    s.n += 1;
    if (o.t === o.p) s.correct += 1;
  },
  revert(s, o) {
    s.n -= 1;
    if (o.t === o.p) s.correct -= 1;
  },
  value: (s) => (s.n === 0 ? null : s.correct / s.n),
};
