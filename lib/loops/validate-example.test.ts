import { describe, expect, it } from "vitest";
import { resolveSettings } from "./settings";
import type { FieldType, LoopSpec } from "./types";
import { specProblems, validateExample } from "./validate-example";

const spec = (outputType: FieldType, task: LoopSpec["task_type"] = "classification"): LoopSpec => ({
  task_type: task,
  input_schema: { n: "integer", f: "float", b: "boolean", s: "string", a: "array", o: "object" },
  output: { name: "label", type: outputType },
  settings: resolveSettings({}),
});

const train = { requireOutput: true };
const predict = { requireOutput: false };
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe("validateExample", () => {
  it("accepts matching types and missing (absent or null) inputs", () => {
    expect(validateExample(spec("string"), { n: 3, f: 2, b: false, s: "x", a: ["p"], o: { k: [1, "mixed"] }, label: "yes" }, train)).toEqual([]);
    expect(validateExample(spec("string"), { n: null, a: [], label: "yes" }, train)).toEqual([]);
    expect(validateExample(spec("string"), { a: [1.5, -2] }, predict)).toEqual([]);
  });

  it("reports types that contradict the schema, never coercing", () => {
    const problems = validateExample(spec("string"), { n: 1.5, f: "2", b: "true", s: 7, a: "x", o: [1], label: "ok" }, train);
    expect(problems).toEqual([
      { field: "n", message: "expected integer, got float" },
      { field: "f", message: "expected float, got string" },
      { field: "b", message: "expected boolean, got string" },
      { field: "s", message: "expected string, got integer" },
      { field: "a", message: "expected array, got string" },
      { field: "o", message: "expected object, got array" },
    ]);
    expect(fields(validateExample(spec("string"), { n: "3", label: "ok" }, train))).toEqual(["n"]);
    expect(fields(validateExample(spec("string"), { f: Number.NaN, label: "ok" }, train))).toEqual(["f"]);
    expect(fields(validateExample(spec("string"), { f: 1e200, label: "ok" }, train))).toEqual(["f"]);
    expect(fields(validateExample(spec("string"), { a: ["x", 1], label: "ok" }, train))).toEqual(["a"]);
    expect(fields(validateExample(spec("string"), { a: [null], label: "ok" }, train))).toEqual(["a"]);
  });

  it("requires the output for training, with the output's type", () => {
    expect(validateExample(spec("string"), { n: 1 }, train)).toEqual([{ field: "label", message: "missing output value" }]);
    expect(fields(validateExample(spec("string"), { label: null }, train))).toEqual(["label"]);
    expect(fields(validateExample(spec("boolean"), { label: "true" }, train))).toEqual(["label"]);
    expect(fields(validateExample(spec("integer"), { label: 1.5 }, train))).toEqual(["label"]);
    expect(validateExample(spec("integer"), { label: 2 }, train)).toEqual([]);
    expect(validateExample(spec("float", "regression"), { label: 2.5 }, train)).toEqual([]);
    expect(fields(validateExample(spec("float", "regression"), { label: "2.5" }, train))).toEqual(["label"]);
    // Not required (and ignored) for prediction.
    expect(validateExample(spec("string"), { n: 1 }, predict)).toEqual([]);
    expect(validateExample(spec("string"), { n: 1, label: 3 }, predict)).toEqual([]);
  });

  it("reports unknown fields and rows that are not objects", () => {
    expect(validateExample(spec("string"), { n: 1, nn: 2, label: "x" }, train)).toEqual([{ field: "nn", message: "unknown field" }]);
    expect(fields(validateExample(spec("string"), JSON.parse('{"__proto__": 1, "label": "x"}'), train))).toEqual(["__proto__"]);
    expect(validateExample(spec("string"), [1, 2], train)).toHaveLength(1);
    expect(validateExample(spec("string"), null, train)).toHaveLength(1);
  });
});

describe("specProblems", () => {
  it("accepts the output types each task allows", () => {
    for (const t of ["string", "integer", "boolean"] as const) expect(specProblems(spec(t))).toEqual([]);
    for (const t of ["integer", "float"] as const) expect(specProblems(spec(t, "regression"))).toEqual([]);
    expect(specProblems(spec("float"))).toHaveLength(1);
    expect(specProblems(spec("string", "regression"))).toHaveLength(1);
  });
});
