import { describe, expect, it } from "vitest";
import { isDict, isObject, type PyObject, type PyValue } from "../../pickle";
import { InputError } from "../input";
import { LoadError } from "../types";
import { expected, loadFile, loadValue, readValue, relClose } from "./testing";

const file = (name: string) => expected.models[name]!.files.protocol4 as string;
const stateOf = (v: PyValue) => (v as PyObject).state as Map<PyValue, PyValue>;

describe("inputs", () => {
  it("compares float32-cast inputs with the float64 thresholds, as sklearn does", () => {
    // Feature 2 of this row is float32(threshold) of node 11, which lies just above the float64
    // threshold: sklearn sends it right (93.44). Rounding thresholds to float32 instead would send it
    // left (68.571…), so thresholds stay float64.
    const x = [
      -0.0018820165277906047, -0.044641636506989144, -0.06279108673334122, -0.02632752814785296, -0.008448724111216851,
      -0.019163339748222204, 0.07441156407875721, -0.03949338287409329, -0.0683315470939731, -0.092204049626824,
    ];
    expect(loadFile(file("decision_tree_regressor")).predict([x])).toEqual([93.44]);
  });

  it.each(["decision_tree_classifier", "random_forest_regressor", "gradient_boosting_classifier_binary"])(
    "%s refuses NaN and infinity (sklearn's check_array), and values beyond float32",
    (name) => {
      const est = loadFile(file(name));
      const x = expected.models[name]!.X[0]!;
      for (const bad of [NaN, Infinity, -Infinity, 1e39, "nan"]) {
        const row = [bad, ...x.slice(1)];
        expect(() => est.predict([row])).toThrow(InputError);
        expect(() => est.explain!(row, {})).toThrow(InputError);
      }
    },
  );

  it("refuses rows of the wrong width and non-numeric strings; numeric strings are parsed", () => {
    const m = expected.models.random_forest_classifier!;
    const est = loadFile(file("random_forest_classifier"));
    expect(() => est.predict([m.X[0]!.slice(1)])).toThrow(InputError);
    expect(() => est.predictProba!([[...m.X[0]!, 1]])).toThrow(InputError);
    expect(() => est.predict([["wide", 1, 1, 1]])).toThrow(InputError);
    expect(est.predictProba!([m.X[3]!.map(String)])).toEqual([m.predict_proba![3]]);
  });

  it("HistGradientBoosting routes NaN by missing_go_to_left and accepts ±inf (values from scikit-learn 1.2.1)", () => {
    const est = loadFile(file("hist_gradient_boosting_classifier_multiclass"));
    const X = [
      [NaN, NaN, NaN, NaN],
      [5.1, NaN, 1.4, NaN],
      [NaN, 3.0, 5.0, Infinity],
      [-Infinity, 3.0, NaN, 1.8],
    ];
    const dec = [
      [-2.263491150054256, 2.181408994377908, -2.2452470364511554],
      [2.701190454835941, -2.240663381497198, -2.2452470364511554],
      [-2.2676969437783883, -0.807524158159762, 2.0502070615062995],
      [-2.2649973999694564, -0.9100458180161952, 0.30760930721964286],
    ];
    const proba = [
      [0.011466603579662641, 0.9768556748478149, 0.011677721572522374],
      [0.9859501746721212, 0.007041012523618024, 0.007008812804260876],
      [0.012447424882826678, 0.05360736955990664, 0.9339452055572666],
      [0.055628178437186364, 0.21564670880870646, 0.7287251127541072],
    ];
    expect(est.predict(X)).toEqual([1, 0, 2, 2]);
    est.decisionFunction!(X).forEach((row, i) => row.forEach((d, j) => expect(relClose(d, dec[i]![j]!)).toBe(true)));
    est.predictProba!(X).forEach((row, i) => row.forEach((p, j) => expect(relClose(p, proba[i]![j]!)).toBe(true)));
    for (const x of X) expect(est.explain!(x, {}).residual).toBeLessThanOrEqual(1e-9);

    const reg = loadFile(file("hist_gradient_boosting_regressor"));
    const d = expected.models.hist_gradient_boosting_regressor!.X;
    const rows = [d[0]!.map((v, j) => (j === 2 ? NaN : v)), d[1]!.map((v, j) => ([0, 3, 8].includes(j) ? NaN : v))];
    const want = [176.50787899623188, 114.19124029293958];
    reg.predict(rows).forEach((p, i) => expect(relClose(p as number, want[i]!)).toBe(true));
  });
});

describe("labels", () => {
  it("keep string classes as strings, in predictions and explanation output names", () => {
    const v = readValue(file("random_forest_classifier"));
    const names = ["setosa", "versicolor", "virginica"];
    stateOf(v).set("classes_", {
      $kind: "ndarray",
      dtype: { $kind: "dtype", kind: "O", itemsize: 8, byteorder: "|", str: "|O", names: null, fields: null },
      shape: [3],
      fortran: false,
      data: names,
    });
    const est = loadValue(v);
    const m = expected.models.random_forest_classifier!;
    expect(est.classes).toEqual(names);
    expect(est.predict(m.X)).toEqual((m.predict as number[]).map((k) => names[k]));
    expect(est.explain!(m.X[3]!, {}).output).toBe("predict_proba[class=versicolor]");
  });
});

describe("refusals", () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof LoadError ? e.code : `not a LoadError: ${String(e)}`;
    }
    return "loaded";
  };

  it("multi-output trees are unsupported", () => {
    const v = readValue(file("decision_tree_regressor"));
    stateOf(v).set("n_outputs_", 2);
    expect(code(() => loadValue(v))).toBe("unsupported_class");
  });

  it("a custom init estimator for gradient boosting is unsupported", () => {
    const v = readValue(file("gradient_boosting_regressor"));
    stateOf(v).set("init_", { $kind: "object", $class: "sklearn.linear_model._base.LinearRegression", args: [], state: new Map() });
    expect(code(() => loadValue(v))).toBe("unsupported_class");
  });

  it("init 'zero' starts the margin at 0", () => {
    const v = readValue(file("gradient_boosting_classifier_binary"));
    const base = loadValue(v).decisionFunction!([expected.models.gradient_boosting_classifier_binary!.X[0]!])[0]![0]!;
    stateOf(v).set("init_", "zero");
    const zero = loadValue(v).decisionFunction!([expected.models.gradient_boosting_classifier_binary!.X[0]!])[0]![0]!;
    // The default init is log(p/(1−p)) of the prior 1/3: −log 2.
    expect(zero - base).toBeCloseTo(Math.log(2), 12);
  });

  it("HistGradientBoosting categorical splits are unsupported", () => {
    const v = readValue(file("hist_gradient_boosting_regressor"));
    const predictor = (stateOf(v).get("_predictors") as PyValue[][])[0]![0]!;
    const nodes = (isObject(predictor) && isDict(predictor.state) ? predictor.state.get("nodes") : null) as { data: Uint8Array };
    nodes.data[47] = 1; // is_categorical of the root (offset 47 in the 52-byte record)
    expect(code(() => loadValue(v))).toBe("unsupported_class");
  });

  it("a tree whose child points back up is malformed", () => {
    const v = readValue(file("decision_tree_classifier"));
    const tree = stateOf(v).get("tree_") as PyObject;
    const nodes = (tree.state as Map<PyValue, PyValue>).get("nodes") as { data: Uint8Array };
    new DataView(nodes.data.buffer, nodes.data.byteOffset).setBigInt64(0, 0n, true); // root.left_child = 0
    expect(code(() => loadValue(v))).toBe("malformed");
  });
});
