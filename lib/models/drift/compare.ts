import { categoryCounts, chiSquareHomogeneity } from "./chi-square";
import { jensenShannonDistance, normalisedWasserstein, sharedHistogram } from "./effect-sizes";
import { ksTwoSample } from "./ks";
import { mmdPermutationTest } from "./mmd";
import { mulberry32 } from "@/lib/seeded-random";
import { subsample } from "./random";
import { welchTTest, type TestResult } from "./welch";

/** A value of one feature in one row: from the data file or an operation's input. */
export type Cell = string | number | boolean | null;

/** drift_detection method of the models document: 0 mean shift, 1 MMD, 2 Kolmogorov–Smirnov. */
export type DriftMethod = 0 | 1 | 2;
export type FeatureType = "cont" | "cat";

export interface FeatureSpec {
  name: string;
  type: FeatureType;
}

export type DriftTestName = "welch_t" | "mmd_rbf" | "kolmogorov_smirnov" | "chi_square";

export interface FeatureDrift {
  feature: string;
  type: FeatureType;
  test: DriftTestName;
  /** drift | no_drift | insufficient (too few usable values for a verdict). */
  verdict: "drift" | "no_drift" | "insufficient";
  statistic: number | null;
  pValue: number | null;
  /** Bonferroni-adjusted: min(1, p × number of features tested); drift when below alpha. */
  pAdjusted: number | null;
  windowSize: number;
  referenceSize: number;
  /** Only with more than 1,000 reference values: W1 / σ_reference (continuous) and the Jensen–Shannon distance. */
  effect: { wasserstein: number | null; jensenShannon: number } | null;
  reason?: string;
}

export interface DriftComparison {
  /** Null when there is no verdict (a window below the minimum, or nothing testable). */
  drifted: boolean | null;
  features: FeatureDrift[];
  windowSize: number;
  referenceSize: number;
  reason: string | null;
}

export const MIN_WINDOW = 30;
export const EFFECT_SIZE_MIN_REFERENCE = 1000;
/**
 * Family-wise level per check. 0.01 rather than 0.05 because checks repeat (every 10 minutes by
 * default) and a false alarm can start a retraining: at 0.05 a healthy deployment would raise
 * several alarms a day. CRUCIBLE_DRIFT_ALPHA overrides it.
 */
export const DEFAULT_ALPHA = 0.01;
/** MMD's kernel matrix is (n + m)²: each side is subsampled (seeded) to at most this many values. */
export const MMD_MAX_SAMPLE = 1000;

export interface CompareInput {
  features: FeatureSpec[];
  /** Per feature name: the data file's column. */
  reference: Map<string, Cell[]>;
  /** Per feature name: the recent operations' values (same length for every feature: one per row). */
  window: Map<string, Cell[]>;
  windowRows: number;
  method: DriftMethod;
  alpha?: number;
  seed?: number;
}

function numbers(cells: Cell[]): number[] {
  const out: number[] = [];
  for (const cell of cells) {
    const value = typeof cell === "number" ? cell : typeof cell === "string" && cell.trim() !== "" ? Number(cell) : typeof cell === "boolean" ? Number(cell) : Number.NaN;
    if (Number.isFinite(value)) out.push(value);
  }
  return out;
}

/** Category labels; numeric labels are canonicalised so "1", "1.0" and 1 are one category on both sides. */
function categories(cells: Cell[]): string[] {
  const out: string[] = [];
  for (const cell of cells) {
    if (cell === null) continue;
    const label = String(cell).trim();
    if (label === "") continue;
    const number = Number(label);
    out.push(Number.isFinite(number) ? String(number) : label);
  }
  return out;
}

const TEST_OF_METHOD: Record<DriftMethod, DriftTestName> = { 0: "welch_t", 1: "mmd_rbf", 2: "kolmogorov_smirnov" };

function continuousTest(method: DriftMethod, reference: number[], window: number[], seed: number, permutations: number): TestResult {
  if (method === 0) return welchTTest(reference, window);
  if (method === 2) return ksTwoSample(reference, window);
  const random = mulberry32(seed);
  return mmdPermutationTest(subsample(reference, MMD_MAX_SAMPLE, random), subsample(window, MMD_MAX_SAMPLE, random), { seed, permutations });
}

/**
 * Enough relabellings that a permutation p-value can pass Bonferroni with room to spare: the
 * smallest one, 1 / (B + 1), must be well below alpha / features.
 */
