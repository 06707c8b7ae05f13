import { describe, expect, it } from "vitest";
import { chiSquareHomogeneity } from "./chi-square";
import { jensenShannonDistance, normalisedWasserstein, sharedHistogram, wassersteinDistance } from "./effect-sizes";
import { kolmogorovSurvival } from "./kolmogorov";
import { ksTwoSample } from "./ks";
import { medianPairwiseDistance, mmdPermutationTest } from "./mmd";
import { mulberry32 } from "@/lib/seeded-random";
import { normalish } from "./testing/samples";
import { welchTTest } from "./welch";

// Expected values were computed with scipy 1.10.1 / numpy 1.24 (Debian python3-sklearn) on the same
// mulberry32 streams (a Python port of mulberry32) and are hard-coded here.
const close = (actual: number, expected: number, relative = 1e-9) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + 1e-15);

describe("drift tests against scipy", () => {
  it("draws the same stream as the Python reference", () => {
    const a = normalish(mulberry32(1), 2);
    expect(a).toEqual([1.086050414480269, -2.3902165815234184]);
  });

  it("Welch's t-test equals ttest_ind(equal_var=False)", () => {
    const random = mulberry32(1);
    const a = normalish(random, 40);
    const b = normalish(random, 55, 0.3);
    const result = welchTTest(a, b);
    close(result.statistic, -2.70660595265227);
    close(result.pValue, 0.008195177535131803);
  });

  it("two-sample KS equals ks_2samp (exact for unequal and equal sizes, with ties, and asymptotic)", () => {
    const random = mulberry32(2);
    let result = ksTwoSample(normalish(random, 60), normalish(random, 45, 0.5));
    expect(result.method).toBe("exact");
    close(result.statistic, 0.28888888888888886);
    close(result.pValue, 0.02258055429922651);

    result = ksTwoSample(normalish(random, 50), normalish(random, 50, 0.4));
    close(result.statistic, 0.08);
    close(result.pValue, 0.9977109764909107);

    const round = (values: number[]) => values.map((v) => Math.round(v * 2));
    result = ksTwoSample(round(normalish(random, 80)), round(normalish(random, 70, 0.2)));
    close(result.statistic, 0.1375);
    close(result.pValue, 0.43629888237877895);

    result = ksTwoSample(normalish(random, 12000), normalish(random, 300, 0.15));
    expect(result.method).toBe("asymptotic");
    close(result.statistic, 0.062, 1e-12);
    // scipy's kstwo uses the Pelz–Good / Miller approximations in this range; ours is the exact
    // Marsaglia–Tsang–Wang value, so they agree to about 1e-6.
    close(result.pValue, 0.20148810210659474, 1e-5);
  });

  it("the Kolmogorov distribution equals kstwo.sf", () => {
    // scipy's own Durbin-matrix routine (_ksstats._kolmogn_DMTW, the exact method used here).
    const exact: [number, number, number][] = [
      [100, 0.1, 0.2526927570063874],
      [30, 0.3, 0.006852243362913235],
      [290, 0.08, 0.0462022534221126108],
      [476, 0.05, 0.17886532665067578506],
      [476, 0.09, 0.00083463483479308752614],
      [1000, 0.03, 0.32269024641330942697],
    ];
    for (const [n, d, expected] of exact) close(kolmogorovSurvival(n, d), expected, 1e-9);
    // kstwo.sf itself, which switches to the Pelz–Good and 2 × smirnov approximations for n > 140.
    const approximated: [number, number, number][] = [
      [290, 0.08, 0.04620237710780595],
      [476, 0.05, 0.17886527031931188],
      [476, 0.09, 0.0008346348348375353],
      [1000, 0.03, 0.3226902143914636],
    ];
    for (const [n, d, expected] of approximated) close(kolmogorovSurvival(n, d), expected, 1e-5);
  });

  it("χ² on counts equals chi2_contingency(correction=False), with a category new in the window", () => {
    const reference = new Map([["a", 120], ["b", 80], ["c", 40]]);
    const window = new Map([["a", 20], ["b", 25], ["c", 15], ["d", 2]]);
    const result = chiSquareHomogeneity(reference, window);
    close(result.statistic, 13.31257273192757);
    close(result.pValue, 0.004007173602551492);
    expect(result.df).toBe(3);
  });

  it("MMD: the median-heuristic bandwidth and biased MMD² equal numpy's, and the permutation p-value is seeded", () => {
    const random = mulberry32(3);
    const x = normalish(random, 30);
    const y = normalish(random, 40, 0.8);
    close(medianPairwiseDistance([...x, ...y]), 1.0765207312069833);
    const result = mmdPermutationTest(x, y, { seed: 7 });
    close(result.bandwidth, 1.0765207312069833);
    close(result.statistic, 0.08760339740494083);
    expect(result.pValue).toBeLessThan(0.05);
    expect(mmdPermutationTest(x, y, { seed: 7 }).pValue).toBe(result.pValue);
    expect(mmdPermutationTest(y, x, { seed: 7 }).statistic).toBeCloseTo(result.statistic, 12);
    const same = mmdPermutationTest(normalish(random, 40), normalish(random, 40), { seed: 7 });
    expect(same.pValue).toBeGreaterThan(0.05);
  });

  it("effect sizes equal wasserstein_distance and jensenshannon(base=2)", () => {
    const random = mulberry32(4);
    const x = normalish(random, 1500);
    const y = normalish(random, 400, 0.5, 1.3);
    close(wassersteinDistance(x, y), 0.47301613606277776);
    close(normalisedWasserstein(x, y)!, 0.47943092580624064);
    const [p, q] = sharedHistogram(x, y);
    close(jensenShannonDistance(p, q), 0.23207567780430724);
    close(jensenShannonDistance([120, 80, 40, 0], [20, 25, 15, 2]), 0.19355910185099592);
  });
});
