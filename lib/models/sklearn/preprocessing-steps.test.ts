import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isDict, isList, isObject, isTuple, readModelFile, type PyValue } from "../pickle";
import { npPercentile } from "./feature-selection";
import { loadEstimator, registryContext } from "./index";
import { InputError } from "./input";
import { FIXTURES, checkOutputs, expectClose, expected, fileCases, loadFixture, model } from "./testing/linear-family-fixtures";

const PIPELINES = [
  "pipeline_minmax_poly_ridge",
  "pipeline_impute_robust_pca_logreg",
  "pipeline_columns_selectors_logreg",
  "pipeline_log_percentile_svd_nb",
  "pipeline_select_from_model_l1",
  "pipeline_select_from_model_median",
  "pipeline_nested_columns_svc",
];

/** get_support(indices=True) of the fixtures' SelectFromModel steps, as scikit-learn 1.2.1 printed them. */
const SUPPORT_L1 = [7, 10, 20, 21, 24, 26, 27, 28];
const SUPPORT_MEDIAN = [1, 2, 3];

interface EnumeratedShap {
  background: number[][];
  output: string[];
  base_value: number[];
  values: number[][];
}

const seq = (v: PyValue | undefined): PyValue[] => (isList(v) || isTuple(v) ? v : []);

function fixtureValue(name: string): PyValue {
  const read = readModelFile(readFileSync(path.join(FIXTURES, model(name).files.protocol4 as string)));
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

/** The named step object of a fixture pipeline. */
function step(name: string, index: number): PyValue {
  const top = fixtureValue(name);
  if (!isObject(top) || !isDict(top.state)) throw new Error("fixture layout changed");
  return seq(seq(top.state.get("steps"))[index])[1]!;
}

function withState(obj: PyValue, key: string, value: unknown): PyValue {
  if (!isObject(obj) || !isDict(obj.state)) throw new Error("not an object");
  obj.state.set(key, value as never);
  return obj;
}

describe("pipelines of the other preprocessing steps match scikit-learn 1.2.1", () => {
  it.each(fileCases(PIPELINES))("%s (%s)", (name, _fmt, file) => {
    checkOutputs(loadFixture(file), model(name));
  });

  it.each(["pipeline_minmax_poly_ridge", "pipeline_impute_robust_pca_logreg"])(
    "%s mixes columns: explained on its raw inputs by coalition enumeration, equal to the reference",
    (name) => {
      const m = model(name);
      const ref = (m as unknown as { shap_enumeration: EnumeratedShap }).shap_enumeration;
      const est = loadFixture(m.files.joblib as string);
      m.X.forEach((x, r) => {
        const e = est.explain!(x, { background: ref.background });
        expect(e).toMatchObject({ method: "shapley_enumeration", exact: true, output: ref.output[r], background: "data_file" });
        expectClose(e.base_value, ref.base_value[r], 1e-9, 1);
        expectClose(e.values, ref.values[r], 1e-9, 1);
      });
    },
  );

  it("a pipeline without mixing steps still sums the final step's exact explanation back onto its inputs", () => {
    const m = model("pipeline_columns_selectors_logreg");
    const e = loadFixture(m.files.protocol5 as string).explain!(m.X[3]!, { background: m.X });
    expect(e).toMatchObject({ method: "linear", exact: true });
    expect(e.values).toHaveLength(5);
    // SelectKBest dropped a column: it gets nothing.
    expect(e.values.filter((v) => v === 0).length).toBeGreaterThanOrEqual(1);
  });

  it("30 inputs through PCA-like steps: no exact explainer (the caller samples)", () => {
    expect(loadFixture("models/pipeline_log_percentile_svd_nb.p4.pkl").explain).toBeUndefined();
  });
});

describe("preprocessing steps on their own terms", () => {
  const ctx = registryContext(expected.sklearn);

  it("SimpleImputer fills the missing marker with the median and appends MissingIndicator's columns", () => {
    const imputer = ctx.loadStep(step("pipeline_impute_robust_pca_logreg", 0));
    expect(imputer.nOut).toBe(6);
    const out = imputer.transform([-1, 3, -1, 0.2], 0);
    expect(out.slice(4)).toEqual([1, 1]);
    expect(out[1]).toBe(3);
    // SimpleImputer's own MissingIndicator has error_on_new=False: a column untracked at fit is imputed silently.
    expect(imputer.transform([5, 3, 1, -1], 0).slice(4)).toEqual([0, 0]);
  });

  it("OrdinalEncoder: unknown categories are an error, or unknown_value when configured", () => {
    const ct = step("pipeline_columns_selectors_logreg", 0);
    const enc = seq(seq((isObject(ct) && isDict(ct.state) ? ct.state.get("transformers_") : null) ?? null)[2])[1]!;
    expect(() => ctx.loadStep(enc).transform(["huge"], 0)).toThrow(InputError);
    withState(enc, "handle_unknown", "use_encoded_value");
    withState(enc, "unknown_value", -7);
    expect(ctx.loadStep(enc).transform(["huge"], 0)).toEqual([-7]);
    expect(ctx.loadStep(enc).transform(["wide"], 0)).toEqual([2]);
  });

  it("SelectFromModel keeps exactly scikit-learn's columns, and refuses estimators ranked by feature_importances_", () => {
    const l1 = ctx.loadStep(step("pipeline_select_from_model_l1", 0));
    expect(l1.nIn).toBe(30);
    expect(l1.nOut).toBe(SUPPORT_L1.length);
    expect(l1.sourceOf).toEqual(SUPPORT_L1);
    const median = ctx.loadStep(step("pipeline_select_from_model_median", 0));
    expect(median.sourceOf).toEqual(SUPPORT_MEDIAN);
    const sel = step("pipeline_select_from_model_median", 0);
    const inner = isObject(sel) && isDict(sel.state) ? sel.state.get("estimator_") : null;
    withState(inner ?? null, "coef_", null);
    expect(() => ctx.loadStep(sel)).toThrow(/feature_importances_/);
  });

  it("a ColumnTransformer from before 1.0 selects DataFrame columns by its _feature_names_in", () => {
    const top = fixtureValue("column_transformer_onehot_logreg");
    const ct = step("column_transformer_onehot_logreg", 0);
    if (!isObject(ct) || !isDict(ct.state) || !isObject(top) || !isDict(top.state)) throw new Error("layout changed");
    const names = ["a", "b", "c", "d", "kind"];
    const byName = seq(ct.state.get("transformers_")).map((e) => {
      const [n, t, sel] = seq(e);
      const cols = Array.isArray(sel) ? (sel as number[]).map((i) => names[Number(i)]!) : sel;
      return Object.freeze([n!, t!, cols as PyValue]) as PyValue;
    });
    ct.state.set("transformers_", byName);
    ct.state.delete("feature_names_in_");
    ct.state.set("_feature_names_in", names);
    seq(top.state.get("steps"))[0] = Object.freeze(["prep", ct]) as PyValue;
    const loaded = loadEstimator(top, expected.sklearn);
    if (!loaded.ok) throw new Error(loaded.message);
    const m = model("column_transformer_onehot_logreg");
    expect(loaded.estimator.predict(m.X)).toEqual(m.predict);
    expect(loaded.estimator.featureNames).toEqual(names);
  });

  it("numpy's linear percentile", () => {
    expect(npPercentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(npPercentile([5, 1, 3], 100)).toBe(5);
    expect(npPercentile([5, 1, 3], 0)).toBe(1);
    expect(npPercentile([0, 10], 70)).toBeCloseTo(7, 14);
  });

  it("FunctionTransformer serves numpy ufuncs only", () => {
    const ft = step("pipeline_log_percentile_svd_nb", 0);
    const row = Array.from({ length: 30 }, (_, j) => j / 4);
    expect(ctx.loadStep(ft).transform(row, 0)).toEqual(row.map(Math.log1p));
    // numpy before 1.16 pickled ufuncs from numpy.core.umath.
    withState(ft, "func", { $kind: "global", name: "numpy.core.umath.sqrt" });
    expect(ctx.loadStep(ft).transform(row, 0)).toEqual(row.map(Math.sqrt));
    withState(ft, "func", { $kind: "global", name: "numpy.core._multiarray_umath.arccos" });
    expect(() => ctx.loadStep(ft)).toThrow(/served only with a numpy ufunc/);
    withState(ft, "func", null);
    withState(ft, "kw_args", new Map([["x", 1]]));
    expect(() => ctx.loadStep(ft)).toThrow(/kw_args/);
  });

  it("the served ufuncs, selectors' score functions and MissingIndicator are admitted by the reader", () => {
    const bytes = readFileSync(path.join(FIXTURES, model("pipeline_log_percentile_svd_nb").files.protocol2 as string));
    expect(readModelFile(bytes).ok).toBe(true);
  });

  it("PolynomialFeatures refuses a term count it cannot bound, and a declared count that disagrees", () => {
    const poly = step("pipeline_minmax_poly_ridge", 1);
    withState(poly, "n_output_features_", 65);
    expect(() => ctx.loadStep(poly)).toThrow(/n_output_features_/);
    withState(poly, "_max_degree", 40);
    expect(() => ctx.loadStep(poly)).toThrow(/more than 100000 output columns/);
  });

  it("a malformed step fails the pipeline's load with a clear error, not a crash", () => {
    const top = fixtureValue("pipeline_impute_robust_pca_logreg");
    const pca = seq(seq(isObject(top) && isDict(top.state) ? top.state.get("steps") : null)[2])[1]!;
    withState(pca, "components_", [[1, 2], [3, 4]]);
    expect(loadEstimator(top, expected.sklearn)).toMatchObject({ ok: false, code: "malformed" });
  });
});
