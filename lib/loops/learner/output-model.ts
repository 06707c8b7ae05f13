import type { LoopSpec } from "../types";
import type { LearnerState } from "./state";
import { populationStd } from "./welford";

/**
 * The link between margins and outputs (§2): linear for regression (with the target scale), logistic
 * for a boolean output, softmax over the known classes otherwise.
 */
export type OutputKind = "regression" | "binary" | "multiclass";

export function outputKind(spec: LoopSpec): OutputKind {
  if (spec.task_type === "regression") return "regression";
  return spec.output.type === "boolean" ? "binary" : "multiclass";
}

/** ±35 before the sigmoid only, for numerical safety; explanations use the unclamped margin. */
export const MARGIN_CLAMP = 35;

export function sigmoid(m: number): number {
  const clamped = Math.max(-MARGIN_CLAMP, Math.min(MARGIN_CLAMP, m));
  return 1 / (1 + Math.exp(-clamped));
}

/** Softmax after subtracting the largest margin. */
export function softmax(margins: number[]): number[] {
  let max = -Infinity;
  for (const m of margins) if (m > max) max = m;
  const out = new Array<number>(margins.length);
  let sum = 0;
  for (let k = 0; k < margins.length; k++) {
    const e = Math.exp(margins[k]! - max);
    out[k] = e;
    sum += e;
  }
  for (let k = 0; k < out.length; k++) out[k] = out[k]! / sum;
  return out;
}

/** First index of the largest value: ties go to the class seen first. */
export function argmax(values: number[]): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k]! > values[best]!) best = k;
  return best;
}

/**
 * Regression: ŷ = offset + scale·m. With target standardisation, offset μ_y and scale σ_y once n_y > 1
 * and σ_y > 0, else scale 1 (§2); without it, ŷ = m. A fresh loop therefore predicts 0.
 */
export function targetScale(spec: LoopSpec, state: LearnerState): { offset: number; scale: number } {
  if (!spec.settings.target_standardization) return { offset: 0, scale: 1 };
  const std = populationStd(state.target);
  return { offset: state.target.mean, scale: state.target.n > 1 && std > 0 ? std : 1 };
}
