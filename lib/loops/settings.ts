import { learnerSettingsSchema, SETTING_NAMES } from "./schemas";
import type { LearnerSettings } from "./types";

/**
 * The default learner of the specification (docs/loops-learner.md §2): AdaGrad 0.1 with target standardisation. These are
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

/**
 * Human-readable problems with a settings object (empty when it is usable): each setting checked
 * against its schema (schemas.ts), in order, with the message that schema gives.
 */
export function settingsProblems(settings: LearnerSettings): string[] {
  const problems: string[] = [];
  for (const name of SETTING_NAMES) {
    const checked = learnerSettingsSchema.shape[name].safeParse(settings[name]);
    if (!checked.success) problems.push(checked.error.issues[0]!.message);
  }
  return problems;
}
