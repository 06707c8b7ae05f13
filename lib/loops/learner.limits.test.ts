import { describe, expect, it } from "vitest";
import { specOf } from "./definition";
import { createLoopModel, predictRows, trainRows } from "./engine";
import { createLearnerState, learnOne, predictOne } from "./learner";
import { MAX_CLASSES, MAX_COLUMNS, MAX_LEARNED_LEAVES, MAX_MODEL_TEXT, MAX_WEIGHTS } from "./limits";
import { cloneJson } from "./model-codec";
import { resolveSettings } from "./settings";
import type { FieldType, LearnerSettings, LoopSpec } from "./types";

/** A model's size limits (limits.ts): classes, columns, weights, text and leaves, whatever the data. */

function specWith(input: Record<string, FieldType>, output: FieldType, settings: Partial<LearnerSettings> = {}): LoopSpec {
  const task = output === "float" ? "regression" : "classification";
  return specOf({ task_type: task, input_schema: input, output_schema: { y: output } }, resolveSettings(settings));
}

describe("a loop's classes", () => {
  it(`stop at ${MAX_CLASSES}: a row bringing one more is a row error, and the rest is learned`, async () => {
    const spec = specWith({ x: "float" }, "string");
    const model = createLoopModel(spec);
    const rows = Array.from({ length: 5000 }, (_, i) => ({ x: i % 13, y: `label-${i}` }));
    const outcome = await trainRows(spec, model, rows, "t");
    expect(outcome).toMatchObject({ trained: MAX_CLASSES, failed: 5000 - MAX_CLASSES });
    expect(outcome.errors[0]).toBe('data[100]: y: the new class "label-100" would be class 101; the limit is 100 classes per loop');
    expect(model.learner.classes).toHaveLength(MAX_CLASSES);
    // Known classes are still learned.
    expect(await trainRows(spec, model, [{ x: 1, y: "label-7" }], "t")).toMatchObject({ trained: 1, failed: 0 });
    const predicted = await predictRows(spec, model, { x: 2 }, 10);
    expect(Object.keys(predicted.predictions[0]!.prediction.probabilities!)).toHaveLength(MAX_CLASSES);
  });

  it("stop where one more weight row would pass the weight limit", async () => {
    const spec = specWith({ id: "string" }, "integer", { category_cap: 5000 });
    const model = createLoopModel(spec);
    // 5,000 columns: the first class alone has room for them.
    await trainRows(spec, model, Array.from({ length: 5000 }, (_, i) => ({ id: `id${i}`, y: 0 })), "t");
    expect(model.learner.n_columns).toBe(5000);
    const outcome = await trainRows(spec, model, Array.from({ length: 30 }, (_, i) => ({ id: "id1", y: i })), "t");
    const allowed = Math.floor(MAX_WEIGHTS / 5000);
    expect(model.learner.classes).toHaveLength(allowed);
    expect(outcome.errors[0]).toBe(`data[${allowed}]: y: the new class "${allowed}" would give the model 105,000 weights (21 classes × 5,000 columns); the limit is 100,000`);
  });
});

