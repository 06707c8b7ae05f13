/** Seeded randomness for sampling explainers, so the same request gives the same explanation. */

/** mulberry32: a tiny 32-bit PRNG with uniform output in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
