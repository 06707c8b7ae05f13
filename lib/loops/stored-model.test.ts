import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { specOf } from "./definition";
import { createLoopModel, trainRows } from "./engine";
import { unpackText } from "./model-codec";
import { resolveSettings } from "./settings";
import { LEARNER_PART, loadModel, MONITOR_PART, storeModel, StoredStateError, upgradeState, type StoredPart } from "./stored-model";

const spec = specOf({ task_type: "classification", input_schema: { x: "float", city: "string" }, output_schema: { y: "string" } }, resolveSettings());

describe("stored model states", () => {
  it("round-trips a model in the current layouts", async () => {
    const model = createLoopModel(spec);
    await trainRows(spec, model, [{ x: 1, city: "a", y: "p" }, { x: 2, city: "b", y: "q" }], "t");
    const back = loadModel(storeModel(model));
    expect(JSON.stringify(back)).toBe(JSON.stringify(model));
    expect(back.learner.format).toBe(LEARNER_PART.current);
    expect(back.monitor.version).toBe(MONITOR_PART.current);
  });

  it("upgrades one version at a time, in order", () => {
    const seen: number[] = [];
    const part: StoredPart = {
      key: "version",
      current: 3,
      steps: {
        1: (s) => (seen.push(1), { ...s, version: 2, added: true }),
        2: (s) => (seen.push(2), { ...s, version: 3, renamed: s.old, old: undefined }),
      },
    };
    expect(upgradeState(part, { version: 1, old: 5 }, "state")).toEqual({ version: 3, added: true, renamed: 5, old: undefined });
    expect(seen).toEqual([1, 2]);
    expect(upgradeState(part, { version: 3, kept: 1 }, "state")).toEqual({ version: 3, kept: 1 });
  });

  it("refuses states it cannot read rather than misreading them", () => {
    const part: StoredPart = { key: "format", current: 2, steps: { 1: (s) => ({ ...s, format: 3 }) } };
    expect(() => upgradeState(part, { format: 3 }, "learner state")).toThrow(/format 3, written by a later version of Crucible \(this one reads up to 2\)/);
    expect(() => upgradeState(part, { format: "1" }, "learner state")).toThrow(/no valid format/);
    expect(() => upgradeState(part, [], "learner state")).toThrow(StoredStateError);
    expect(() => upgradeState(part, { format: 1 }, "learner state")).toThrow(/from format 1 gave 3/);
    expect(() => upgradeState({ ...part, steps: {} }, { format: 1 }, "learner state")).toThrow(/No upgrade of the stored learner state from format 1/);
  });
});

describe("stored states of earlier versions", () => {
  it("reads a monitor stored by version 1 (one aggregate per window) as version 2 (one state per metric)", () => {
    const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, "testdata", "golden", "wine-mixed-multiclass.state.json"), "utf8")) as { learner_state: string; monitor_state: string };
    const stored = unpackText<{ version: number; model: { cumulative: { n: number; correct: number } } }>(fixture.monitor_state);
    expect(stored.version).toBe(1);
    const { monitor } = loadModel({ learnerState: fixture.learner_state, monitorState: fixture.monitor_state });
    expect(monitor.version).toBe(2);
    expect(Object.keys(monitor.model.cumulative).slice(0, 3)).toEqual(["accuracy", "log_loss", "macro_f1"]);
    expect(monitor.model.cumulative.accuracy).toEqual({ n: stored.model.cumulative.n, correct: stored.model.cumulative.correct });
    for (const w of monitor.model.windows) expect(Object.keys(w.metrics).slice(0, 3)).toEqual(["accuracy", "log_loss", "macro_f1"]);
  });
});
