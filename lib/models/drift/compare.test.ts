import { describe, expect, it } from "vitest";
import { compareWindow, type Cell, type DriftMethod, type FeatureSpec } from "./compare";
import { mulberry32 } from "@/lib/seeded-random";
import { normalish } from "./testing/samples";

const FEATURES: FeatureSpec[] = [
  { name: "age", type: "cont" },
  { name: "bmi", type: "cont" },
  { name: "bp", type: "cont" },
  { name: "sex", type: "cat" },
  { name: "region", type: "cat" },
];
const MEANS = { age: 50, bmi: 26, bp: 95 };
const SDS = { age: 12, bmi: 4, bp: 13 };

function categorical(random: () => number, n: number, labels: string[], weights: number[]): string[] {
  return Array.from({ length: n }, () => {
    let u = random();
    for (let i = 0; i < labels.length; i++) {
      if (u < weights[i]!) return labels[i]!;
      u -= weights[i]!;
    }
    return labels.at(-1)!;
  });
}

/** n rows from the "training distribution", optionally with bmi shifted by `bmiShift` standard deviations. */
function draw(random: () => number, n: number, bmiShift = 0): Map<string, Cell[]> {
  return new Map<string, Cell[]>([
    ["age", normalish(random, n, MEANS.age, SDS.age)],
    ["bmi", normalish(random, n, MEANS.bmi + bmiShift * SDS.bmi, SDS.bmi)],
    ["bp", normalish(random, n, MEANS.bp, SDS.bp)],
    ["sex", categorical(random, n, ["1", "2"], [0.5, 0.5])],
    ["region", categorical(random, n, ["north", "south", "east", "west"], [0.4, 0.3, 0.2, 0.1])],
  ]);
}

const METHODS: DriftMethod[] = [0, 1, 2];

describe("drift comparison (acceptance)", () => {
  const reference = draw(mulberry32(2024), 2000);

  it.each(METHODS)("method %i: windows from the training distribution raise at most 1 false alarm in 20 at the default level", (method) => {
    const random = mulberry32(100 + method);
    let alarms = 0;
    for (let repetition = 0; repetition < 20; repetition++) {
      const result = compareWindow({ features: FEATURES, reference, window: draw(random, 500), windowRows: 500, method, seed: repetition });
      expect(result.drifted).not.toBeNull();
      if (result.drifted) alarms++;
    }
    expect(alarms).toBeLessThanOrEqual(1);
  });

  it.each(METHODS)("method %i: a window with bmi shifted by one standard deviation is flagged on bmi only", (method) => {
    const random = mulberry32(200 + method);
    for (let repetition = 0; repetition < 5; repetition++) {
      const result = compareWindow({ features: FEATURES, reference, window: draw(random, 500, 1), windowRows: 500, method, seed: repetition });
      expect(result.drifted).toBe(true);
      const flagged = result.features.filter((f) => f.verdict === "drift").map((f) => f.feature);
      expect(flagged).toEqual(["bmi"]);
      const bmi = result.features.find((f) => f.feature === "bmi")!;
      expect(bmi.effect!.wasserstein!).toBeGreaterThan(0.8);
      expect(bmi.effect!.jensenShannon).toBeGreaterThan(0.2);
    }
  });

  it("names each feature's test, applies Bonferroni across the tested features and reports effect sizes only past 1,000 reference rows", () => {
    const random = mulberry32(7);
    const result = compareWindow({ features: FEATURES, reference, window: draw(random, 200), windowRows: 200, method: 2 });
    expect(result.features.map((f) => f.test)).toEqual(["kolmogorov_smirnov", "kolmogorov_smirnov", "kolmogorov_smirnov", "chi_square", "chi_square"]);
    for (const f of result.features) {
      expect(f.pAdjusted).toBeCloseTo(Math.min(1, f.pValue! * 5), 12);
      expect(f.effect).not.toBeNull();
    }
    expect(result.features.find((f) => f.feature === "sex")!.effect!.wasserstein).toBeNull();

    const small = draw(mulberry32(8), 1000);
    const plain = compareWindow({ features: FEATURES, reference: small, window: draw(random, 200), windowRows: 200, method: 0 });
    expect(plain.features.every((f) => f.effect === null)).toBe(true);
    expect(plain.referenceSize).toBe(1000);
  });

  it("gives no verdict below 30 rows, and marks features without usable values", () => {
    const random = mulberry32(9);
    const tooFew = compareWindow({ features: FEATURES, reference, window: draw(random, 29), windowRows: 29, method: 0 });
    expect(tooFew).toMatchObject({ drifted: null, features: [], windowSize: 29 });
    expect(tooFew.reason).toMatch(/at least 30/);

    const window = draw(random, 100);
    window.set("bp", Array.from({ length: 100 }, (_, i) => (i < 20 ? 90 : null)));
    const partial = compareWindow({ features: [...FEATURES, { name: "missing", type: "cont" }], reference, window, windowRows: 100, method: 0 });
    expect(partial.features.find((f) => f.feature === "bp")).toMatchObject({ verdict: "insufficient", pValue: null, windowSize: 20 });
    expect(partial.features.find((f) => f.feature === "missing")).toMatchObject({ verdict: "insufficient", reason: "The feature is not a column of the data file" });
    // Bonferroni over the 4 features that were tested.
    const age = partial.features.find((f) => f.feature === "age")!;
    expect(age.pAdjusted).toBeCloseTo(Math.min(1, age.pValue! * 4), 12);
  });
});
