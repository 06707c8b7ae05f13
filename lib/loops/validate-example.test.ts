import { describe, expect, it } from "vitest";
import { MAX_ARRAY_LENGTH, MAX_LABEL_LENGTH, MAX_OBJECT_DEPTH, MAX_OBJECT_LEAVES, MAX_ROW_VALUES, MAX_STRING_LENGTH } from "./limits";
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

describe("size limits of a row", () => {
  const s = spec("string");
  const nested = (depth: number): Record<string, unknown> => (depth === 1 ? { leaf: 1 } : { next: nested(depth - 1) });

  it("accepts values at the limits", () => {
    const row = {
      s: "x".repeat(MAX_STRING_LENGTH),
      a: Array.from({ length: MAX_ARRAY_LENGTH }, (_, i) => `v${i}`),
      o: { deep: nested(MAX_OBJECT_DEPTH - 1), many: Object.fromEntries(Array.from({ length: MAX_OBJECT_LEAVES - 1 }, (_, i) => [`k${i}`, i])) },
      label: "l".repeat(MAX_LABEL_LENGTH),
    };
    expect(validateExample(s, row, train)).toEqual([]);
  });

  it("reports each value past a limit with the limit and the size sent", () => {
    expect(validateExample(s, { s: "x".repeat(1_048_576), label: "a" }, train)).toEqual([{ field: "s", message: "string of 1,048,576 characters; the limit is 1,000" }]);
    expect(validateExample(s, { a: Array.from({ length: 1500 }, () => 1), label: "a" }, train)).toEqual([{ field: "a", message: "array of 1,500 elements; the limit is 1,000" }]);
    expect(validateExample(s, { a: ["ok", "y".repeat(2000)], label: "a" }, train)).toEqual([{ field: "a", message: "element 1: string of 2,000 characters; the limit is 1,000" }]);
    expect(validateExample(s, { label: "l".repeat(1_048_576) }, train)).toEqual([{ field: "label", message: "a label of 1,048,576 characters; the limit is 100" }]);
    // A long label only matters when it is learned: /predict/ ignores the output.
    expect(validateExample(s, { label: "l".repeat(1_048_576) }, predict)).toEqual([]);
  });

  it("walks object values, reporting the path of the first problem inside", () => {
    expect(validateExample(s, { o: { a: { b: "z".repeat(1001) } } }, predict)).toEqual([{ field: "o.a.b", message: "string of 1,001 characters; the limit is 1,000" }]);
    expect(validateExample(s, { o: { list: [1, [2, ["w".repeat(1001)]]] } }, predict)).toEqual([{ field: "o.list[1][1][0]", message: "string of 1,001 characters; the limit is 1,000" }]);
    expect(validateExample(s, { o: nested(MAX_OBJECT_DEPTH + 1) }, predict)).toEqual([{ field: expect.stringMatching(/^o(\.next)+$/), message: "nested deeper than 8 levels (the limit)" }]);
    expect(validateExample(s, { o: { ["k".repeat(500)]: 1 } }, predict)).toEqual([{ field: "o", message: expect.stringMatching(/^the key "k{60}… \(500 characters\)" has 500 characters; the limit is 100$/) }]);
    const wide = Object.fromEntries(Array.from({ length: MAX_OBJECT_LEAVES + 1 }, (_, i) => [`k${i}`, i]));
    expect(validateExample(s, { o: wide }, predict)).toEqual([{ field: "o.k500", message: "more than 500 object leaves in the row (the limit)" }]);
    // A value nested a hundred thousand deep is refused without recursion.
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(validateExample(s, { o: { deep } }, predict)).toEqual([{ field: expect.stringMatching(/^o\.deep/), message: "nested deeper than 8 levels (the limit)" }]);
  });

  it("bounds the values of a whole row", () => {
    const arrays = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`list${i}`, Array.from({ length: MAX_ARRAY_LENGTH }, () => 1)]));
    expect(validateExample(s, { o: arrays }, predict)).toEqual([
      { field: "", message: `the row holds more than ${MAX_ROW_VALUES.toLocaleString("en-US")} values (fields, array elements and object leaves); the limit is 10,000` },
    ]);
  });

  it("lists at most ten problems per row, and shortens names sent by the client", () => {
    const unknown = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`extra${i}`, i]));
    const problems = validateExample(s, { ...unknown, label: "a" }, train);
    expect(problems).toHaveLength(11);
    expect(problems[10]).toEqual({ field: "", message: "… and 4,990 more problems" });
    const [long] = validateExample(s, { ["q".repeat(1_048_576)]: 1, label: "a" }, train);
    expect(long).toEqual({ field: expect.stringMatching(/^q{60}… \(1,048,576 characters\)$/), message: "unknown field" });
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
