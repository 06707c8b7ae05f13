import { describe, expect, it } from "vitest";
import { specOf } from "./definition";
import { createLoopModel, predictRows, trainRows } from "./engine";
import { learnOne } from "./learner";
import { resolveSettings } from "./settings";
import { mulberry32 } from "./test-datasets";

const definition = { task_type: "classification" as const, input_schema: { x: "float" as const }, output_schema: { y: "boolean" as const } };

/** x decides y, and the rule flips after `flipAt` examples. */
function stream(n: number, flipAt: number) {
  const random = mulberry32(7);
  return Array.from({ length: n }, (_, i) => {
    const x = random() * 2 - 1;
    return { x, y: i < flipAt ? x > 0 : x <= 0 };
  });
}

function run(resetOnDrift: boolean) {
  const spec = specOf(definition, resolveSettings({ reset_on_drift: resetOnDrift }));
  const model = createLoopModel(spec);
  let drift = false;
  for (const row of stream(1200, 400)) drift = trainRows(spec, model, row, "t").drift || drift;
  return { spec, model, drift };
}

describe("the loop engine", () => {
  it("reports bad rows with their index and learns the rest", () => {
    const spec = specOf(definition, resolveSettings());
    const model = createLoopModel(spec);
    const outcome = trainRows(spec, model, [{ x: 1, y: true }, { x: "one", y: true }, { x: 2 }, { x: -1, y: false }], "t");
    expect(outcome).toMatchObject({ trained: 2, failed: 2 });
    expect(outcome.errors).toEqual([expect.stringMatching(/^data\[1\]: x: /), expect.stringMatching(/^data\[2\]: y: /)]);
    const predicted = predictRows(spec, model, [{ x: 3 }, { x: [] }], 10);
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

  it("detects a flipped rule and, when asked, resets the optimizer so the model re-adapts", () => {
    const kept = run(false);
    const reset = run(true);
    expect(kept.drift).toBe(true);
    expect(reset.drift).toBe(true);
    // The reset run carries smaller AdaGrad accumulators: they restarted at the drift.
    const g2 = (m: typeof kept.model) => (m.learner as unknown as { weights_g2: number[][] }).weights_g2.flat().reduce((a, b) => a + b, 0);
    expect(g2(reset.model)).toBeLessThan(g2(kept.model));
  });
});