describe("a model's columns", () => {
  it(`stop at ${MAX_COLUMNS}: later category values count as unseen, and numbers go on without a weight`, () => {
    const spec = specWith({ id: "string", late: "float" }, "float", { category_cap: MAX_COLUMNS });
    const state = createLearnerState(spec);
    for (let i = 0; i < MAX_COLUMNS + 50; i++) learnOne(spec, state, { id: `v${i}`, y: i % 7 }, { explain: false });
    expect(state.n_columns).toBe(MAX_COLUMNS);
    expect(state.weights[0]).toHaveLength(MAX_COLUMNS);
    const unseen = predictOne(spec, state, { id: `v${MAX_COLUMNS + 10}` });
    expect(unseen.explanation.top_contributors[0]).toMatchObject({ feature: "id", unseen: true, weight: 0 });

    // A number first seen in a full model: standardised and explained, with a weight of 0.
    for (let i = 0; i < 30; i++) learnOne(spec, state, { id: "v1", late: i, y: i });
    expect(state.n_columns).toBe(MAX_COLUMNS);
    const late = predictOne(spec, state, { id: "v1", late: 3 });
    expect(late.explanation.status).toBe("ok");
    expect(late.explanation.top_contributors.find((c) => c.feature === "late")).toMatchObject({ contribution: 0, weight: 0, value: 3 });
  });

  it(`keep at most ${MAX_MODEL_TEXT.toLocaleString("en-US")} characters of category values`, () => {
    const spec = specWith({ text: "string" }, "float", { category_cap: 5000 });
    const state = createLearnerState(spec);
    const value = (i: number) => `${i}:`.padEnd(1000, "t");
    for (let i = 0; i < 1010; i++) learnOne(spec, state, { text: value(i), y: 1 }, { explain: false });
    expect(state.n_columns).toBe(1000);
    expect(predictOne(spec, state, { text: value(1005) }).explanation.top_contributors[0]).toMatchObject({ unseen: true });
    expect(predictOne(spec, state, { text: value(999) }).explanation.top_contributors[0]!.unseen).toBeUndefined();
  });

  it("keep a hash bucket learning once the text is full, without remembering more values", () => {
    const spec = specWith({ text: "string" }, "float", { category_cap: 1000, hash_bits: 0 });
    const state = createLearnerState(spec);
    const value = (i: number) => `${i}:`.padEnd(1000, "b");
    for (let i = 0; i < 1000; i++) learnOne(spec, state, { text: value(i), y: i }, { explain: false }); // the text is full
    for (let i = 1000; i < 1010; i++) learnOne(spec, state, { text: value(i), y: i }, { explain: false });
    const table = (state.fields.text as { table: { slots: { bucket: number | null; recent: string[] | null; count: number }[] } }).table;
    const bucket = table.slots.find((slot) => slot.bucket === 0)!;
    expect(bucket).toMatchObject({ count: 10, recent: [] });
  });
});

describe("a loop's object leaves", () => {
  it(`stop at ${MAX_LEARNED_LEAVES}: later leaves are not learned, and are shown as unlearned`, () => {
    const spec = specWith({ meta: "object", extra: "object" }, "float");
    const state = createLearnerState(spec);
    for (let i = 0; i < 120; i++) {
      const keys = (field: string) => Object.fromEntries(Array.from({ length: 5 }, (_, k) => [`${field}${i * 5 + k}`, k]));
      learnOne(spec, state, { meta: keys("m"), extra: keys("e"), y: i });
    }
    const leaves = (name: "meta" | "extra") => (state.fields[name] as { leaf_order: string[] }).leaf_order.length;
    expect(leaves("meta") + leaves("extra")).toBe(MAX_LEARNED_LEAVES);
    const prediction = predictOne(spec, state, { meta: { m599: 2 } }, { topK: 2000 });
    expect(prediction.explanation.top_contributors.find((c) => c.feature === "meta.m599")).toMatchObject({ contribution: 0, weight: 0, value: 2 });
  });
});

describe("explanations of a large model", () => {
  it("are the same from the remembered baseline terms as computed afresh, and follow the learning", () => {
    const spec = specWith({ id: "string", tag: "string", x: "float" }, "string");
    const state = createLearnerState(spec);
    for (let i = 0; i < 1500; i++) {
      const row = { id: `u${(i * 7919) % 600}`, tag: `t${i % 40}`, x: i % 11, y: `c${i % 7}` };
      const explained = learnOne(spec, state, row).prediction;
      if (i % 100 === 99) {
        // A copy has no remembered terms: its prediction is computed afresh.
        const input = { id: row.id, tag: row.tag, x: row.x };
        expect(JSON.stringify(predictOne(spec, state, input))).toBe(JSON.stringify(predictOne(spec, cloneJson(state), input)));
        expect(explained.explanation.n_seen).toBe(i);
      }
    }
  });
});
