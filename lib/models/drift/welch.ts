import { studentTTwoSidedP } from "./special";

export interface TestResult {
  statistic: number;
  pValue: number;
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/** Sample variance (ddof 1), two-pass for accuracy. */
export function sampleVariance(values: ArrayLike<number>, centre = mean(values)): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i]! - centre) ** 2;
  return sum / (values.length - 1);
}

/**
 * Welch's unequal-variance t-test (scipy.stats.ttest_ind(a, b, equal_var=False)), two-sided, with
 * the Welch–Satterthwaite degrees of freedom. Both samples need at least two values.
 */
export function welchTTest(a: ArrayLike<number>, b: ArrayLike<number>): TestResult & { df: number } {
  if (a.length < 2 || b.length < 2) throw new RangeError("Welch's t-test needs at least two values in each sample");
  const meanA = mean(a);
  const meanB = mean(b);
  const seA = sampleVariance(a, meanA) / a.length;
  const seB = sampleVariance(b, meanB) / b.length;
  const se2 = seA + seB;
  if (se2 === 0) {
    // Two constant samples: identical (no evidence of a shift) or different (certain shift).
    const same = meanA === meanB;
    return { statistic: same ? 0 : Math.sign(meanA - meanB) * Infinity, pValue: same ? 1 : 0, df: a.length + b.length - 2 };
  }
  const statistic = (meanA - meanB) / Math.sqrt(se2);
  const df = (se2 * se2) / ((seA * seA) / (a.length - 1) + (seB * seB) / (b.length - 1));
  return { statistic, pValue: studentTTwoSidedP(statistic, df), df };
}
