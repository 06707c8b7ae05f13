import { chiSquareSurvival } from "./special";
import type { TestResult } from "./welch";

/** How often each category occurs. */
export function categoryCounts(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/**
 * Pearson's χ² test of homogeneity on the 2 × K table of category *counts* (reference row, window
 * row), as scipy.stats.chi2_contingency(table, correction=False). Counts, not normalised
 * frequencies: the statistic grows with the evidence, so a 30-row window and a 5,000-row window
 * with the same proportions get different, correctly sized p-values. Categories seen in only one
 * sample are part of the table (a new category in production is drift evidence).
 */
export function chiSquareHomogeneity(reference: Map<string, number>, window: Map<string, number>): TestResult & { df: number } {
  const categories = [...new Set([...reference.keys(), ...window.keys()])];
  let referenceTotal = 0;
  let windowTotal = 0;
  for (const c of categories) {
    referenceTotal += reference.get(c) ?? 0;
    windowTotal += window.get(c) ?? 0;
  }
  const total = referenceTotal + windowTotal;
  const df = categories.length - 1;
  if (df < 1 || referenceTotal === 0 || windowTotal === 0) return { statistic: 0, pValue: 1, df: Math.max(df, 0) };
  let statistic = 0;
  for (const c of categories) {
    const r = reference.get(c) ?? 0;
    const w = window.get(c) ?? 0;
    const expectedR = (referenceTotal * (r + w)) / total;
    const expectedW = (windowTotal * (r + w)) / total;
    statistic += (r - expectedR) ** 2 / expectedR + (w - expectedW) ** 2 / expectedW;
  }
  return { statistic, pValue: chiSquareSurvival(statistic, df), df };
}
