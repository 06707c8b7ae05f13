import type { ClassificationObservation, Metric } from "./metric";

/** Probabilities are clipped before the log so a confident miss costs ≈ 34.5, not Infinity. */
export const LOG_LOSS_CLIP = 1e-15;

/** −log p of the probability given to the true class, clipped to [1e-15, 1 − 1e-15]. */
export function logLossOf(pTrue: number): number {
  return -Math.log(Math.min(Math.max(pTrue, LOG_LOSS_CLIP), 1 - LOG_LOSS_CLIP));
}

export interface LogLossState {
  /** Examples that came with probabilities: the mean is over these only. */
  n: number;
  sum: number;
}

/** Mean log-loss of the probability given to the true class. */
export const logLoss: Metric<LogLossState, ClassificationObservation> = {
  name: "log_loss",
  label: "Log-loss",
  better: "lower",
  rebuilt: true,
  create: () => ({ n: 0, sum: 0 }),
  update(s, o) {
    if (o.ll === null) return;
    s.n += 1;
    s.sum += o.ll;
  },
  revert(s, o) {
    if (o.ll === null) return;
    s.n -= 1;
    s.sum -= o.ll;
    if (s.n === 0) s.sum = 0;
  },
  value: (s) => (s.n === 0 ? null : s.sum / s.n),
};
