import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readModelFile } from "./index";
import { type NdArray, type PyValue, attr, isDict, isNdArray, isObject, isTuple, isList } from "./values";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");
const expected = JSON.parse(readFileSync(path.join(FIXTURES, "expected.json"), "utf8")) as {
  sklearn: string;
  models: Record<string, { class: string; files: Record<string, string | { pickle: string }> }>;
};

const load = (rel: string) => readModelFile(readFileSync(path.join(FIXTURES, rel)));
const FORMAT: Record<string, string> = {
  protocol2: "pickle",
  protocol4: "pickle",
  protocol5: "pickle",
  joblib: "joblib",
  joblib_zlib: "joblib-zlib",
};
const PROTOCOL: Record<string, number> = { protocol2: 2, protocol4: 4, protocol5: 5, joblib: 4, joblib_zlib: 4 };

function ok(rel: string) {
  const r = load(rel);
  if (!r.ok) throw new Error(`${rel}: ${r.error.code}: ${r.error.message}`);
  return r;
}
function arr(v: PyValue | undefined): NdArray {
  if (!isNdArray(v)) throw new Error("not an ndarray");
  return v;
}

describe("fixture models load in every format", () => {
  const cases: [string, string, string][] = [];
  for (const [name, m] of Object.entries(expected.models)) {
    for (const [fmt, file] of Object.entries(m.files)) if (typeof file === "string") cases.push([name, fmt, file]);
  }
  it("covers every model in 4 formats, and 2 of them zlib-compressed", () => {
    const n = Object.keys(expected.models).length;
    expect(n).toBeGreaterThanOrEqual(29);
    expect(cases.length).toBe(n * 4 + 2);
  });
  it.each(cases)("%s (%s)", (name, fmt, file) => {
    const r = ok(file);
    expect(r.className).toBe(expected.models[name]!.class);
    expect(r.sklearnVersion).toBe(expected.sklearn);
    expect(r.format).toBe(FORMAT[fmt]);
    expect(r.protocol).toBe(PROTOCOL[fmt]);
  });
});

describe("array attributes", () => {
  const formats = ["p2.pkl", "p4.pkl", "p5.pkl", "joblib"];
  it.each(["ridge", "linear_regression"])("%s coef_ is a float64 vector of 10, equal across formats", (name) => {
    const coefs = formats.map((f) => arr(attr(ok(`models/${name}.${f}`).value, "coef_")));
    for (const c of coefs) {
      expect(c.shape).toEqual([10]);
      expect(c.dtype.str).toBe("<f8");
      expect(c.data).toBeInstanceOf(Float64Array);
      expect(Array.from(c.data as Float64Array)).toEqual(Array.from(coefs[0]!.data as Float64Array));
    }
    const intercept = attr(ok(`models/${name}.p4.pkl`).value, "intercept_");
    expect(typeof intercept).toBe("number");
  });

  it("ridge.joblib.z equals ridge.joblib", () => {
    const a = arr(attr(ok("models/ridge.joblib.z").value, "coef_"));
    const b = arr(attr(ok("models/ridge.joblib").value, "coef_"));
    expect(Array.from(a.data as Float64Array)).toEqual(Array.from(b.data as Float64Array));
  });

  it.each(formats.concat(["joblib.z"]))("decision_tree_classifier.%s has a consistent tree", (f) => {
    const est = ok(`models/decision_tree_classifier.${f}`).value;
    const tree = attr(est, "tree_");
    expect(isObject(tree) && tree.$class).toBe("sklearn.tree._tree.Tree");
    const nodeCount = attr(tree, "node_count");
    expect(typeof nodeCount).toBe("number");
    const nodes = arr(attr(tree, "nodes"));
    expect(nodes.shape).toEqual([nodeCount]);
    expect(nodes.dtype.kind).toBe("V");
    expect(nodes.dtype.itemsize).toBe(56);
    expect(nodes.dtype.fields?.get("threshold")?.offset).toBe(24);
    expect(nodes.dtype.fields?.get("left_child")?.dtype.str).toBe("<i8");
    expect((nodes.data as Uint8Array).length).toBe(56 * (nodeCount as number));
    const values = arr(attr(tree, "values"));
    expect(values.shape[0]).toBe(nodeCount);
    const classes = arr(attr(est, "classes_"));
    expect(classes.shape).toEqual([3]);
    // root node: left child is 1, feature is a valid column index
    const raw = nodes.data as Uint8Array;
    const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    expect(dv.getBigInt64(0, true)).toBe(1n);
  });

  it("column transformer keeps object arrays (OneHotEncoder categories_) in every format", () => {
    for (const f of formats) {
      const ct = ok(`models/column_transformer_onehot_logreg.${f}`).value;
      const steps = attr(ct, "steps");
      expect(isList(steps)).toBe(true);
      const pre = (steps as PyValue[])[0];
      expect(isTuple(pre)).toBe(true);
      const colT = (pre as PyValue[])[1];
      expect(isObject(colT) && colT.$class).toBe("sklearn.compose._column_transformer.ColumnTransformer");
      const transformers = attr(colT, "transformers_") as PyValue[];
      const enc = transformers.map((t) => (t as PyValue[])[1]).find((e) => isObject(e) && e.$class.endsWith("OneHotEncoder"));
      const cats = attr(enc, "categories_") as PyValue[];
      const first = arr(cats[0]);
      expect(first.dtype.kind).toBe("O");
      expect((first.data as PyValue[]).every((x) => typeof x === "string")).toBe(true);
    }
  });

  it("dicts are Maps, so a __proto__ key stays data", () => {
    const est = ok("models/ridge.p4.pkl").value;
    expect(isObject(est) && isDict(est.state)).toBe(true);
  });
});

describe("out-of-band protocol 5 files are refused", () => {
  it.each(["ridge", "decision_tree_classifier"])("%s.p5oob.pkl", (name) => {
    const r = load(`models/${name}.p5oob.pkl`);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("refused_opcode");
      expect(r.error.message).toContain("NEXT_BUFFER");
    }
  });
});
