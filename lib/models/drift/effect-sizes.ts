// Effect sizes reported beside the p-values when the reference is large (> 1,000 rows): with
// that many rows almost any difference is "significant", and these say how large it is.

/** The 1-Wasserstein distance between two empirical distributions (scipy.stats.wasserstein_distance). */
export function wassersteinDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  const all = new Float64Array(x.length + y.length);
  all.set(x, 0);
  all.set(y, x.length);
  all.sort();
  let i = 0;
  let j = 0;
  let distance = 0;
  for (let k = 0; k < all.length - 1; k++) {
    const v = all[k]!;
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    distance += Math.abs(i / x.length - j / y.length) * (all[k + 1]! - v);
  }
  return distance;
}

/** Population standard deviation (ddof 0). */
export function standardDeviation(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  const centre = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i]! - centre) ** 2;
  return Math.sqrt(squares / values.length);
}

/** W1 in units of the reference's standard deviation; null for a constant reference. */
export function normalisedWasserstein(reference: ArrayLike<number>, window: ArrayLike<number>): number | null {
  const sd = standardDeviation(reference);
  return sd > 0 ? wassersteinDistance(reference, window) / sd : null;
}

const relativeEntropy = (p: number, q: number) => (p > 0 ? p * Math.log(p / q) : 0);

/** Jensen–Shannon distance in base 2 (0 … 1) between two count or weight vectors (scipy.spatial.distance.jensenshannon). */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i]!;
    sq += q[i]!;
  }
  let divergence = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]! / sp;
    const qi = q[i]! / sq;
    const m = (pi + qi) / 2;
    divergence += relativeEntropy(pi, m) + relativeEntropy(qi, m);
  }
  return Math.sqrt(Math.max(0, divergence / 2 / Math.LN2));
}

export const HISTOGRAM_BINS = 20;

/**
 * Counts of both samples in equal-width bins over the pooled range (numpy.histogram with
 * numpy.linspace(min, max, bins + 1) edges: the last bin is closed).
 */
export function sharedHistogram(a: ArrayLike<number>, b: ArrayLike<number>, bins = HISTOGRAM_BINS): [Float64Array, Float64Array] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of [a, b]) {
    for (let i = 0; i < values.length; i++) {
      lo = Math.min(lo, values[i]!);
      hi = Math.max(hi, values[i]!);
    }
  }
  const count = (values: ArrayLike<number>) => {
    const out = new Float64Array(bins);
    for (let i = 0; i < values.length; i++) {
      const bin = hi > lo ? Math.floor(((values[i]! - lo) / (hi - lo)) * bins) : 0;
      out[Math.min(bin, bins - 1)]!++;
    }
    return out;
  };
  return [count(a), count(b)];
}
