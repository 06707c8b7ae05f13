import { describe, expect, it } from "vitest";
import {
  driftListOf,
  driftRowsOf,
  featureListOf,
  featureRowsOf,
  hyperparameterListOf,
  hyperparameterRowProblems,
  hyperparameterRowsOf,
  metadataProblems,
  moveRow,
  thresholdListOf,
  thresholdRowsOf,
} from "./metadata-rows";

describe("the model page's metadata rows", () => {
  it("round-trips features in order, leaving out an unset type and blank units", () => {
    const features = [
      { feature_name: "age", type: "cont", kind: 0, units: "years" },
      { feature_name: "city", type: "cat", kind: 0 },
      { feature_name: "price", kind: 1 },
    ];
    const rows = featureRowsOf(features);
    expect(rows.map((r) => r.feature_name)).toEqual(["age", "city", "price"]);
    expect(rows[2]).toEqual({ feature_name: "price", type: "", kind: "1", units: "" });
    expect(featureListOf(rows)).toEqual(features);
    expect(featureListOf([{ feature_name: " x ", type: "cat", kind: "1", units: " " }])).toEqual([{ feature_name: "x", type: "cat", kind: 1 }]);
    expect(featureRowsOf([{ feature_name: "w", kind: 0, units: 3 }])[0]!.units).toBe("3");
  });

  it("types hyperparameter values as numbers, text, booleans or null", () => {
    const list = [
      { parameter: "alpha", value: 0.5 },
      { parameter: "solver", value: "lbfgs" },
      { parameter: "fit_intercept", value: true },
      { parameter: "random_state", value: null },
    ];
    const rows = hyperparameterRowsOf(list);
    expect(rows.map((r) => r.valueType)).toEqual(["number", "string", "boolean", "null"]);
    expect(hyperparameterListOf(rows)).toEqual(list);
    const typed = hyperparameterListOf([{ parameter: "n", valueType: "number", value: "1e3" }, { parameter: "s", valueType: "string", value: "10" }, { parameter: "b", valueType: "boolean", value: "false" }]);
    expect(typed).toEqual([{ parameter: "n", value: 1000 }, { parameter: "s", value: "10" }, { parameter: "b", value: false }]);
    expect(hyperparameterRowProblems([{ parameter: "n", valueType: "number", value: "ten" }, { parameter: "m", valueType: "number", value: "" }])).toEqual([
      "hyperparameter.0.value: Expected a number",
      "hyperparameter.1.value: Expected a number",
    ]);
  });

  it("reads thresholds' order as higher or lower is better, and writes 1 / 0 and numbers", () => {
    const rows = thresholdRowsOf([{ metric: "r2", order: 1, threshold: 0.4 }, { metric: "mae", order: -1, threshold: "0.89" }, { metric: "F1" }]);
    expect(rows).toEqual([
      { metric: "r2", order: "higher", threshold: "0.4" },
      { metric: "mae", order: "lower", threshold: "0.89" },
      { metric: "F1", order: "", threshold: "" },
    ]);
    expect(thresholdListOf(rows)).toEqual([{ metric: "r2", order: 1, threshold: 0.4 }, { metric: "mae", order: 0, threshold: 0.89 }, { metric: "F1" }]);
    expect(thresholdListOf([{ metric: "x", order: "higher", threshold: "high" }])).toEqual([{ metric: "x", order: 1, threshold: "high" }]);
  });

  it("round-trips drift settings", () => {
    const list = [{ is_true: 1, method: 2 }, { is_true: 0, method: 0 }];
    expect(driftListOf(driftRowsOf(list))).toEqual(list);
  });

  it("moves a row, keeping the others' order", () => {
    expect(moveRow(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveRow(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveRow(["a", "b"], 1, 2)).toEqual(["a", "b"]);
  });

  it("reports what PATCH /model/{id} would refuse, by field and row", () => {
    expect(metadataProblems("featurelist", featureListOf([{ feature_name: "ok", type: "cont", kind: "0", units: "" }]))).toEqual([]);
    expect(metadataProblems("featurelist", featureListOf([{ feature_name: "", type: "cont", kind: "0", units: "" }]))).toEqual([expect.stringMatching(/^featurelist\.0\.feature_name: /)]);
    expect(metadataProblems("modelperformance", thresholdListOf([{ metric: "x", order: "higher", threshold: "high" }]))).toEqual([
      "modelperformance.0.threshold: Expected a number or a numeric string",
    ]);
    expect(metadataProblems("drift_detection", [{ is_true: 1, method: 5 }])).toHaveLength(1);
    expect(metadataProblems("hyperparameter", [{ parameter: "a", value: [] }])).not.toEqual([]);
    expect(metadataProblems("drift_detection", Array.from({ length: 11 }, () => ({ is_true: 1, method: 0 })))).toEqual(["drift_detection: At most 10 entries"]);
  });
});
