import { kolmogorovSurvival } from "./kolmogorov";
import type { TestResult } from "./welch";

/** Above this sample size scipy's 'auto' mode switches from the exact to the asymptotic p-value. */
const EXACT_MAX_N = 10_000;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function sorted(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** The largest distance between the two empirical CDFs (ties are stepped over together). */
export function ksStatistic(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const v = Math.min(a[i]!, b[j]!);
    while (i < a.length && a[i] === v) i++;
    while (j < b.length && b[j] === v) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

/**
 * P(D ≥ h / lcm(m, n)) under H0, exactly: the share of monotone lattice paths from (0,0) to (m,n)
 * that leave the band |x/m − y/n| < h/lcm. Counts 1 − p directly column by column over a sliding
 * window of the band (Hodges' inside method, in the numerically stable form of Viehmann 2021,
 * arXiv:2102.08037), so small p-values keep their precision.
 */
export function ksExactPValue(m: number, n: number, h: number): number {
  if (m < n) [m, n] = [n, m];
  const g = gcd(m, n);
  const mg = m / g;
  const ng = n / g;
  let low = 0;
  let high = Math.min(Math.ceil(h / mg), n + 1);
  let width = high - low;
  const column = new Float64Array(Math.min(2 * high + 2, n + 1)).fill(1);
  column.fill(0, low, high);
  for (let i = 1; i <= m; i++) {
    const lastLow = low;
    const lastWidth = width;
    low = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    high = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (high <= low) return 1;
    let value = low === 0 ? 0 : 1;
    for (let jj = 0; jj < high - low; jj++) {
      const j = jj + low;
      value = (column[jj + low - lastLow]! * i + value * j) / (i + j);
      column[jj] = value;
    }
    width = high - low;
    if (lastWidth > width) column.fill(1, width, lastWidth);
  }
  return column[high - low - 1]!;
}

/**
 * Two-sample two-sided Kolmogorov–Smirnov test, as scipy.stats.ks_2samp(a, b) with its default
 * method 'auto': exact when both samples have at most 10,000 values, otherwise the one-sample
 * Kolmogorov distribution at n = round(m·n/(m+n)).
 */
export function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): TestResult & { method: "exact" | "asymptotic" } {
  if (!a.length || !b.length) throw new RangeError("The Kolmogorov–Smirnov test needs values in both samples");
  const x = sorted(a);
  const y = sorted(b);
  const d = ksStatistic(x, y);
  const m = x.length;
  const n = y.length;
  if (Math.max(m, n) <= EXACT_MAX_N) {
    const g = gcd(m, n);
    const lcm = (m / g) * n;
    const h = Math.round(d * lcm);
    if (h === 0) return { statistic: h / lcm, pValue: 1, method: "exact" };
    const p = ksExactPValue(m, n, h);
    if (p >= 0 && p <= 1) return { statistic: h / lcm, pValue: p, method: "exact" };
  }
  const en = (m * n) / (m + n);
  return { statistic: d, pValue: kolmogorovSurvival(Math.round(en), d), method: "asymptotic" };
}
