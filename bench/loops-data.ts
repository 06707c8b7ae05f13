/**
 * Data for `npm run bench:loops`: the five accuracy streams as learner rows, the shared permutation
 * fixture and the synthetic mixed-type stream. Files are read from lib/loops/testdata relative to the
 * working directory (the repository root): lib/loops/testing/datasets.ts locates them with
 * import.meta.dirname, which the CommonJS bundle in dist/ does not have, so only its seeded shuffle
 * is reused here.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { mulberry32, seededShuffle } from "@/lib/loops/testing/datasets";
import type { FieldType, TaskType } from "@/lib/loops/types";

export const TESTDATA = path.resolve("lib/loops/testdata");
export const PERMUTATIONS_FILE = path.resolve("bench/permutations.json");
export const SEEDS = [1, 2, 3];

export interface Stream {
  name: string;
  task: TaskType;
  inputSchema: Record<string, FieldType>;
  output: { name: string; type: FieldType };
  rows: Record<string, unknown>[];
  /** "file" or "shuffled": shuffled streams run on the permutations in PERMUTATIONS_FILE. */
  order: "file" | "shuffled";
}

const read = (name: string) => readFileSync(path.join(TESTDATA, name));
const lines = (text: string) => text.trim().split("\n").filter((l) => l.trim());
const floats = (names: string[]) => Object.fromEntries(names.map((n) => [n, "float" as FieldType]));
const featureNames = (k: number) => Array.from({ length: k }, (_, i) => `f${String(i).padStart(2, "0")}`);

function chickWeights(): Stream {
  const [header, ...body] = lines(read("chick-weights.csv").toString("utf8"));
  const names = header!.trim().split(",");
  const rows = body.map((line) => Object.fromEntries(line.trim().split(",").map((c, i) => [names[i]!, Number(c)])));
  return { name: "chick-weights", task: "regression", inputSchema: floats(["time", "chick", "diet"]), output: { name: "weight", type: "float" }, rows, order: "file" };
}

function diabetes(): Stream {
  const x = lines(gunzipSync(read("diabetes_data_raw.csv.gz")).toString("utf8")).map((l) => l.trim().split(/\s+/).map(Number));
  const y = lines(gunzipSync(read("diabetes_target.csv.gz")).toString("utf8")).map(Number);
  const names = featureNames(x[0]!.length);
  const rows = x.map((cells, i) => ({ ...Object.fromEntries(names.map((n, j) => [n, cells[j]!])), target: y[i]! }));
  return { name: "diabetes", task: "regression", inputSchema: floats(names), output: { name: "target", type: "float" }, rows, order: "shuffled" };
}

/** scikit-learn's CSV layout; the label becomes a boolean (breast_cancer), a class name (wine) or an integer (iris), as in the learner's tests. */
function sklearnSet(name: string, file: string, outputType: FieldType): Stream {
  const [header, ...body] = lines(read(file).toString("utf8"));
  const [, k, ...classNames] = header!.trim().split(",");
  const names = featureNames(Number(k));
  const label = (i: number) => (outputType === "boolean" ? i === 1 : outputType === "string" ? classNames[i] : i);
  const rows = body.map((line) => {
    const cells = line.trim().split(",").map(Number);
    return { ...Object.fromEntries(names.map((n, j) => [n, cells[j]!])), label: label(cells[names.length]!) };
  });
  return { name, task: "classification", inputSchema: floats(names), output: { name: "label", type: outputType }, rows, order: "shuffled" };
}

export function accuracyStreams(): Stream[] {
  return [
    chickWeights(),
    diabetes(),
    sklearnSet("breast_cancer", "breast_cancer.csv", "boolean"),
    sklearnSet("wine", "wine_data.csv", "string"),
    sklearnSet("iris", "iris.csv", "integer"),
  ];
}

/** Seeded permutations (row indices) of every shuffled stream; written to the fixture the peer reads. */
export function writePermutations(streams: Stream[]): Record<string, number[][]> {
  const permutations: Record<string, number[][]> = {};
  for (const s of streams) {
    if (s.order === "shuffled") permutations[s.name] = SEEDS.map((seed) => seededShuffle(s.rows.map((_, i) => i), seed));
  }
  const fixture = { generator: "mulberry32 Fisher–Yates (lib/loops/testing/datasets.ts seededShuffle)", seeds: SEEDS, permutations };
  writeFileSync(PERMUTATIONS_FILE, `${JSON.stringify(fixture)}\n`);
  return permutations;
}

/** 10 numbers and 5 strings with 1,000 values each ("v0"…"v999"); a boolean label from a hidden linear rule. */
export function mixedStream(n: number, seed = 7) {
  const random = mulberry32(seed);
  const numbers = featureNames(10).map((f) => `n${f.slice(1)}`);
  const strings = featureNames(5).map((f) => `s${f.slice(1)}`);
  const cardinality = 1000;
  const numberWeights = numbers.map(() => random() * 2 - 1);
  const valueWeights = strings.map(() => Array.from({ length: cardinality }, () => random() * 2 - 1));
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    let margin = 0;
    numbers.forEach((f, j) => {
      const v = (random() * 2 - 1) * 10 + j;
      row[f] = v;
      margin += numberWeights[j]! * (v - j) / 10;
    });
    strings.forEach((f, j) => {
      const v = Math.floor(random() * cardinality);
      row[f] = `v${v}`;
      margin += valueWeights[j]![v]!;
    });
    row.label = margin + (random() - 0.5) > 0;
    rows.push(row);
  }
  const inputSchema: Record<string, FieldType> = { ...floats(numbers), ...Object.fromEntries(strings.map((s) => [s, "string" as FieldType])) };
  return { numbers, strings, cardinality, output: "label", inputSchema, rows };
}
