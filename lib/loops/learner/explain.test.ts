import { describe, expect, it } from "vitest";
import { createLearnerState, learnOne, predictOne, weightsTable } from ".";
import { resolveSettings } from "../settings";
import { additivityGap, mulberry32 } from "../testing/datasets";
import type { Contributor, FieldType, LearnerSettings, LoopSpec, Prediction } from "../types";

/**
 * docs/loops-learner.md §4: every prediction splits exactly as baseline + Σ contributions (+ other) = margin, in reported
 * units, for all three output kinds, on streams with strings, arrays, objects, missing values, unseen
 * categories, leaves that change kind and categories hashed past a small cap.
 */

const INPUTS: Record<string, FieldType> = {
  age: "integer",
  score: "float",
  member: "boolean",
  city: "string",
  tags: "array",
  history: "array",
  profile: "object",
};

const CITIES = ["Paris", "Lyon", "Nice", "Oslo", "Rome", "Bern", "Kyiv", "Lima", "Pune", "Doha", "Riga", "Baku"];
const TAGS = ["a", "b", "c", "d", "e", "f"];

/** A deterministic stream of mixed rows; y depends on the inputs so the model has something to learn. */
function mixedRows(n: number, seed: number): Record<string, unknown>[] {
  const random = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    if (random() > 0.1) row.age = Math.floor(18 + random() * 60);
    else if (random() > 0.5) row.age = null;
    row.score = random() > 0.05 ? random() * 10 - 3 : null;
    if (random() > 0.1) row.member = random() > 0.4;
    // More cities over time: new categories keep appearing, and past the cap they are hashed.
    if (random() > 0.1) row.city = pick(CITIES.slice(0, 3 + Math.floor((9 * i) / n)));
    row.tags = TAGS.filter(() => random() > 0.6);
    if (random() > 0.2) row.history = Array.from({ length: Math.floor(random() * 4) }, () => random() * 100);
    const profile: Record<string, unknown> = { country: pick(["FR", "NO", "UA", null]), visits: Math.floor(random() * 20) };
    if (random() > 0.3) profile.geo = { lat: random() * 90, lon: random() * 180 };
    // A leaf that is a number at first sight and sometimes arrives as a string: treated as missing.
    profile.rank = i > 5 && random() > 0.8 ? "high" : Math.floor(random() * 5);
    if (random() > 0.9) row.profile = null;
    else row.profile = profile;
    const signal =
      ((row.age as number | undefined) ?? 40) / 20 +
      ((row.score as number | null) ?? 0) -
      (row.member === true ? 2 : 0) +
      (row.city === "Paris" ? 3 : 0) +
      (row.tags as string[]).length +
      (random() - 0.5);
    row.y = signal;
    rows.push(row);
  }
  return rows;
}

function outputOf(kind: "regression" | "boolean" | "string", signal: number): unknown {
  if (kind === "regression") return Math.round(signal * 1000) / 1000;
  if (kind === "boolean") return signal > 4;
  return signal < 3 ? "low" : signal < 6 ? "mid" : "high";
}

function mixedSpec(kind: "regression" | "boolean" | "string", settings: Partial<LearnerSettings> = {}): LoopSpec {
  return {
    task_type: kind === "regression" ? "regression" : "classification",
    input_schema: INPUTS,
    output: { name: "out", type: kind === "regression" ? "float" : kind },
    settings: resolveSettings({ category_cap: 4, hash_bits: 2, ...settings }),
  };
}

function expectExact(prediction: Prediction) {
  const e = prediction.explanation;
  expect(additivityGap(e)).toBeLessThanOrEqual(1e-9);
  for (const n of [e.baseline, e.margin, e.other, ...e.top_contributors.flatMap((c) => [c.contribution, c.weight])]) {
    expect(Number.isFinite(n)).toBe(true);
  }
}

/** All contributors listed: their sum alone closes the gap. */
function expectExactWithAllListed(prediction: Prediction) {
  const e = prediction.explanation;
  expect(e.other).toBe(0);
  const sum = e.top_contributors.reduce((s, c) => s + c.contribution, e.baseline);
  expect(Math.abs(sum - e.margin)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e.margin)));
}

