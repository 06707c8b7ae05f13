import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isDict, isObject, readModelFile, type PyValue } from "../../pickle";
import { loadEstimator } from "../index";
import { FIXTURES, checkOutputs, expected, fileCases, loadFixture, model } from "../testing/linear-family-fixtures";

const NAMES = ["voting_classifier_soft", "voting_classifier_hard", "voting_regressor", "stacking_classifier", "stacking_regressor"];

describe("voting and stacking match scikit-learn 1.2.1 (fixtures without their named_estimators_ Bunch)", () => {
  it.each(fileCases(NAMES))("%s (%s)", (name, _fmt, file) => {
    checkOutputs(loadFixture(file), model(name));
  });

  it.each(["voting_classifier_soft", "stacking_regressor"])("%s is explained by coalition enumeration, additively", (name) => {
    const m = model(name);
    const e = loadFixture(m.files.protocol4 as string).explain!(m.X[1]!, { background: m.X });
    expect(e).toMatchObject({ method: "shapley_enumeration", exact: true, background: "data_file" });
    expect(e.residual).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e.value)));
  });
});

describe("malformed voting and stacking states", () => {
  function tampered(name: string, key: string, value: unknown) {
    const read = readModelFile(readFileSync(path.join(FIXTURES, model(name).files.protocol4 as string)));
    if (!read.ok || !isObject(read.value) || !isDict(read.value.state)) throw new Error("fixture unreadable");
    read.value.state.set(key, value as PyValue);
    return loadEstimator(read.value, expected.sklearn);
  }

  it("weights that do not match the estimators are a load error", () => {
    expect(tampered("voting_regressor", "weights", [1, 2, 3])).toMatchObject({ ok: false, code: "malformed" });
  });

  it("an unknown stack method is a load error", () => {
    expect(tampered("stacking_classifier", "stack_method_", ["predict", "transform", "predict"])).toMatchObject({ ok: false, code: "malformed" });
  });
});
