import { describe, expect, it } from "vitest";
import { createLearnerState, learnOne, predictOne, weightsTable } from "..";
import { resolveSettings } from "../../settings";
import type { FieldType, LoopSpec } from "../../types";
import { hashBucket } from "./hash-bucket";

/** docs/loops-learner.md §1: how each schema type becomes columns, and how the stats and category tables evolve. */

function spec(input_schema: Record<string, FieldType>, settings = {}): LoopSpec {
  return { task_type: "regression", input_schema, output: { name: "y", type: "float" }, settings: resolveSettings(settings) };
}

describe("schema-driven encoding", () => {
  it("numbers and booleans: one standardised column with per-column Welford stats (population variance)", () => {
    const s = spec({ a: "float", flag: "boolean" });
    const state = createLearnerState(s);
    for (const [a, flag] of [[1, true], [2, false], [null, true], [6, true]] as const) learnOne(s, state, { a, flag, y: 1 });
    const table = weightsTable(s, state);
    const a = table.find((r) => r.column === "a")!;
    expect(a).toMatchObject({ kind: "numeric", mean: 3 });
    expect(a.std).toBeCloseTo(Math.sqrt(14 / 3), 14);
    const flag = table.find((r) => r.column === "flag")!;
    expect(flag.mean).toBe(0.75);
    expect(flag.std).toBeCloseTo(Math.sqrt(0.1875), 14);
    expect((state.fields.a as { column: { stats: { n: number } } }).column.stats.n).toBe(3); // n counts present values only
  });

  it("strings: one-hot up to the cap, then hash buckets that remember recent values", () => {
    const s = spec({ c: "string" }, { category_cap: 2, hash_bits: 3 });
    const state = createLearnerState(s);
    const values = ["v0", "v1", "v2", "v3", "v4", "v5", "v6", "v2"];
    for (const c of values) learnOne(s, state, { c, y: 1 });
    const table = weightsTable(s, state);
    expect(table.filter((r) => r.kind === "category").map((r) => r.column)).toEqual(["c=v0", "c=v1"]);
    const buckets = table.filter((r) => r.kind === "bucket");
    for (const v of ["v2", "v3", "v4", "v5", "v6"]) {
      const b = buckets.find((r) => r.column === `c#${hashBucket(v, 3)}`)!;
      expect(b.values).toContain(v);
    }
    const v2 = buckets.find((r) => r.column === `c#${hashBucket("v2", 3)}`)!;
    expect(v2.values![v2.values!.length - 1]).toBe("v2"); // most recent last
    // Frequencies: each column's count / n_learned, summing to at most 1 for a one-hot field.
    const total = table.reduce((sum, r) => sum + r.frequency!, 0);
    expect(total).toBeCloseTo(1, 12);
    expect(table.find((r) => r.column === "c=v0")!.frequency).toBe(1 / 8);
    // A never-learned value past the cap is explained by its bucket when that bucket was learned.
    const stranger = [...Array(200).keys()].map((i) => `new${i}`).find((v) => buckets.some((r) => r.column === `c#${hashBucket(v, 3)}`))!;
    const p = predictOne(s, state, { c: stranger });
    expect(p.explanation.top_contributors[0]!.unseen).toBeUndefined();
  });

  it("below the cap, an unseen value has no column: weight 0 and unseen", () => {
    const s = spec({ c: "string" });
    const state = createLearnerState(s);
    learnOne(s, state, { c: "x", y: 1 });
    learnOne(s, state, { c: "z", y: 3 });
    const c = predictOne(s, state, { c: "never" }).explanation.top_contributors[0]!;
    expect(c).toMatchObject({ unseen: true, weight: 0 });
  });

  it("arrays of strings: multi-hot over distinct values; frequencies may sum past 1", () => {
    const s = spec({ t: "array" });
    const state = createLearnerState(s);
    learnOne(s, state, { t: ["a", "b", "a"], y: 1 });
    learnOne(s, state, { t: ["b"], y: 2 });
    const table = weightsTable(s, state);
    expect(table.map((r) => [r.column, r.frequency])).toEqual([["t=a", 0.5], ["t=b", 1]]);
  });

  it("arrays of numbers: f.len and f.mean; an empty array has len 0 and a missing mean", () => {
    const s = spec({ h: "array" });
    const state = createLearnerState(s);
    learnOne(s, state, { h: [], y: 0 }); // element kind unknown yet: nothing learned
    expect(state.n_columns).toBe(0);
    learnOne(s, state, { h: [1, 3], y: 1 });
    learnOne(s, state, { h: [], y: 2 });
    learnOne(s, state, { h: [5], y: 3 });
    const table = weightsTable(s, state);
    expect(table.find((r) => r.column === "h.len")).toMatchObject({ mean: 1 }); // 2, 0, 1
    expect(table.find((r) => r.column === "h.mean")).toMatchObject({ mean: 3.5 }); // 2, 5
    const p = predictOne(s, state, { h: [4, 4] });
    const c = p.explanation.top_contributors[0]!;
    expect(c.parts).toBeDefined();
    expect(c.contribution).toBeCloseTo(c.parts!.len.contribution + c.parts!.mean.contribution, 12);
    expect(c.weight).toBe(c.parts!.mean.weight);
    // A list of strings for a numbers field is a kind mismatch: treated as missing.
    const fields = learnOne(s, state, { h: ["x"], y: 4 }).fields;
    expect(fields).toEqual([{ feature: "h", presence: "mismatch", unseen: false }]);
  });

  it("objects: dotted leaves whose kind is fixed at first sight", () => {
    const s = spec({ o: "object" });
    const state = createLearnerState(s);
    learnOne(s, state, { o: { n: 1, geo: { city: "Oslo" }, tags: ["a"] }, y: 1 });
    learnOne(s, state, { o: { n: 3, geo: { city: "Rome" } }, y: 2 });
    const obs = learnOne(s, state, { o: { n: "three", geo: { city: "Oslo" }, extra: true }, y: 3 }).fields;
    expect(obs).toEqual([
      { feature: "o.geo.city", presence: "present", unseen: false },
      { feature: "o.n", presence: "mismatch", unseen: false },
      { feature: "o.tags", presence: "missing", unseen: false },
      { feature: "o.extra", presence: "present", unseen: false, number: 1 },
    ]);
    expect(weightsTable(s, state).map((r) => r.column)).toEqual(["o.geo.city=Oslo", "o.geo.city=Rome", "o.n", "o.tags=a", "o.extra"]);
    expect(weightsTable(s, state).find((r) => r.column === "o.n")!.mean).toBe(2); // "three" was not added
  });

  it("field names and values that look like Object.prototype members are plain data", () => {
    // JSON.parse makes "__proto__" an own key, as a request body would.
    const s2 = spec(JSON.parse('{"constructor":"float","__proto__":"string","toString":"array"}') as Record<string, FieldType>);
    const state = createLearnerState(s2);
    const row = JSON.parse('{"constructor":2,"__proto__":"hasOwnProperty","toString":["__proto__","valueOf"],"y":1}') as Record<string, unknown>;
    learnOne(s2, state, row);
    learnOne(s2, state, { ...row, constructor: 4 });
    const copy = JSON.parse(JSON.stringify(state));
    expect(copy).toEqual(state);
    const p = predictOne(s2, copy, row, { topK: 10 });
    expect(p.explanation.top_contributors.map((c) => c.feature).sort()).toEqual(["__proto__", "constructor", "toString"]);
    expect(weightsTable(s2, copy).map((r) => r.column)).toContain("__proto__=hasOwnProperty");
  });
});
