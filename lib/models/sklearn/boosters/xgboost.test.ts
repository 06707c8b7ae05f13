import { describe, expect, it } from "vitest";
import type { PyObject, PyValue } from "../../pickle/values";
import { loadEstimator } from "../index";
import { readUbjson, UbjsonError } from "./ubjson";
import { sigmoid32, softmax32 } from "./xgboost-predict";

/** UBJSON writer for the test documents (big-endian, int64 lengths, typed float32/int32/uint8 arrays as XGBoost writes them). */
function ub(v: unknown): number[] {
  const len = (n: number) => { const b = Buffer.alloc(9); b.write("L", 0); b.writeBigInt64BE(BigInt(n), 1); return [...b]; };
  const str = (s: string) => [...len(Buffer.byteLength(s)), ...Buffer.from(s)];
  if (typeof v === "string") return [0x53, ...str(v)];
  if (typeof v === "boolean") return [v ? 0x54 : 0x46];
  if (typeof v === "number") { const b = Buffer.alloc(9); b.write("D", 0); b.writeDoubleBE(v, 1); return [...b]; }
  if (v instanceof Float32Array) { const b = Buffer.alloc(v.length * 4); v.forEach((x, i) => b.writeFloatBE(x, i * 4)); return [0x5b, 0x24, 0x64, 0x23, ...len(v.length), ...b]; }
  if (v instanceof Int32Array) { const b = Buffer.alloc(v.length * 4); v.forEach((x, i) => b.writeInt32BE(x, i * 4)); return [0x5b, 0x24, 0x6c, 0x23, ...len(v.length), ...b]; }
  if (v instanceof Uint8Array) return [0x5b, 0x24, 0x55, 0x23, ...len(v.length), ...v];
  if (Array.isArray(v)) return [0x5b, ...v.flatMap(ub), 0x5d];
  return [0x7b, ...Object.entries(v as object).flatMap(([k, x]) => [...str(k), ...ub(x)]), 0x7d];
}

/** One stump per tree: x[f] < c → left leaf a, else right leaf b (NaN → default left). */
const stump = (f: number, c: number, a: number, b: number) => ({
  left_children: Int32Array.of(1, -1, -1),
  right_children: Int32Array.of(2, -1, -1),
  split_indices: Int32Array.of(f, 0, 0),
  split_conditions: Float32Array.of(c, a, b),
  default_left: Uint8Array.of(1, 0, 0),
  sum_hessian: Float32Array.of(10, 6, 4),
  split_type: Uint8Array.of(0, 0, 0),
});

function xgb(className: string, objective: string, numClass: number, trees: ReturnType<typeof stump>[], treeInfo: number[], baseScore: string): PyObject {
  const doc = {
    Config: {},
    Model: {
      learner: {
        attributes: {},
        gradient_booster: { name: "gbtree", model: { gbtree_model_param: { num_parallel_tree: "1", num_trees: String(trees.length) }, tree_info: Int32Array.from(treeInfo), trees } },
        learner_model_param: { base_score: baseScore, num_class: String(numClass), num_feature: "2" },
        objective: { name: objective },
      },
      version: [2, 0, 3],
    },
  };
  const booster: PyObject = { $kind: "object", $class: "xgboost.core.Booster", args: [], state: new Map<PyValue, PyValue>([["handle", Uint8Array.from(ub(doc))]]) };
  const state = new Map<PyValue, PyValue>([["_Booster", booster], ["missing", Number.NaN], ["n_features_in_", 2]]);
  if (numClass > 0) state.set("n_classes_", numClass);
  return { $kind: "object", $class: className, args: [], state };
}

describe("XGBoost wrappers", () => {
  it("reads UBJSON typed arrays, strings and objects", () => {
    const doc = readUbjson(Uint8Array.from(ub({ a: Float32Array.of(0.5, -2), b: "x", c: [true, 1.5] }))) as Map<string, unknown>;
    expect(Array.from(doc.get("a") as Float64Array)).toEqual([0.5, -2]);
    expect(doc.get("b")).toBe("x");
    expect(doc.get("c")).toEqual([true, 1.5]);
  });

  it("a cut-short document, a count past the end or a nesting bomb is refused, never read past the bytes", () => {
    const doc = Uint8Array.from(ub({ a: Float32Array.of(0.5, -2), b: "x" }));
    for (let n = 1; n < doc.length; n++) expect(() => readUbjson(doc.subarray(0, n))).toThrow(UbjsonError);
    const huge = Uint8Array.from([0x5b, 0x24, 0x64, 0x23, 0x4c, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect(() => readUbjson(huge)).toThrow(UbjsonError);
    expect(() => readUbjson(new Uint8Array(10_000).fill(0x5b))).toThrow(/nested too deeply/);
  });

  it("a regressor adds leaves to base_score in float32; NaN follows the default direction", () => {
    const obj = xgb("xgboost.sklearn.XGBRegressor", "reg:squarederror", 0, [stump(0, 1.5, 0.1, -0.2), stump(1, 0, 0.3, 0.7)], [0, 0], "[5E-1]");
    const loaded = loadEstimator(obj, null);
    if (!loaded.ok) throw new Error(loaded.message);
    const f = Math.fround;
    expect(loaded.estimator.predict([[1, -1], [2, 5], [Number.NaN, Number.NaN]])).toEqual([
      f(f(f(0.5) + f(0.1)) + f(0.3)),
      f(f(f(0.5) + f(-0.2)) + f(0.7)),
      f(f(f(0.5) + f(0.1)) + f(0.3)),
    ]);
    const e = loaded.estimator.explain!([2, 5], {});
    expect(e.method).toBe("tree_path_dependent");
    expect(e.residual).toBeLessThan(1e-6);
  });

  it("a binary classifier: sigmoid of the margin, class 1 above 0.5", () => {
    const obj = xgb("xgboost.sklearn.XGBClassifier", "binary:logistic", 0, [stump(0, 0, -1, 1)], [0], "5E-1");
    const loaded = loadEstimator(obj, null);
    if (!loaded.ok) throw new Error(loaded.message);
    const p = sigmoid32(Math.fround(1));
    expect(loaded.estimator.predictProba!([[1, 0]])).toEqual([[Math.fround(1 - p), p]]);
    expect(loaded.estimator.predict([[1, 0], [-1, 0]])).toEqual([1, 0]);
  });

  it("a multiclass classifier: one margin per class, float32 softmax", () => {
    const obj = xgb("xgboost.sklearn.XGBClassifier", "multi:softprob", 3, [stump(0, 0, 1, -1), stump(0, 0, -1, 1), stump(1, 0, 0.5, 0)], [0, 1, 2], "5E-1");
    const loaded = loadEstimator(obj, null);
    if (!loaded.ok) throw new Error(loaded.message);
    const f = Math.fround;
    expect(loaded.estimator.predictProba!([[1, 1]])).toEqual([softmax32([f(0.5 - 1), f(0.5 + 1), f(0.5)])]);
    expect(loaded.estimator.predict([[1, 1], [-1, -1]])).toEqual([1, 0]);
  });

  it("names what cannot be served", () => {
    const obj = xgb("xgboost.sklearn.XGBRegressor", "rank:pairwise_custom", 0, [stump(0, 0, 1, 2)], [0], "5E-1");
    expect(loadEstimator(obj, null)).toMatchObject({ ok: false, code: "unsupported_class", message: expect.stringContaining("XGBRegressor: objective") });
  });
});
