import { describe, expect, it } from "vitest";
import type { PyObject, PyValue } from "../../pickle/values";
import { loadEstimator } from "../index";

/** A two-tree binary model: tree 0 splits x0 at 0.5 (NaN → left), tree 1 splits x1 at 1 (missing type None: NaN → 0). */
const MODEL = [
  "tree",
  "version=v4",
  "num_class=1",
  "num_tree_per_iteration=1",
  "label_index=0",
  "max_feature_idx=1",
  "objective=binary sigmoid:1",
  "feature_names=a b",
  "",
  "Tree=0",
  "num_leaves=2",
  "num_cat=0",
  "split_feature=0",
  "threshold=0.5",
  "decision_type=10",
  "left_child=-1",
  "right_child=-2",
  "leaf_value=-0.25 0.75",
  "leaf_count=6 4",
  "internal_count=10",
  "is_linear=0",
  "shrinkage=1",
  "",
  "Tree=1",
  "num_leaves=2",
  "num_cat=0",
  "split_feature=1",
  "threshold=1",
  "decision_type=0",
  "left_child=-1",
  "right_child=-2",
  "leaf_value=0.125 -0.5",
  "leaf_count=7 3",
  "internal_count=10",
  "is_linear=0",
  "shrinkage=0.1",
  "",
  "end of trees",
  "",
].join("\n");

function lgbm(className: string, text: string, extra: [string, PyValue][] = []): PyObject {
  const booster: PyObject = { $kind: "object", $class: "lightgbm.basic.Booster", args: [], state: new Map<PyValue, PyValue>([["_handle", text], ["best_iteration", 0]]) };
  return { $kind: "object", $class: className, args: [], state: new Map<PyValue, PyValue>([["_Booster", booster], ["_n_features", 2], ...extra]) };
}

describe("LightGBM wrappers", () => {
  it("a binary classifier sums leaf values in double and applies the sigmoid; NaN follows each node's missing type", () => {
    const loaded = loadEstimator(lgbm("lightgbm.sklearn.LGBMClassifier", MODEL, [["_classes", ["no", "yes"]]]), null);
    if (!loaded.ok) throw new Error(loaded.message);
    const p = (raw: number) => 1 / (1 + Math.exp(-raw));
    expect(loaded.estimator.predictProba!([[0, 0]])).toEqual([[1 - p(-0.125), p(-0.125)]]);
    expect(loaded.estimator.predict([[1, 0], [0, 2], [Number.NaN, Number.NaN]])).toEqual(["yes", "no", "no"]);
    expect(loaded.estimator.featureNames).toEqual(["a", "b"]);
    const e = loaded.estimator.explain!([1, 2], {});
    expect(e.residual).toBeLessThan(1e-12);
    expect(e.base_value).toBeCloseTo(-0.25 * 0.6 + 0.75 * 0.4 + 0.125 * 0.7 - 0.5 * 0.3, 12);
  });

  it("a regressor's prediction is the raw score", () => {
    const loaded = loadEstimator(lgbm("lightgbm.sklearn.LGBMRegressor", MODEL.replace("objective=binary sigmoid:1", "objective=regression")), null);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.estimator.predict([[1, 2]])).toEqual([0.75 - 0.5]);
  });

  it("names what cannot be served", () => {
    const cat = lgbm("lightgbm.sklearn.LGBMRegressor", MODEL.replace("num_cat=0", "num_cat=1"));
    expect(loadEstimator(cat, null)).toMatchObject({ ok: false, code: "unsupported_class", message: expect.stringContaining("categorical splits") });
  });
});
