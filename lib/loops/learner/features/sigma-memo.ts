import type { RunningStats } from "../welford";

/**
 * σ = √(M2/n) of the top-level number fields, remembered by field position. Learning an example
 * computes σ of the updated stats; predicting the next one needs σ of the very same stats. A division
 * and a square root per feature are a tenth of an example's work, so the value is kept with the (n, M2)
 * it came from and reused while they are unchanged. It is a function of (n, M2) only, so a reused value
 * is bit-identical to a recomputed one whatever happened to the state in between.
 */
export class SigmaMemo {
  private readonly n: Float64Array;
  private readonly m2: Float64Array;
  private readonly sigma: Float64Array;

  constructor(size: number) {
    this.n = new Float64Array(size).fill(-1);
    this.m2 = new Float64Array(size);
    this.sigma = new Float64Array(size);
  }

  /** populationStd(stats), from the memo when position i last saw the same n and M2. */
  of(i: number, stats: RunningStats): number {
    const n = stats.n;
    const m2 = stats.m2;
    if (this.n[i] === n && this.m2[i] === m2) return this.sigma[i]!;
    const sigma = n > 0 ? Math.sqrt(m2 / n) : 0;
    this.n[i] = n;
    this.m2[i] = m2;
    this.sigma[i] = sigma;
    return sigma;
  }
}
