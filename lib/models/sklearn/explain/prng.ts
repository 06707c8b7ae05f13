/** Seeded randomness for sampling explainers, so the same request gives the same explanation. */

export { mulberry32 } from "@/lib/seeded-random";

/** A uniformly random permutation of 0 … n−1 (Fisher–Yates). */
export function shuffled(n: number, random: () => number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** At most k of the rows, chosen without replacement and kept in their original order; all rows when k ≥ n. */
export function sampleRows<T>(rows: readonly T[], k: number, random: () => number): T[] {
  if (rows.length <= k) return [...rows];
  const picked = shuffled(rows.length, random).slice(0, k).sort((a, b) => a - b);
  return picked.map((i) => rows[i]!);
}
