import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createLoopModel, predictRows, trainRows, type LoopModel } from "./engine";
import { batchesOf, goldenScenarios, TOP_KS, type GoldenScenario } from "./testing/golden-scenarios";
import { createLearnerState, learnOne, predictOne, stateSummary, weightsTable } from "./learner";
import { compactMetrics, formatMetric } from "./metrics-summary";
import { packText } from "./model-codec";
import { monitorSummary } from "./monitor";
import type { EventLoopPacer } from "./pacer";
import { loadModel, storeModel } from "./stored-model";

/**
 * The golden check: every answer the learner and the engine give on the golden scenarios (predictions
 * with their explanations, data-health observations, train and predict outcomes, monitor summaries,
 * weights tables), and the final states as stored, hashed and compared with testdata/golden/hashes.json.
 * Any change to any bit of any of them fails here. States written at a batch boundary of three
 * scenarios are kept in testdata/golden/ as the store wrote them; they must load and continue to the
 * same answers and the same final states as the straight run.
 *
 * GOLDEN_WRITE=1 rewrites the expected hashes: only for a deliberate change of answers or of a stored
 * layout (with its upgrade), never to make this test pass. The stored states are never rewritten.
 */

const DIR = path.join(import.meta.dirname, "testdata", "golden");
const HASHES = path.join(DIR, "hashes.json");
const WRITE = process.env.GOLDEN_WRITE === "1";
/** Scenarios whose state after FIXTURE_BATCHES batches is kept, and how it is stored ("packed" as today's rows, "json" as rows stored before packing). */
const FIXTURES: Record<string, "packed" | "json"> = { "cancer-adagrad-flip": "packed", "wine-mixed-multiclass": "packed", "synthetic-regression": "json" };
const FIXTURE_BATCHES = 4;

/** JSON in which −0, NaN and ±Infinity stay distinguishable, so the hash sees every bit a number carries. */
function exact(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "number" && (Object.is(v, -0) || !Number.isFinite(v)) ? `#${Object.is(v, -0) ? "-0" : String(v)}` : v)) ?? "undefined";
}