describe.each(["regression", "boolean", "string"] as const)("additivity on a mixed stream (%s output)", (kind) => {
  it("holds on every prequential prediction and on predictions of unseen inputs", () => {
    const spec = mixedSpec(kind);
    const state = createLearnerState(spec);
    const rows = mixedRows(400, 7);
    let unseenSeen = 0;
    let missingSeen = 0;
    let mismatchSeen = 0;
    for (const raw of rows) {
      const { y: signal, ...inputs } = raw;
      const row = { ...inputs, out: outputOf(kind, signal as number) };
      const { prediction, fields } = learnOne(spec, state, row);
      expectExact(prediction);
      unseenSeen += fields.filter((f) => f.unseen).length;
      mismatchSeen += fields.filter((f) => f.presence === "mismatch").length;
      // And with every feature listed, for the same state (predictOne after learning).
      expectExactWithAllListed(predictOne(spec, state, inputs, { topK: 100 }));
      expectExact(predictOne(spec, state, inputs, { topK: 2 }));
      const all = predictOne(spec, state, inputs, { topK: 100 }).explanation.top_contributors;
      missingSeen += all.filter((c) => c.value === null).length;
    }
    expect(missingSeen).toBeGreaterThan(0);
    // Hashing happened: buckets exist next to the 4 one-hot cities.
    expect(weightsTable(spec, state).some((w) => w.kind === "bucket" && w.feature === "city")).toBe(true);

    const strange = predictOne(spec, state, {
      city: "Atlantis",
      tags: ["zzz", "a", "a"],
      history: [],
      profile: { country: "XX", newleaf: 3, geo: { lat: "north" }, extra: { deep: [1, 2] } },
    }, { topK: 100 });
    expectExactWithAllListed(strange);
    const byName = Object.fromEntries(strange.explanation.top_contributors.map((c) => [c.feature, c]));
    // tags and city are past their cap of 4: "zzz" and "Atlantis" land in (learned) hash buckets.
    expect(byName["tags"]!.value).toEqual(["zzz", "a", "a"]);
    expect(byName["profile.country"]!.unseen).toBe(true);
    expect(byName["profile.newleaf"]!.contribution).toBe(0);
    expect(byName["profile.extra.deep"]!.contribution).toBe(0);
    expect(byName["age"]).toMatchObject({ value: null, contribution: 0 });
    expect(byName["history"]!.parts).toBeDefined();
    expect(unseenSeen).toBeGreaterThan(0);
    expect(mismatchSeen).toBeGreaterThan(0); // profile.rank arriving as a string
  });
});

