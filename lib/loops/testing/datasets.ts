import { readFileSync } from "node:fs";
import path from "node:path";
import { mulberry32 } from "@/lib/seeded-random";

export { mulberry32 };

/**
 * Test-only loaders for the data sets in ../testdata (see its README) and a seeded shuffle, shared by
 * the learner's tests. Not used by the app.
 */

function readTestData(name: string): string {
  return readFileSync(path.join(import.meta.dirname, "..", "testdata", name), "utf8");
}

/** ChickWeights in file order: { weight, time, chick, diet }, all numbers. */
export function chickWeights(): { weight: number; time: number; chick: number; diet: number }[] {
  const [header, ...lines] = readTestData("chick-weights.csv").trim().split("\n");
  const names = header!.trim().split(",");
  return lines.map((line) => {
    const cells = line.trim().split(",").map(Number);
    const row: Record<string, number> = {};
    names.forEach((n, i) => (row[n] = cells[i]!));
    return row as { weight: number; time: number; chick: number; diet: number };
  });
}

export interface LabelledSet {
  featureNames: string[];
  classNames: string[];
  rows: { x: number[]; label: number }[];
}

/** scikit-learn's CSV format: first line "n_samples,n_features,<class names…>", then features and an integer label. */
export function sklearnSet(name: "breast_cancer.csv" | "iris.csv" | "wine_data.csv"): LabelledSet {
  const [header, ...lines] = readTestData(name).trim().split("\n");
  const [, nFeatures, ...classNames] = header!.trim().split(",");
  const k = Number(nFeatures);
  const featureNames = Array.from({ length: k }, (_, i) => `f${String(i).padStart(2, "0")}`);
  const rows = lines.map((line) => {
    const cells = line.trim().split(",").map(Number);
    return { x: cells.slice(0, k), label: cells[k]! };
  });
  return { featureNames, classNames, rows };
}

/** Fisher–Yates with a seeded PRNG; returns a new array. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** |β + Σ c + other − m| ≤ 1e-9·max(1, |m|), in reported units (docs/loops-learner.md §4.1): the additivity check. */
export function additivityGap(explanation: { baseline: number; margin: number; other: number; top_contributors: { contribution: number }[] }): number {
  let sum = explanation.baseline + explanation.other;
  for (const c of explanation.top_contributors) sum += c.contribution;
  return Math.abs(sum - explanation.margin) / Math.max(1, Math.abs(explanation.margin));
}
