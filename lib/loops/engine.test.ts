import { describe, expect, it } from "vitest";
import { specOf } from "./definition";
import { createLoopModel, predictRows, trainRows } from "./engine";
import { learnOne } from "./learner";
import { MAX_ANSWER_ENTRIES } from "./limits";
import { EventLoopPacer } from "./pacer";
import { resolveSettings } from "./settings";
import { mulberry32 } from "./testing/datasets";

const definition = { task_type: "classification" as const, input_schema: { x: "float" as const }, output_schema: { y: "boolean" as const } };

/** x decides y, and the rule flips after `flipAt` examples. */
function stream(n: number, flipAt: number) {
  const random = mulberry32(7);
  return Array.from({ length: n }, (_, i) => {
    const x = random() * 2 - 1;
    return { x, y: i < flipAt ? x > 0 : x <= 0 };
  });
}

async function run(resetOnDrift: boolean) {
  const spec = specOf(definition, resolveSettings({ reset_on_drift: resetOnDrift }));
  const model = createLoopModel(spec);
  let drift = false;
  for (const row of stream(1200, 400)) drift = (await trainRows(spec, model, row, "t")).drift || drift;
  return { spec, model, drift };
}

describe("the loop engine", () => {
  it("reports bad rows with their index and learns the rest", async () => {
    const spec = specOf(definition, resolveSettings());
    const model = createLoopModel(spec);
    const outcome = await trainRows(spec, model, [{ x: 1, y: true }, { x: "one", y: true }, { x: 2 }, { x: -1, y: false }], "t");
    expect(outcome).toMatchObject({ trained: 2, failed: 2 });
    expect(outcome.errors).toEqual([expect.stringMatching(/^data\[1\]: x: /), expect.stringMatching(/^data\[2\]: y: /)]);
    const predicted = await predictRows(spec, model, [{ x: 3 }, { x: [] }], 10);
    expect(predicted.predictions.map((p) => p.index)).toEqual([0]);
    expect(predicted.errors).toEqual([expect.stringMatching(/^data\[1\]: x: /)]);
  });

  it("learns the same state whether or not the prequential prediction is explained", () => {
    const spec = specOf(definition, resolveSettings());
    const explained = createLoopModel(spec).learner;
    const bare = createLoopModel(spec).learner;
    for (const row of stream(300, 150)) {
      const a = learnOne(spec, explained, row);
      const b = learnOne(spec, bare, row, { explain: false });
      expect(b.prediction.value).toBe(a.prediction.value);
      expect(b.prediction.explanation).toBeUndefined();
    }
    expect(JSON.stringify(bare)).toBe(JSON.stringify(explained));
  });

  it("detects a flipped rule and, when asked, resets the optimizer so the model re-adapts", async () => {
    const kept = await run(false);
    const reset = await run(true);
    expect(kept.drift).toBe(true);
    expect(reset.drift).toBe(true);
    // The reset run carries smaller AdaGrad accumulators: they restarted at the drift.
    const g2 = (m: typeof kept.model) => (m.learner as unknown as { weights_g2: number[][] }).weights_g2.flat().reduce((a, b) => a + b, 0);
    expect(g2(reset.model)).toBeLessThan(g2(kept.model));
  });

  it("learns and predicts exactly the same when it gives the event loop back before every row", async () => {
    /** Pauses before every row, so other work runs in between. */
    class EveryRow extends EventLoopPacer {
      override due(): boolean {
        return true;
      }
    }
    const mixed = { task_type: "classification" as const, input_schema: { x: "float" as const, c: "string" as const, tags: "array" as const, o: "object" as const }, output_schema: { y: "string" as const } };
    const spec = specOf(mixed, resolveSettings({ category_cap: 5, hash_bits: 2 }));
    const random = mulberry32(3);
    const rows = Array.from({ length: 400 }, (_, i) => ({ x: random() * 4, c: `c${i % 9}`, tags: [`t${i % 4}`, "u"], o: { a: i % 3, b: { c: `v${i % 6}` } }, y: `k${i % 5}` }));
    const inputs = rows.map(({ y: _y, ...input }) => input);

    const alone = createLoopModel(spec);
    const aloneTrained = await trainRows(spec, alone, rows, "t");
    const alonePredicted = await predictRows(spec, alone, inputs, 5);

    // The same work with pauses, while another loop learns and predicts on the same (shared) scratch buffers.
    const paced = createLoopModel(spec);
    const other = createLoopModel(spec);
    const [pacedTrained] = await Promise.all([trainRows(spec, paced, rows, "t", new EveryRow()), trainRows(spec, other, rows.slice().reverse(), "t", new EveryRow())]);
    const [pacedPredicted] = await Promise.all([predictRows(spec, paced, inputs, 5, new EveryRow()), predictRows(spec, other, inputs.slice(7), 3, new EveryRow())]);
    expect(JSON.stringify(pacedTrained)).toBe(JSON.stringify(aloneTrained));
    expect(JSON.stringify(paced)).toBe(JSON.stringify(alone));
    expect(JSON.stringify(pacedPredicted)).toBe(JSON.stringify(alonePredicted));
  });

  it("stops predicting once the answer would pass its limit", async () => {
    const spec = specOf({ task_type: "classification", input_schema: { x: "float" }, output_schema: { y: "integer" } }, resolveSettings());
    const model = createLoopModel(spec);
    await trainRows(spec, model, Array.from({ length: 100 }, (_, i) => ({ x: i, y: i })), "t");
    // Each prediction lists 100 probabilities and one contributor.
    const outcome = await predictRows(spec, model, Array.from({ length: 1000 }, (_, i) => ({ x: i })), 10);
    const fits = Math.floor(MAX_ANSWER_ENTRIES / 101);
    expect(outcome.tooLarge).toEqual({ row: fits, rows: 1000 });
    expect(outcome.predictions).toHaveLength(fits);
    expect((await predictRows(spec, model, Array.from({ length: fits }, (_, i) => ({ x: i })), 10)).tooLarge).toBeNull();
  });
});
