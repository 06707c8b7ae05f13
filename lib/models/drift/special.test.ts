import { describe, expect, it } from "vitest";
import { chiSquareSurvival, logGamma, regularizedBeta, regularizedGammaQ, studentTTwoSidedP } from "./special";

// Expected values: scipy 1.10.1 (Debian's python3-scipy) — special.gammaln, special.betainc,
// special.gammaincc, 2 * stats.t.sf(|t|, df) and stats.chi2.sf.
const close = (actual: number, expected: number, relative = 1e-11) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(Math.abs(expected), 1e-300));

describe("special functions", () => {
  it("log-gamma", () => {
    const cases: [number, number][] = [
      [0.5, 0.5723649429247],
      [1, 0],
      [3.7, 1.428072326665388],
      [10.2, 13.254266744235549],
      [150.5, 602.5139548705853],
      [1e5, 1051287.7089736569],
    ];
    for (const [x, expected] of cases) expect(Math.abs(logGamma(x) - expected)).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected)));
  });

  it("regularised incomplete beta", () => {
    const cases: [number, number, number, number][] = [
      [2, 3, 0.4, 0.5247999999999999],
      [0.5, 0.5, 0.01, 0.06376856085851987],
      [50, 0.5, 0.9, 0.0012041498325598133],
      [250.5, 0.5, 0.99, 0.024909024514315255],
      [5, 7, 0.999, 0.9999999999999999],
    ];
    for (const [a, b, x, expected] of cases) close(regularizedBeta(x, a, b), expected);
  });

  it("regularised upper incomplete gamma", () => {
    const cases: [number, number, number][] = [
      [0.5, 0.1, 0.6547208460185768],
      [1.5, 3.0, 0.11161022509471268],
      [10, 2, 0.9999535019249828],
      [10, 25, 0.0002214766382487835],
      [100, 140, 0.00016105717471255715],
    ];
    for (const [a, x, expected] of cases) close(regularizedGammaQ(a, x), expected);
  });

  it("Student t two-sided p-values", () => {
    const cases: [number, number, number][] = [
      [2.1, 5, 0.08975324988459868],
      [0.3, 30.5, 0.7662123483030446],
      [4.5, 87.2, 2.0884074351482323e-5],
      [8.0, 400, 1.3573776535312146e-14],
      [1.96, 1e6, 0.04999606758526978],
    ];
    for (const [t, df, expected] of cases) {
      close(studentTTwoSidedP(t, df), expected, 1e-9);
      close(studentTTwoSidedP(-t, df), expected, 1e-9);
    }
  });

  it("χ² survival", () => {
    const cases: [number, number, number][] = [
      [3.84, 1, 0.05004352124870519],
      [10, 3, 0.01856613546304325],
      [50, 20, 0.0002214766382487835],
      [200, 150, 0.003973185970821635],
    ];
    for (const [x, k, expected] of cases) close(chiSquareSurvival(x, k), expected);
  });
});
