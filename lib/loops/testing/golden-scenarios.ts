import { resolveSettings } from "../settings";
import { chickWeights, mulberry32, seededShuffle, sklearnSet } from "./datasets";
import type { FieldType, LearnerSettings, LoopSpec } from "../types";

/**
 * Test-only: the learner's golden scenarios (golden.test.ts). Each is a spec and a stream of rows from
 * the data sets in ./testdata, with every setting that changes the arithmetic (AdaGrad and SGD, l2,
 * intercept rate, target standardisation and the River gradient, clipping, reset on drift) and every
 * kind of field (numbers, booleans, strings past their cap into hash buckets, string and number
 * arrays, nested objects whose leaves change kind, pending arrays), plus rows the engine must refuse.
 * Not used by the app.
 */

export interface GoldenScenario {
  name: string;
  spec: LoopSpec;
  rows: Record<string, unknown>[];
  /** Rows that are not valid examples (the engine reports them; the learner itself is never given them). */
  invalid: Set<number>;
}

const floats = (names: string[]) => Object.fromEntries(names.map((n) => [n, "float" as FieldType]));

function spec(task: LoopSpec["task_type"], inputs: Record<string, FieldType>, output: [string, FieldType], settings: Partial<LearnerSettings>): LoopSpec {
  return { task_type: task, input_schema: inputs, output: { name: output[0], type: output[1] }, settings: resolveSettings(settings) };
}

/** The non-numeric fields every mixed scenario adds, and their schema types. */
const EXTRA_SCHEMA: Record<string, FieldType> = { city: "string", tags: "array", readings: "array", active: "boolean", profile: "object", later: "array" };
const CITIES = ["Paris", "Lyon", "Oslo", "Lima", "Quito", "Accra", "Perth", "Hanoi", "Cairo", "Porto", "Kyiv", "Riga", "__proto__", "constructor"];
const TAGS = ["red", "green", "blue", "cyan", "teal", "gold"];

/** Extra values for row i, deterministic from `random`; some missing, some of a changing kind inside objects. */
function extras(random: () => number, i: number): Record<string, unknown> {
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const out: Record<string, unknown> = {};
  const r = random();
  if (r > 0.1) out.city = pick(CITIES);
  else if (r > 0.05) out.city = null;
  if (random() > 0.15) out.tags = Array.from({ length: Math.floor(random() * 4) }, () => pick(TAGS));
  if (random() > 0.2) out.readings = Array.from({ length: Math.floor(random() * 4) }, () => Math.round((random() * 20 - 5) * 100) / 100);
  const b = random();
  if (b > 0.3) out.active = b > 0.65;
  if (random() > 0.1) {
    const profile: Record<string, unknown> = { age: 18 + Math.floor(random() * 60), geo: { city: pick(CITIES.slice(0, 6)), zone: Math.floor(random() * 5) } };
    profile.prefs = random() > 0.5 ? [pick(TAGS), pick(TAGS)] : [];
    // A leaf whose kind changes: a number first, later sometimes a string (a mismatch, treated as missing).
    profile.extra = i > 40 && random() > 0.7 ? "text" : Math.round(random() * 1000) / 10;
    if (random() > 0.8) profile.flag = random() > 0.5;
    if (i > 60 && random() > 0.85) profile[`new_${i % 7}`] = random() > 0.5 ? pick(TAGS) : i;
    out.profile = profile;
  }
  // A pending array: only empty arrays until example 30, then strings.
  if (random() > 0.2) out.later = i < 30 ? [] : [pick(TAGS)];
  return out;
}

/** Rows the engine refuses: a type mismatch, an unknown field, a missing or wrong label. */
function spoil(row: Record<string, unknown>, i: number, output: string): Record<string, unknown> {
  switch (i % 4) {
    case 0:
      return { ...row, tags: "not-an-array" };
    case 1:
      return { ...row, unknown_field: 1 };
    case 2: {
      const { [output]: _label, ...rest } = row;
      return rest;
    }
    default:
      return { ...row, [output]: { not: "a label" } };
  }
}

/** Marks every `every`-th row (from `from`) invalid by spoiling it. */
function withInvalid(rows: Record<string, unknown>[], output: string, every: number, from: number): { rows: Record<string, unknown>[]; invalid: Set<number> } {
  const invalid = new Set<number>();
  const out = rows.map((row, i) => {
    if (i < from || (i - from) % every !== 0) return row;
    invalid.add(i);
    return spoil(row, invalid.size, output);
  });
  return { rows: out, invalid };
}

function chick(name: string, settings: Partial<LearnerSettings>): GoldenScenario {
  const rows = chickWeights().map((r) => ({ time: r.time, chick: r.chick, diet: r.diet, weight: r.weight }));
  return { name, spec: spec("regression", { time: "integer", chick: "integer", diet: "integer" }, ["weight", "integer"], settings), rows, invalid: new Set() };
}