describe("explanation details", () => {
  it("numeric contribution = weight × (value − mean), and value/mean as sent", () => {
    const spec = mixedSpec("regression");
    const state = createLearnerState(spec);
    for (const raw of mixedRows(200, 3)) {
      const { y, ...inputs } = raw;
      learnOne(spec, state, { ...inputs, out: y });
    }
    const p = predictOne(spec, state, { age: 33, score: 1.5, member: true }, { topK: 100 });
    const get = (f: string) => p.explanation.top_contributors.find((c) => c.feature === f)!;
    for (const [f, v] of [["age", 33], ["score", 1.5], ["member", 1]] as const) {
      const c = get(f);
      expect(c.mean).toBeTypeOf("number");
      expect(c.contribution).toBeCloseTo(c.weight * (v - c.mean!), 9);
    }
    expect(get("member").value).toBe(true);
    expect(p.explanation.units).toBe("target");
    expect(p.explanation.margin).toBe(p.value);
  });

  it("sorts by |contribution| descending, ties by feature name, and lists at most topK", () => {
    const spec = mixedSpec("string");
    const state = createLearnerState(spec);
    for (const raw of mixedRows(150, 11)) {
      const { y, ...inputs } = raw;
      learnOne(spec, state, { ...inputs, out: outputOf("string", y as number) });
    }
    const p = predictOne(spec, state, { age: 70, score: 9, city: "Paris", tags: ["a", "b"] }, { topK: 100 });
    const list = p.explanation.top_contributors;
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1]!;
      const b = list[i]!;
      expect(Math.abs(a.contribution) > Math.abs(b.contribution) || (Math.abs(a.contribution) === Math.abs(b.contribution) && a.feature < b.feature)).toBe(true);
    }
    // Missing fields contribute exactly 0 and tie: they come in name order.
    const zeros = list.filter((c) => c.contribution === 0).map((c) => c.feature);
    expect(zeros).toEqual([...zeros].sort());
    expect(predictOne(spec, state, { age: 70 }, { topK: 3 }).explanation.top_contributors).toHaveLength(3);
    expect(predictOne(spec, state, { age: 70 }).explanation.top_contributors.length).toBeLessThanOrEqual(10);
    expect(p.explanation.units).toBe("centred_logit");
  });

  it("computes the baseline from the category frequencies (worked example)", () => {
    // Boolean output, one string field: β = b + Σ_v p_v·w_v and c = w_x − Σ_v p_v·w_v.
    const spec: LoopSpec = { task_type: "classification", input_schema: { color: "string" }, output: { name: "ok", type: "boolean" }, settings: resolveSettings({}) };
    const state = createLearnerState(spec);
    learnOne(spec, state, { color: "red", ok: true });
    learnOne(spec, state, { color: "red", ok: true });
    learnOne(spec, state, { color: "blue", ok: false });
    learnOne(spec, state, { ok: false });
    const table = weightsTable(spec, state);
    const w = (col: string) => table.find((r) => r.column === col)!.raw_weight;
    const b = state.bias[0]!;
    const avg = (2 / 4) * w("color=red") + (1 / 4) * w("color=blue");
    const p = predictOne(spec, state, { color: "red" });
    expect(p.explanation.units).toBe("log_odds");
    expect(p.explanation.baseline).toBeCloseTo(b + avg, 12);
    expect(p.explanation.top_contributors[0]).toMatchObject({ feature: "color", value: "red", weight: w("color=red") });
    expect(p.explanation.top_contributors[0]!.contribution).toBeCloseTo(w("color=red") - avg, 12);
    expect(p.explanation.margin).toBeCloseTo(b + w("color=red"), 12);
    expect(p.probabilities!.true).toBeCloseTo(1 / (1 + Math.exp(-p.explanation.margin)), 12);
    const missing = predictOne(spec, state, {});
    expect(missing.explanation.top_contributors[0]!.contribution).toBeCloseTo(-avg, 12);
    const unseen = predictOne(spec, state, { color: "green" });
    expect(unseen.explanation.top_contributors[0]).toMatchObject({ unseen: true, weight: 0 });
  });

  it("reports multi-hot contributions with the baseline term once per field", () => {
    const spec: LoopSpec = { task_type: "regression", input_schema: { tags: "array" }, output: { name: "y", type: "float" }, settings: resolveSettings({}) };
    const state = createLearnerState(spec);
    const rows = [[["a", "b"], 3], [["a"], 1], [["b", "c", "b"], 4], [[], 0], [["c"], 2]] as const;
    for (let k = 0; k < 5; k++) for (const [tags, y] of rows) learnOne(spec, state, { tags: [...tags], y });
    const table = weightsTable(spec, state);
    const freq = Object.fromEntries(table.map((r) => [r.column, r.frequency!]));
    expect(freq).toEqual({ "tags=a": 0.4, "tags=b": 0.4, "tags=c": 0.4 }); // "b" twice in a row counts once
    const p = predictOne(spec, state, { tags: ["a", "c"] });
    const c: Contributor = p.explanation.top_contributors[0]!;
    const w = (col: string) => table.find((r) => r.column === col)!.weight;
    expect(c.weight).toBeCloseTo(w("tags=a") + w("tags=c"), 9);
    expect(c.contribution).toBeCloseTo(w("tags=a") + w("tags=c") - 0.4 * (w("tags=a") + w("tags=b") + w("tags=c")), 9);
  });
});
