import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, resolveSettings, settingsProblems } from "./settings";

describe("learner settings", () => {
  it("default to AdaGrad 0.1 with target standardisation", () => {
    expect(resolveSettings()).toEqual({
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
    expect(resolveSettings({})).toEqual(DEFAULT_SETTINGS);
    expect(settingsProblems(DEFAULT_SETTINGS)).toEqual([]);
  });

  it("the intercept follows the learning rate unless given", () => {
    expect(resolveSettings({ learning_rate: 0.01 })).toMatchObject({ learning_rate: 0.01, intercept_learning_rate: 0.01 });
    expect(resolveSettings({ learning_rate: 0.01, intercept_learning_rate: 0.5 })).toMatchObject({ intercept_learning_rate: 0.5 });
    expect(resolveSettings({ intercept_learning_rate: 0.5 })).toMatchObject({ learning_rate: 0.1, intercept_learning_rate: 0.5 });
    expect(resolveSettings({ learning_rate: undefined, clip: 5 })).toMatchObject({ learning_rate: 0.1, clip: 5 });
  });

  it("lists unusable values", () => {
    expect(settingsProblems({ ...DEFAULT_SETTINGS, learning_rate: -1, hash_bits: 40, clip: 0 })).toHaveLength(3);
  });
});