class Digest {
  private readonly hash = createHash("sha256");
  add(label: string, value: unknown): void {
    this.hash.update(`${label}\u0000${exact(value)}\u0001`);
  }
  hex(): string {
    return this.hash.digest("hex");
  }
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

/** A pacer that never pauses: the answers are the same either way, and this keeps the test quick. */
const NEVER: EventLoopPacer = { due: () => false, dueNow: () => false, pause: async () => {} } as unknown as EventLoopPacer;

/** The learner alone: learnOne with explanations and observations on every valid row, predictOne probes every 23 rows. */
function directRun(s: GoldenScenario) {
  const state = createLearnerState(s.spec);
  const answers = new Digest();
  const probes = [{}, { city: "Atlantis", tags: ["new", "red", "red"], profile: { age: "old", geo: { city: 3 }, brand_new: 1 }, readings: [] }];
  s.rows.forEach((row, i) => {
    if (s.invalid.has(i)) return;
    answers.add(`learn ${i}`, learnOne(s.spec, state, row));
    if (i % 23 !== 0) return;
    const next = s.rows[i + 1] ?? row;
    for (const [j, probe] of [next, ...probes].entries()) answers.add(`predict ${i}.${j}`, predictOne(s.spec, state, probe, { topK: TOP_KS[(i + j) % TOP_KS.length]! }));
  });
  answers.add("weights", weightsTable(s.spec, state));
  answers.add("summary", stateSummary(state));
  return { answers: answers.hex(), state: sha(exact(state)), packed: sha(packText(state)) };
}

/** As the store keeps a model: packed text for each part (or plain JSON, as rows were stored before packing). */
function stored(model: LoopModel, how: "packed" | "json") {
  const { learnerState, monitorState } = how === "packed" ? storeModel(model) : { learnerState: JSON.stringify(model.learner), monitorState: JSON.stringify(model.monitor) };
  return { learner_state: learnerState, monitor_state: monitorState };
}

/** As the store loads a model (upgrading states stored by earlier versions). */
function load(row: { learner_state: string; monitor_state: string }): LoopModel {
  return loadModel({ learnerState: row.learner_state, monitorState: row.monitor_state });
}

/**
 * The engine over batches (sizes from BATCH_SIZES): /predict/ on each batch before it is trained, then
 * /train/, the monitor's summary and the list's metric after each; every third batch the model goes
 * through storage and back. It starts at batch `from` (with `model`, as stored after the batch before);
 * the answers from batch `tailFrom` on are digested in `tail` as well.
 */
async function engineRun(s: GoldenScenario, options: { from?: number; tailFrom?: number; model?: LoopModel; onBatch?: (index: number, model: LoopModel) => void } = {}) {
  const from = options.from ?? 0;
  const tailFrom = options.tailFrom ?? from;
  let model = options.model ?? createLoopModel(s.spec);
  const all = new Digest();
  const tail = new Digest();
  const batches = batchesOf(s.rows);
  for (let b = from; b < batches.length; b++) {
    options.onBatch?.(b, model);
    const batch = batches[b]!;
    const add = (label: string, value: unknown) => {
      all.add(label, value);
      if (b >= tailFrom) tail.add(label, value);
    };
    add(`predict ${b}`, await predictRows(s.spec, model, batch, TOP_KS[b % TOP_KS.length]!, NEVER));
    add(`train ${b}`, await trainRows(s.spec, model, batch.length === 1 ? batch[0] : batch, `2024-01-01T00:00:${String(b % 60).padStart(2, "0")}Z`, NEVER));
    add(`monitor ${b}`, monitorSummary(model.monitor));
    const compact = compactMetrics(model.monitor);
    add(`metric ${b}`, [compact, formatMetric(compact)]);
    if (b % 3 === 2) model = load(stored(model, "packed"));
  }
  const final = { learner: sha(packText(model.learner)), monitor: sha(packText(model.monitor)) };
  all.add("weights", weightsTable(s.spec, model.learner));
  tail.add("weights", weightsTable(s.spec, model.learner));
  return { answers: all.hex(), tail: tail.hex(), ...final };
}

interface FixtureFile {
  scenario: string;
  written_by: string;
  batches: number;
  examples: number;
  learner_state: string;
  monitor_state: string;
}

const fixturePath = (name: string) => path.join(DIR, `${name}.state.json`);
const scenarios = goldenScenarios();
const expected: Record<string, unknown> = WRITE ? {} : (JSON.parse(readFileSync(HASHES, "utf8")) as Record<string, unknown>);

describe("golden answers and states", () => {
  for (const s of scenarios) {
    it(`${s.name}: the learner's answers and state`, () => {
      const result = directRun(s);
      if (WRITE) expected[`${s.name} learner`] = result;
      else expect(result).toEqual(expected[`${s.name} learner`]);
    });

    it(`${s.name}: the engine's answers and stored states`, async () => {
      const how = FIXTURES[s.name];
      const result = await engineRun(s, {
        tailFrom: how === undefined ? 0 : FIXTURE_BATCHES,
        onBatch: (b, model) => {
          // Written once, by the version they stand for: later versions must read them as they are.
          if (WRITE && how !== undefined && b === FIXTURE_BATCHES && !existsSync(fixturePath(s.name))) {
            const examples = batchesOf(s.rows).slice(0, b).flat().length;
            const fixture: FixtureFile = { scenario: s.name, written_by: `learner format ${model.learner.format}, monitor version ${model.monitor.version}`, batches: b, examples, ...stored(model, how) };
            writeFileSync(fixturePath(s.name), `${JSON.stringify(fixture, null, 1)}\n`);
          }
        },
      });
      if (WRITE) expected[`${s.name} engine`] = result;
      else expect(result).toEqual(expected[`${s.name} engine`]);
    });
  }

  for (const name of Object.keys(FIXTURES)) {
    it(`${name}: a state stored by an earlier version loads and continues bit-identically`, async () => {
      if (WRITE) return;
      const s = scenarios.find((x) => x.name === name)!;
      const fixture = JSON.parse(readFileSync(fixturePath(name), "utf8")) as FixtureFile;
      const continued = await engineRun(s, { from: fixture.batches, model: load(fixture) });
      const straight = expected[`${name} engine`] as { tail?: string };
      const { answers: _a, ...tail } = continued;
      expect(tail).toEqual({ tail: expect.any(String), learner: (straight as { learner: string }).learner, monitor: (straight as { monitor: string }).monitor });
      expect(continued.tail).toBe(expected[`${name} tail after ${fixture.batches}`]);
    });
  }

  it("writes the expected hashes when asked", async () => {
    if (!WRITE) return;
    for (const name of Object.keys(FIXTURES)) {
      const s = scenarios.find((x) => x.name === name)!;
      const fixture = JSON.parse(readFileSync(fixturePath(name), "utf8")) as FixtureFile;
      expected[`${name} tail after ${fixture.batches}`] = (await engineRun(s, { from: fixture.batches, model: load(fixture) })).tail;
    }
    writeFileSync(HASHES, `${JSON.stringify(expected, null, 2)}\n`);
  });
});