function cancer(name: string, settings: Partial<LearnerSettings>, flipAt: number | null): GoldenScenario {
  const set = sklearnSet("breast_cancer.csv");
  const rows = seededShuffle(set.rows, 1).map((r, i) => ({
    ...Object.fromEntries(set.featureNames.map((f, j) => [f, r.x[j]])),
    malignant: flipAt !== null && i >= flipAt ? r.label !== 1 : r.label === 1,
  }));
  return { name, spec: spec("classification", floats(set.featureNames), ["malignant", "boolean"], settings), rows, invalid: new Set() };
}

function wineMixed(): GoldenScenario {
  const set = sklearnSet("wine_data.csv");
  const random = mulberry32(11);
  const base = seededShuffle(set.rows, 2).map((r, i) => ({
    ...Object.fromEntries(set.featureNames.map((f, j) => [f, r.x[j]])),
    ...extras(random, i),
    cultivar: set.classNames[r.label],
  }));
  const { rows, invalid } = withInvalid(base, "cultivar", 17, 5);
  const settings = { category_cap: 4, hash_bits: 2 };
  return { name: "wine-mixed-multiclass", spec: spec("classification", { ...floats(set.featureNames), ...EXTRA_SCHEMA }, ["cultivar", "string"], settings), rows, invalid };
}

function irisHashed(): GoldenScenario {
  const set = sklearnSet("iris.csv");
  const random = mulberry32(12);
  const rows = seededShuffle(set.rows, 3).map((r, i) => {
    const { city, tags } = extras(random, i);
    return { ...Object.fromEntries(set.featureNames.map((f, j) => [f, r.x[j]])), city, tags, species: r.label };
  });
  const settings = { category_cap: 0, hash_bits: 3, learning_rate: 0.05, reset_on_drift: true };
  return { name: "iris-integer-hashed", spec: spec("classification", { ...floats(set.featureNames), city: "string", tags: "array" }, ["species", "integer"], settings), rows, invalid: new Set() };
}

/** A synthetic stream: 4 numbers and every other kind of field; the label is a hidden linear rule of them. */
function synthetic(name: string, task: LoopSpec["task_type"], outputType: FieldType, n: number, seed: number, settings: Partial<LearnerSettings>): GoldenScenario {
  const random = mulberry32(seed);
  const base = Array.from({ length: n }, (_, i) => {
    const x = [0, 1, 2, 3].map((j) => Math.round((random() * 10 - 5 + j) * 1000) / 1000);
    const extra = extras(random, i);
    const score = x[0]! - 0.5 * x[1]! + (extra.city === "Paris" ? 2 : 0) + ((extra.tags as string[] | undefined)?.includes("red") ? 1 : 0) + (random() - 0.5);
    const label = task === "regression" ? Math.round((10 + 3 * score) * 100) / 100 : score > 0;
    return { x0: x[0], x1: x[1], x2: i % 9 === 0 ? null : x[2], x3: x[3], ...extra, y: label };
  });
  const { rows, invalid } = withInvalid(base, "y", 23, 3);
  return { name, spec: spec(task, { ...floats(["x0", "x1", "x2", "x3"]), ...EXTRA_SCHEMA }, ["y", outputType], settings), rows, invalid };
}

export function goldenScenarios(): GoldenScenario[] {
  return [
    chick("chick-default", {}),
    chick("chick-reset-on-drift", { reset_on_drift: true, clip: 1.5 }),
    chick("chick-river-sgd", { optimizer: "sgd", learning_rate: 0.01, target_standardization: false, squared_loss_gradient: "twice_residual" }),
    chick("chick-river-sgd-l2", { optimizer: "sgd", learning_rate: 0.01, target_standardization: false, squared_loss_gradient: "twice_residual", l2: 1 }),
    cancer("cancer-adagrad-flip", { reset_on_drift: true }, 300),
    cancer("cancer-sgd-l2-clip", { optimizer: "sgd", learning_rate: 0.005, intercept_learning_rate: 0.002, l2: 0.001, clip: 3 }, null),
    wineMixed(),
    irisHashed(),
    synthetic("synthetic-regression", "regression", "float", 400, 21, { target_standardization: false, clip: 2, learning_rate: 0.05 }),
    synthetic("synthetic-regression-standardised", "regression", "float", 250, 22, { optimizer: "sgd", learning_rate: 0.02, l2: 0.01 }),
    synthetic("synthetic-binary-sgd", "classification", "boolean", 300, 23, { optimizer: "sgd", learning_rate: 0.05, category_cap: 3, hash_bits: 1 }),
  ];
}

/** The engine's batches: sizes cycling through these, so single rows, small and large batches all occur. */
export const BATCH_SIZES = [1, 7, 50, 13, 120, 3];
/** top_k of the /predict/ call before each batch, cycling. */
export const TOP_KS = [10, 1, 3, 100];

export function batchesOf<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0, b = 0; i < rows.length; b++) {
    const size = BATCH_SIZES[b % BATCH_SIZES.length]!;
    out.push(rows.slice(i, i + size));
    i += size;
  }
  return out;
}
