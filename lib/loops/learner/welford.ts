/**
 * Running mean and population variance (Welford), one per numeric column and one for the target.
 * Kept as (n, mean, M2) so the state stays plain JSON; M2 never goes negative because each update
 * adds d·(x − new mean), a product of two numbers with the same sign.
 */
export interface RunningStats {
  n: number;
  mean: number;
  m2: number;
}

export function emptyStats(): RunningStats {
  return { n: 0, mean: 0, m2: 0 };
}

export function addObservation(stats: RunningStats, x: number): void {
  stats.n += 1;
  const d = x - stats.mean;
  stats.mean += d / stats.n;
  stats.m2 += d * (x - stats.mean);
}

/** σ = √(M2/n); 0 before the first observation. */
export function populationStd(stats: RunningStats): number {
  return stats.n > 0 ? Math.sqrt(stats.m2 / stats.n) : 0;
}

/** z = (x − μ)/σ, or 0 when σ = 0 (docs/loops-learner.md §1); optionally clipped to ±clip. */
export function standardize(stats: RunningStats, x: number, clip: number | null): number {
  return zOf(stats, populationStd(stats), x, clip);
}

/** standardize() with σ already computed. */
export function zOf(stats: RunningStats, std: number, x: number, clip: number | null): number {
  if (!(std > 0)) return 0;
  const z = (x - stats.mean) / std;
  return clip === null ? z : Math.max(-clip, Math.min(clip, z));
}
