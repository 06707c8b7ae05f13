import { describe, expect, it } from "vitest";
import { isDict, isObject, readModelFile } from "../../pickle";
import { loadEstimator } from "../index";
import { checkOutputs, expectClose, expected, fileCases, loadFixture, model, FIXTURES } from "../testing/linear-family-fixtures";
import { readFileSync } from "node:fs";
import path from "node:path";
import { multiclassProbability } from "./probability";

const SVMS = [
  "svc_rbf_proba",
  "svc_poly_ovo",
  "svc_linear_binary_proba",
  "svc_sigmoid_binary",
  "svc_rbf_break_ties",
  "nusvc_rbf_proba",
  "svr_rbf",
  "svr_linear",
  "nusvr_poly",
  "linear_svr",
];

interface EnumeratedShap {
  background: number[][];
  output: string[];
  base_value: number[];
  values: number[][];
}

describe("SVMs match scikit-learn 1.2.1", () => {
  it.each(fileCases(SVMS))("%s (%s)", (name, _fmt, file) => {
    checkOutputs(loadFixture(file), model(name));
  });

  it("probabilities sum to one and predict_proba exists only when fitted with probability=True", () => {
    for (const name of ["svc_rbf_proba", "nusvc_rbf_proba", "svc_linear_binary_proba"]) {
      for (const p of loadFixture(`models/${name}.p4.pkl`).predictProba!(model(name).X)) {
        expect(Math.abs(p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
      }
    }
    expect(loadFixture("models/svc_poly_ovo.p4.pkl").predictProba).toBeUndefined();
  });

  it("libsvm's coupling gives a two-class pair back only up to its stopping rule (as scikit-learn does)", () => {
    const p = multiclassProbability([[0, 0.8], [0.2, 0]]);
    expect(Math.abs(p[0]! - 0.8)).toBeLessThan(0.005 / 2);
    expect(p[0]).not.toBe(0.8);
    expectClose(p[0]! + p[1]!, 1, 1e-15);
  });
});

describe("SVM explanations", () => {
  it.each(["svr_linear", "linear_svr"])("%s: exact linear SHAP of the prediction", (name) => {
    const m = model(name);
    const est = loadFixture(m.files.protocol4 as string);
    const ctx = { background: [expected.background_means[m.dataset]!] };
    m.X.forEach((x, r) => {
      const e = est.explain!(x, ctx);
      expect(e).toMatchObject({ method: "linear", exact: true, output: "predict" });
      expectClose(e.base_value, m.shap!.expected_value as number, 1e-9, 1);
      expectClose(e.values, (m.shap!.values as number[][])[r], 1e-9, 1);
    });
  });

  it("binary linear SVC: exact linear SHAP of the decision function", () => {
    const m = model("svc_linear_binary_proba");
    const est = loadFixture(m.files.joblib as string);
    const ctx = { background: [expected.background_means[m.dataset]!] };
    m.X.forEach((x, r) => {
      const e = est.explain!(x, ctx);
      expect(e.output).toBe("decision_function");
      expectClose(e.values, (m.shap!.values as number[][][])[r]![0], 1e-9, 1);
      expectClose(e.value, (m.decision_function as number[])[r], 1e-9);
    });
  });

  it.each(["svc_rbf_proba", "svc_poly_ovo", "nusvc_rbf_proba", "svr_rbf", "nusvr_poly"])(
    "%s: coalition enumeration equals the brute-force reference",
    (name) => {
      const m = model(name);
      const ref = (m as unknown as { shap_enumeration: EnumeratedShap }).shap_enumeration;
      const est = loadFixture(m.files.protocol5 as string);
      // The regressors keep hundreds of support vectors: two rows, without a latency budget, are enough.
      const rows = m.X.slice(0, est.kind === "regressor" ? 2 : m.X.length);
      rows.forEach((x, r) => {
        const e = est.explain!(x, { background: ref.background, budgetMs: Infinity });
        expect(e).toMatchObject({ method: "shapley_enumeration", exact: true, background: "data_file", samples: ref.background.length });
        expect(e.output).toBe(ref.output[r]);
        expectClose(e.base_value, ref.base_value[r], 1e-9, 1);
        expectClose(e.values, ref.values[r], 1e-9, 1);
        expect(e.residual).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e.value)));
      });
    },
  );

  it("within the default latency budget a costly model enumerates fewer background rows, or samples", () => {
    const m = model("svr_rbf");
    const ref = (m as unknown as { shap_enumeration: EnumeratedShap }).shap_enumeration;
    const t0 = Date.now();
    const e = loadFixture(m.files.protocol4 as string).explain!(m.X[0]!, { background: ref.background, seed: 1 });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(e.samples).toBeLessThan(ref.background.length);
    expect(e.residual).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e.value)));
  });

  it("without uploaded data the support vectors are the background", () => {
    const m = model("svc_rbf_proba");
    const e = loadFixture(m.files.protocol4 as string).explain!(m.X[0]!, {});
    expect(e).toMatchObject({ method: "shapley_enumeration", background: "model" });
  });
});

describe("malformed or unservable SVM states", () => {
  function tampered(name: string, key: string, value: unknown) {
    const read = readModelFile(readFileSync(path.join(FIXTURES, model(name).files.protocol4 as string)));
    if (!read.ok || !isObject(read.value) || !isDict(read.value.state)) throw new Error("fixture unreadable");
    read.value.state.set(key, value as never);
    return loadEstimator(read.value, expected.sklearn);
  }

  it("refuses a callable or precomputed kernel as unsupported", () => {
    expect(tampered("svc_rbf_proba", "kernel", "precomputed")).toMatchObject({ ok: false, code: "unsupported_class" });
  });

  it("gives a load error when n_support_ does not add up", () => {
    const bad = { $kind: "ndarray", dtype: { $kind: "dtype", kind: "i", itemsize: 4, byteorder: "<", str: "<i4", names: null, fields: null }, shape: [3], fortran: false, data: new Int32Array([1, 1, 1]) };
    expect(tampered("svc_rbf_proba", "_n_support", bad)).toMatchObject({ ok: false, code: "malformed" });
  });

  it("refuses more classes than probability coupling can afford", () => {
    expect(tampered("svc_rbf_proba", "_n_support", new Array<number>(300).fill(0))).toMatchObject({ ok: false, code: "unsupported_class", message: expect.stringMatching(/at most 256/) });
  });

  it("gives a load error when the Platt parameters do not match the class pairs", () => {
    expect(tampered("svc_rbf_proba", "_probA", [1, 2])).toMatchObject({ ok: false, code: "malformed" });
  });
});
