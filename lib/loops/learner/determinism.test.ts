import { describe, expect, it } from "vitest";
import { createLearnerState, learnOne, predictOne, type LearnerState } from ".";
import { resolveSettings } from "../settings";
import { chickWeights, mulberry32, seededShuffle, sklearnSet } from "../testing/datasets";
import type { LoopSpec } from "../types";

/** docs/loops-learner.md §8 determinism: replays are bit-identical, the state survives JSON mid-stream, /predict/ writes nothing. */

const iris = sklearnSet("iris.csv");
const irisSpec: LoopSpec = {
  task_type: "classification",
  input_schema: { ...Object.fromEntries(iris.featureNames.map((f) => [f, "float" as const])), note: "string", bag: "array", meta: "object" },
  output: { name: "species", type: "string" },
  settings: resolveSettings({ category_cap: 3, hash_bits: 2 }),
};

/** Iris plus a few non-numeric fields, shuffled, so every part of the state is exercised. */
function irisRows(): Record<string, unknown>[] {
  const random = mulberry32(99);
  return seededShuffle(iris.rows, 5).map((r, i) => ({
    ...Object.fromEntries(iris.featureNames.map((f, j) => [f, r.x[j]])),
    note: random() > 0.2 ? `n${Math.floor(random() * 8)}` : null,
    bag: random() > 0.5 ? ["x", `y${i % 5}`] : [random() * 3, 2],
    meta: { src: i % 2 ? "web" : "app", w: random(), nested: { k: i % 3 === 0 ? [] : ["p", "q"] } },
    species: iris.classNames[r.label],
  }));
}

const json = (x: unknown) => JSON.stringify(x);

/** Every number in the state is finite and not −0 (JSON would turn −0 into 0). */
function expectJsonSafe(value: unknown, where = "state"): void {
  if (typeof value === "number") {
    expect(Number.isFinite(value), where).toBe(true);
    expect(Object.is(value, -0), where).toBe(false);
  } else if (Array.isArray(value)) value.forEach((v, i) => expectJsonSafe(v, `${where}[${i}]`));
  else if (value !== null && typeof value === "object") {
    expect(value instanceof Map || value instanceof Set || ArrayBuffer.isView(value), where).toBe(false);
    for (const [k, v] of Object.entries(value)) expectJsonSafe(v, `${where}.${k}`);
  }
}

describe("determinism (§8)", () => {
  it("learning the same rows twice gives the identical state and predictions", () => {
    const rows = irisRows();
    const runs = [0, 1].map(() => {
      const state = createLearnerState(irisSpec);
      const predictions = rows.map((row) => json(learnOne(irisSpec, state, row).prediction));
      return { state: json(state), predictions };
    });
    expect(runs[1]!.state).toBe(runs[0]!.state);
    expect(runs[1]!.predictions).toEqual(runs[0]!.predictions);
  });

  it("the state round-trips through JSON exactly, and continuing from the copy changes nothing", () => {
    const rows = irisRows();
    const straight = createLearnerState(irisSpec);
    const straightPredictions = rows.map((row) => learnOne(irisSpec, straight, row).prediction);

    let resumed: LearnerState = createLearnerState(irisSpec);
    const resumedPredictions = rows.map((row, i) => {
      if (i % 37 === 0) {
        const copy = JSON.parse(JSON.stringify(resumed)) as LearnerState;
        expect(copy).toEqual(resumed); // toEqual tells 0 from −0
        resumed = copy;
      }
      return learnOne(irisSpec, resumed, row).prediction;
    });
    expect(resumedPredictions).toEqual(straightPredictions);
    expect(resumed).toEqual(straight);
    expectJsonSafe(straight);
  });

  it("a spec whose schema keys come in another order (a jsonb round trip) learns the same state", () => {
    const reordered: LoopSpec = { ...irisSpec, input_schema: Object.fromEntries(Object.entries(irisSpec.input_schema).reverse()) };
    const a = createLearnerState(irisSpec);
    const b = createLearnerState(reordered);
    for (const row of irisRows()) {
      learnOne(irisSpec, a, row);
      learnOne(reordered, b, Object.fromEntries(Object.entries(row).reverse()));
    }
    expect(json(b)).toBe(json(a));
  });

  it("predictOne never changes the state", () => {
    const rows = irisRows();
    const state = createLearnerState(irisSpec);
    const probes: Record<string, unknown>[] = [
      {},
      { note: "never-seen", bag: ["new", "x"], meta: { src: "tv", brand_new: 1, nested: { k: [5] } } },
      { bag: [], meta: null, f00: 1e6 },
      { f00: "not a number", meta: "not an object", bag: [1, "mixed"] },
    ];
    for (const [i, row] of rows.entries()) {
      learnOne(irisSpec, state, row);
      if (i % 10 !== 0) continue;
      const before = json(state);
      for (const probe of [...probes, row]) predictOne(irisSpec, state, probe, { topK: 100 });
      expect(json(state)).toBe(before);
    }
  });

  it("chick-weights replayed from a JSON copy at every step gives the same predictions", () => {
    const spec: LoopSpec = { task_type: "regression", input_schema: { time: "integer", chick: "integer", diet: "integer" }, output: { name: "weight", type: "integer" }, settings: resolveSettings({}) };
    const a = createLearnerState(spec);
    let b = createLearnerState(spec);
    for (const row of chickWeights()) {
      b = JSON.parse(JSON.stringify(b)) as LearnerState;
      expect(learnOne(spec, b, row).prediction.value).toBe(learnOne(spec, a, row).prediction.value);
    }
    expect(b).toEqual(a);
  });
});