export function mmdPermutations(features: number, alpha: number): number {
  return Math.max(1000, Math.ceil((20 * Math.max(1, features)) / alpha));
}

function testFeature(spec: FeatureSpec, input: CompareInput, index: number): FeatureDrift {
  const test: DriftTestName = spec.type === "cat" ? "chi_square" : TEST_OF_METHOD[input.method];
  const base = { feature: spec.name, type: spec.type, test, statistic: null, pValue: null, pAdjusted: null, effect: null };
  const rawReference = input.reference.get(spec.name);
  if (!rawReference) return { ...base, verdict: "insufficient", windowSize: 0, referenceSize: 0, reason: "The feature is not a column of the data file" };
  const rawWindow = input.window.get(spec.name) ?? [];

  if (spec.type === "cat") {
    const reference = categories(rawReference);
    const window = categories(rawWindow);
    const sizes = { windowSize: window.length, referenceSize: reference.length };
    const short = shortfall(reference.length, window.length);
    if (short) return { ...base, ...sizes, verdict: "insufficient", reason: short };
    const referenceCounts = categoryCounts(reference);
    const windowCounts = categoryCounts(window);
    const result = chiSquareHomogeneity(referenceCounts, windowCounts);
    const keys = [...new Set([...referenceCounts.keys(), ...windowCounts.keys()])];
    const effect =
      reference.length > EFFECT_SIZE_MIN_REFERENCE
        ? { wasserstein: null, jensenShannon: jensenShannonDistance(keys.map((k) => referenceCounts.get(k) ?? 0), keys.map((k) => windowCounts.get(k) ?? 0)) }
        : null;
    return { ...base, ...sizes, verdict: "no_drift", statistic: result.statistic, pValue: result.pValue, effect };
  }

  const reference = numbers(rawReference);
  const window = numbers(rawWindow);
  const sizes = { windowSize: window.length, referenceSize: reference.length };
  const short = shortfall(reference.length, window.length);
  if (short) return { ...base, ...sizes, verdict: "insufficient", reason: short };
  const permutations = mmdPermutations(input.features.length, input.alpha ?? DEFAULT_ALPHA);
  const result = continuousTest(input.method, reference, window, (input.seed ?? 0x5eed) + index, permutations);
  let effect: FeatureDrift["effect"] = null;
  if (reference.length > EFFECT_SIZE_MIN_REFERENCE) {
    const [p, q] = sharedHistogram(reference, window);
    effect = { wasserstein: normalisedWasserstein(reference, window), jensenShannon: jensenShannonDistance(p, q) };
  }
  return { ...base, ...sizes, verdict: "no_drift", statistic: result.statistic, pValue: result.pValue, effect };
}

function shortfall(referenceSize: number, windowSize: number): string | null {
  if (windowSize < MIN_WINDOW) return `Only ${windowSize} usable values in the window; at least ${MIN_WINDOW} are needed`;
  if (referenceSize < 2) return "The data file has fewer than two usable values for this feature";
  return null;
}

/**
 * Compares the recent window with the reference feature by feature (continuous: the model's method;
 * categorical: χ² on counts), then applies the Bonferroni correction across the features that could
 * be tested. No verdict at all below MIN_WINDOW rows.
 */
export function compareWindow(input: CompareInput): DriftComparison {
  const alpha = input.alpha ?? DEFAULT_ALPHA;
  const referenceSize = Math.max(0, ...[...input.reference.values()].map((c) => c.length));
  if (input.windowRows < MIN_WINDOW) {
    return {
      drifted: null,
      features: [],
      windowSize: input.windowRows,
      referenceSize,
      reason: `Only ${input.windowRows} recent inputs; at least ${MIN_WINDOW} are needed before any verdict`,
    };
  }
  const features = input.features.map((spec, i) => testFeature(spec, input, i));
  const tested = features.filter((f) => f.pValue !== null);
  for (const f of tested) {
    f.pAdjusted = Math.min(1, f.pValue! * tested.length);
    f.verdict = f.pAdjusted < alpha ? "drift" : "no_drift";
  }
  return {
    drifted: tested.length ? tested.some((f) => f.verdict === "drift") : null,
    features,
    windowSize: input.windowRows,
    referenceSize,
    reason: tested.length ? null : "No feature had enough usable values to test",
  };
}
