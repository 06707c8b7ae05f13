/** OneHotEncoder's 0.18–0.19 layout (n_values_, feature_indices_, active_features_), by 0.19's own algorithm. */
import { describe, expect, it } from "vitest";
import type { PyObject, PyValue } from "../pickle/values";
import { registryContext } from "./index";

const ints = (xs: number[]): PyValue => ({
  $kind: "ndarray",
  dtype: { $kind: "dtype", kind: "i", itemsize: 8, byteorder: "<", str: "<i8", names: null, fields: null },
  shape: [xs.length],
  fortran: false,
  data: BigInt64Array.from(xs.map(BigInt)),
});

function encoder(extra: [string, PyValue][] = []): PyObject {
  return {
    $kind: "object",
    $class: "sklearn.preprocessing._encoders.OneHotEncoder",
    args: [],
    state: new Map<PyValue, PyValue>([
      ["n_values", "auto"],
      ["categorical_features", "all"],
      ["handle_unknown", "error"],
      ["n_values_", ints([3, 2])],
      ["feature_indices_", ints([0, 3, 5])],
      // value 1 of the first column never seen in training: its column is dropped
      ["active_features_", ints([0, 2, 3, 4])],
      ["_sklearn_version", "0.19.2"],
      ...extra,
    ]),
  };
}

describe("legacy OneHotEncoder", () => {
  it("encodes active values, drops inactive ones and refuses unknown ones", () => {
    const t = registryContext("0.19.2").loadStep(encoder());
    expect(t.nOut).toBe(4);
    expect(t.sourceOf).toEqual([0, 0, 1, 1]);
    expect(t.transform([0, 1], 0)).toEqual([1, 0, 0, 1]);
    expect(t.transform([2, 0], 0)).toEqual([0, 1, 1, 0]);
    expect(t.transform([1, 0], 0)).toEqual([0, 0, 1, 0]);
    expect(t.transform(["2", 1.9], 0)).toEqual([0, 1, 0, 1]); // check_array(dtype=int) truncates
    expect(() => t.transform([3, 0], 0)).toThrow(/unknown category 3/);
    expect(() => t.transform([-1, 0], 0)).toThrow(/non-negative integer/);
  });

  it("ignores unknown values with handle_unknown='ignore' and appends unselected columns", () => {
    const t = registryContext("0.19.2").loadStep(encoder([
      ["handle_unknown", "ignore"],
      ["categorical_features", [true, false, true]],
    ]));
    expect(t.nIn).toBe(3);
    expect(t.sourceOf).toEqual([0, 0, 2, 2, 1]);
    expect(t.transform([0, 7.5, 1], 0)).toEqual([1, 0, 0, 1, 7.5]);
    expect(t.transform([5, 7.5, 0], 0)).toEqual([0, 0, 1, 0, 7.5]);
  });

  it("reads 0.20's private spellings", () => {
    const renamed = encoder();
    const state = renamed.state as Map<PyValue, PyValue>;
    for (const k of ["n_values_", "feature_indices_", "active_features_"]) {
      state.set(`_${k}`, state.get(k)!);
      state.delete(k);
    }
    expect(registryContext("0.20.4").loadStep(renamed).transform([2, 1], 0)).toEqual([0, 1, 0, 1]);
  });
});
