import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isDict, isObject, readModelFile } from "../pickle";
import { loadEstimator } from "./index";
import { FIXTURES, checkOutputs, expectClose, expected, fileCases, loadFixture, model } from "./testing/linear-family-fixtures";

const MLPS = ["mlp_classifier", "mlp_classifier_binary_tanh", "mlp_classifier_logistic_lbfgs", "mlp_classifier_identity_sgd", "mlp_regressor"];

interface EnumeratedShap {
  background: number[][];
  output: string[];
  base_value: number[];
  values: number[][];
}

describe("multi-layer perceptrons match scikit-learn 1.2.1", () => {
  it.each(fileCases(MLPS))("%s (%s)", (name, _fmt, file) => {
    checkOutputs(loadFixture(file), model(name));
  });

  it.each(["mlp_classifier", "mlp_classifier_binary_tanh", "mlp_regressor"])("%s: coalition enumeration equals the brute-force reference", (name) => {
    const m = model(name);
    const ref = (m as unknown as { shap_enumeration: EnumeratedShap }).shap_enumeration;
    const est = loadFixture(m.files.protocol5 as string);
    m.X.forEach((x, r) => {
      const e = est.explain!(x, { background: ref.background });
      expect(e).toMatchObject({ method: "shapley_enumeration", exact: true, output: ref.output[r], samples: ref.background.length });
      expectClose(e.base_value, ref.base_value[r], 1e-9, 1);
      expectClose(e.values, ref.values[r], 1e-9, 1);
    });
  });

  it("30 inputs: no exact explainer (the caller samples)", () => {
    expect(loadFixture("models/mlp_classifier_logistic_lbfgs.p4.pkl").explain).toBeUndefined();
  });
});

describe("unservable or malformed MLP states", () => {
  function tampered(key: string, value: unknown) {
    const read = readModelFile(readFileSync(path.join(FIXTURES, model("mlp_classifier").files.protocol4 as string)));
    if (!read.ok || !isObject(read.value) || !isDict(read.value.state)) throw new Error("fixture unreadable");
    read.value.state.set(key, value as never);
    return loadEstimator(read.value, expected.sklearn);
  }

  it("an unknown activation is unsupported, not guessed", () => {
    expect(tampered("activation", "gelu")).toMatchObject({ ok: false, code: "unsupported_class", message: expect.stringMatching(/gelu/) });
  });

  it("layers that do not chain are a load error", () => {
    expect(tampered("intercepts_", [[1, 2], [3]])).toMatchObject({ ok: false, code: "malformed" });
    expect(tampered("coefs_", "nope")).toMatchObject({ ok: false, code: "malformed" });
  });
});
