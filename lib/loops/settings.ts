import { count, MAX_CATEGORY_CAP } from "./limits";
import type { LearnerSettings } from "./types";

/**
 * The default learner of the specification (§2): AdaGrad 0.1 with target standardisation. These are
 * the settings the §6.3 reference figures were measured with; the River replica (§6.1) overrides them.
 */
export const DEFAULT_SETTINGS: LearnerSettings = Object.freeze({
  optimizer: "adagrad",
  learning_rate: 0.1,
  intercept_learning_rate: 0.1,
  l2: 0,
  target_standardization: true,
  squared_loss_gradient: "residual",
  category_cap: 1000,
  hash_bits: 10,
  clip: null,
  reset_on_drift: false,
});

/**
 * Fills in the defaults. The intercept follows the weights' learning rate unless it is given itself,
 * so `{ learning_rate: 0.01 }` means 0.01 for both, as in River. `undefined` values count as absent.
 */
export function resolveSettings(partial?: Partial<LearnerSettings>): LearnerSettings {
  const given: Partial<LearnerSettings> = {};
  for (const [key, value] of Object.entries(partial ?? {})) {
    if (value !== undefined) (given as Record<string, unknown>)[key] = value;
  }
  const learningRate = given.learning_rate ?? DEFAULT_SETTINGS.learning_rate;
  return {
    ...DEFAULT_SETTINGS,
    ...given,
    learning_rate: learningRate,
    intercept_learning_rate: given.intercept_learning_rate ?? (given.learning_rate !== undefined ? learningRate : DEFAULT_SETTINGS.intercept_learning_rate),
  };
}

/** Largest hash_bits accepted: 2^20 buckets per field is already far past what a loop should hold. */
export const MAX_HASH_BITS = 20;

/** Human-readable problems with a settings object (empty when it is usable). */
export function settingsProblems(settings: LearnerSettings): string[] {
  const problems: string[] = [];
  const positive = (name: keyof LearnerSettings, v: unknown) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) problems.push(`${name} must be a positive number`);
  };
  if (settings.optimizer !== "adagrad" && settings.optimizer !== "sgd") problems.push(`optimizer must be "adagrad" or "sgd"`);
  positive("learning_rate", settings.learning_rate);
  if (typeof settings.intercept_learning_rate !== "number" || !Number.isFinite(settings.intercept_learning_rate) || settings.intercept_learning_rate < 0) {
    problems.push("intercept_learning_rate must be a number ≥ 0");
  }
  if (typeof settings.l2 !== "number" || !Number.isFinite(settings.l2) || settings.l2 < 0) problems.push("l2 must be a number ≥ 0");
  if (typeof settings.target_standardization !== "boolean") problems.push("target_standardization must be a boolean");
  if (settings.squared_loss_gradient !== "residual" && settings.squared_loss_gradient !== "twice_residual") {
    problems.push(`squared_loss_gradient must be "residual" or "twice_residual"`);
  }
  if (!Number.isSafeInteger(settings.category_cap) || settings.category_cap < 0 || settings.category_cap > MAX_CATEGORY_CAP) {
    problems.push(`category_cap must be an integer from 0 to ${count(MAX_CATEGORY_CAP)}`);
  }
  if (!Number.isSafeInteger(settings.hash_bits) || settings.hash_bits < 0 || settings.hash_bits > MAX_HASH_BITS) {
    problems.push(`hash_bits must be an integer from 0 to ${MAX_HASH_BITS}`);
  }
  if (settings.clip !== null && (typeof settings.clip !== "number" || !Number.isFinite(settings.clip) || settings.clip <= 0)) {
    problems.push("clip must be null or a positive number");
  }
  if (typeof settings.reset_on_drift !== "boolean") problems.push("reset_on_drift must be a boolean");
  return problems;
}
