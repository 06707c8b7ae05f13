import { describe, expect, it } from "vitest";
import { specOf } from "./definition";
import { createLoopModel, trainRows } from "./engine";
import { cloneJson, packText, unpackText } from "./model-codec";
import { resolveSettings } from "./settings";
import { mulberry32 } from "./testing/datasets";

const viaJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
/** Exact comparison that tells −0 from 0 and keeps key order. */
const exact = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (Object.is(v, -0) ? "-0" : v));

async function trainedModel(task: "classification" | "regression", n: number) {
  const definition = {
    task_type: task,
    input_schema: JSON.parse('{"x": "float", "city": "string", "tags": "array", "$n": "float", "__proto__": "float"}') as Record<string, "float" | "string" | "array">,
    output_schema: { y: task === "regression" ? ("float" as const) : ("string" as const) },
  };
  const spec = specOf(definition, resolveSettings({ category_cap: 3, hash_bits: 2 }));
  const model = createLoopModel(spec);
  const random = mulberry32(5);
  const rows = Array.from({ length: n }, (_, i) => {
    const x = random() * 10 - 5;
    const row: Record<string, unknown> = JSON.parse(`{"__proto__": ${i % 7}}`);
    Object.assign(row, { x, city: ["a", "$n", "b", "__proto__", "$$b", "c"][i % 6], tags: i % 3 ? ["t", "$rows"] : [], $n: i % 5 });
    row.y = task === "regression" ? 3 * x + random() : x > 1 ? "hi" : x > -1 ? "mid" : "$lo";
    return row;
  });
  for (let i = 0; i < n; i += 100) {
    const outcome = await trainRows(spec, model, rows.slice(i, i + 100), `2026-01-01T00:00:${String(i % 60).padStart(2, "0")}Z`);
    expect(outcome.failed).toBe(0);
  }
  return model;
}

describe("model codec", () => {
  it.each(["classification", "regression"] as const)("packs a trained %s model to exactly what JSON would store", async (task) => {
    const model = await trainedModel(task, 1500);
    for (const part of [model.learner, model.monitor]) expect(exact(unpackText(packText(part)))).toBe(exact(viaJson(part)));
    // The monitor's rings are what packing is for: under half the JSON text.
    expect(packText(model.monitor).length).toBeLessThan(JSON.stringify(model.monitor).length / 2);
  });

  it("stores an array equal to an earlier one once, and reads it back as a separate array", () => {
    const ring = Array.from({ length: 100 }, (_, i) => i / 3);
    const value = { a: { y: ring, r: ring.map((x) => -x) }, b: { y: [...ring] }, c: [{ y: ring.slice() }], d: Array.from({ length: 40 }, (_, i) => ({ v: i / 3 })) };
    const text = packText(value);
    expect(text.match(/"\$same"/g)).toHaveLength(2);
    const back = unpackText<typeof value>(text);
    expect(exact(back)).toBe(exact(viaJson(value)));
    back.b.y[0] = 99;
    expect(back.a.y[0]).toBe(0);
    expect(back.c[0]!.y[0]).toBe(0);
  });

  it("reads plain JSON text (rows stored before packing)", async () => {
    const model = await trainedModel("classification", 300);
    expect(exact(unpackText(JSON.stringify(model.monitor)))).toBe(exact(viaJson(model.monitor)));
  });

  it("stores numbers as JSON does: −0 as 0, non-finite as null, and keeps user keys that look like its own", () => {
    const value = {
      ints: Array.from({ length: 40 }, (_, i) => (i % 2 ? -i : i * 1000)),
      small: Array.from({ length: 40 }, (_, i) => i - 20),
      floats: Array.from({ length: 40 }, (_, i) => (i === 3 ? -0 : i === 4 ? Number.NaN : i === 5 ? Infinity : i === 6 ? null : i / 7)),
      rows: Array.from({ length: 40 }, (_, i) => ({ index: i, model: i % 3 ? i / 3 : null, label: `l${i}`, $n: -0 })),
      mixed: Array.from({ length: 40 }, (_, i) => (i === 10 ? "x" : i)),
      record: JSON.parse('{"$n": "i8", "b": "AAAA", "$rows": [], "cols": [], "$$x": 1, "__proto__": {"$packed": 1}}'),
      short: [1, -0, 2],
    };
    expect(exact(unpackText(packText(value)))).toBe(exact(viaJson(value)));
  });

  it("copies a model deeply, key order and all", async () => {
    const model = await trainedModel("classification", 500);
    const copy = cloneJson(model);
    expect(exact(copy)).toBe(exact(model));
    expect(copy.learner).not.toBe(model.learner);
    expect(copy.monitor.model).not.toBe(model.monitor.model);
    (copy.learner.weights[0] as number[])[0] = 12345;
    expect(model.learner.weights[0]![0]).not.toBe(12345);
    const odd = JSON.parse('{"__proto__": {"a": [1, {"b": 2}]}, "c": null}');
    expect(exact(cloneJson(odd))).toBe(exact(odd));
    expect(Object.getPrototypeOf(cloneJson(odd))).toBe(Object.prototype);
  });
});
