import { describe, expect, it } from "vitest";
import { dawidSkene, type DawidSkeneResult, type LabelledAnswer } from "./dawid-skene";
import { SIMPLE_ANSWERS, SIMPLE_GROUND_TRUTH, type Row } from "./testdata/crowd-kit-simple";

// crowd-kit's own DawidSkene tests (Toloka/crowd-kit, tests/aggregation/test_ds_aggregation.py at
// 35f0661), ported: the same data, the same expected values and tolerance (atol 0.005). crowd-kit
// orders labels alphabetically ("no" = 0, "yes" = 1) and clips instead of smoothing: smoothing 0.

function fit(rows: readonly Row[], classes: readonly string[], options: { maxIterations: number; tolerance?: number }, gold?: Record<string, string>): DawidSkeneResult {
  const answers: LabelledAnswer[] = rows.map(([worker, item, label]) => ({ worker, item, label: classes.indexOf(label) }));
  const goldClasses = gold && Object.fromEntries(Object.entries(gold).map(([item, label]) => [item, classes.indexOf(label)]));
  return dawidSkene({ classes: classes.length, answers, gold: goldClasses }, { smoothing: 0, shrinkage: 0, tolerance: 0, ...options });
}
const labelsOf = (result: DawidSkeneResult, classes: readonly string[]) => Object.fromEntries(result.items.map((i) => [i.id, classes[i.label]]));
/** crowd-kit's errors_ frame: [worker, observed label, P(observed | true no), P(observed | true yes)]. */
const errorsOf = (result: DawidSkeneResult) =>
  result.workers.flatMap((w) => [0, 1].map((given) => [w.id, given, w.confusion[0]![given]!, w.confusion[1]![given]!] as const));

const YES_NO = ["no", "yes"] as const;

// The `data` fixture of test_dawid_skene_step_by_step ([task, worker, label] there).
const STEP_DATA: Row[] = (
  [
    ["t1", "w1", "no"], ["t1", "w2", "yes"], ["t1", "w4", "yes"], ["t1", "w5", "no"],
    ["t2", "w1", "yes"], ["t2", "w2", "yes"], ["t2", "w3", "yes"], ["t2", "w4", "no"], ["t2", "w5", "no"],
    ["t3", "w1", "yes"], ["t3", "w2", "no"], ["t3", "w3", "no"], ["t3", "w4", "yes"], ["t3", "w5", "no"],
    ["t4", "w1", "yes"], ["t4", "w2", "yes"], ["t4", "w3", "yes"], ["t4", "w4", "yes"], ["t4", "w5", "yes"],
    ["t5", "w1", "yes"], ["t5", "w2", "no"], ["t5", "w3", "no"], ["t5", "w4", "no"], ["t5", "w5", "no"],
  ] as const
).map(([task, worker, label]) => [worker, task, label] as const);

const STEPS = [
  {
    probas: { t1: [0.5, 0.5], t2: [0.4, 0.6], t3: [0.6, 0.4], t4: [0.0, 1.0], t5: [0.8, 0.2] },
    priors: [0.46, 0.54],
    labels: { t1: "no", t2: "yes", t3: "no", t4: "yes", t5: "no" },
    errors: [
      ["w1", 0, 0.22, 0.19], ["w1", 1, 0.78, 0.81], ["w2", 0, 0.61, 0.22], ["w2", 1, 0.39, 0.78],
      ["w3", 0, 0.78, 0.27], ["w3", 1, 0.22, 0.73], ["w4", 0, 0.52, 0.3], ["w4", 1, 0.48, 0.7],
      ["w5", 0, 1.0, 0.63], ["w5", 1, 0.0, 0.37],
    ],
  },
  {
    probas: { t1: [0.35, 0.65], t2: [0.26, 0.74], t3: [0.87, 0.13], t4: [0.0, 1.0], t5: [0.95, 0.05] },
    priors: [0.49, 0.51],
    labels: { t1: "yes", t2: "yes", t3: "no", t4: "yes", t5: "no" },
    errors: [
      ["w1", 0, 0.14, 0.25], ["w1", 1, 0.86, 0.75], ["w2", 0, 0.75, 0.07], ["w2", 1, 0.25, 0.93],
      ["w3", 0, 0.87, 0.09], ["w3", 1, 0.13, 0.91], ["w4", 0, 0.5, 0.31], ["w4", 1, 0.5, 0.69],
      ["w5", 0, 1.0, 0.61], ["w5", 1, 0.0, 0.39],
    ],
  },
] as const;

// The toy YSDA dataset of conftest.py, [worker, task, label].
const TOY: Row[] = [
  ["w1", "t1", "no"], ["w1", "t2", "yes"], ["w1", "t3", "yes"], ["w1", "t4", "yes"], ["w1", "t5", "yes"],
  ["w2", "t1", "yes"], ["w2", "t2", "yes"], ["w2", "t3", "no"], ["w2", "t4", "yes"], ["w2", "t5", "no"],
  ["w3", "t2", "yes"], ["w3", "t3", "no"], ["w3", "t4", "yes"], ["w3", "t5", "no"],
  ["w4", "t1", "yes"], ["w4", "t2", "no"], ["w4", "t3", "yes"], ["w4", "t4", "yes"], ["w4", "t5", "no"],
  ["w5", "t1", "no"], ["w5", "t2", "no"], ["w5", "t3", "no"], ["w5", "t4", "yes"], ["w5", "t5", "no"],
];
const TOY_TRUTH = { t1: "yes", t2: "yes", t3: "no", t4: "yes", t5: "no" };

describe("Dawid–Skene against crowd-kit's published test values", () => {
  it.each([0, 1])("test_dawid_skene_step_by_step, n_iter=%i: posteriors, priors, error matrices and labels", (n) => {
    const expected = STEPS[n]!;
    const result = fit(STEP_DATA, YES_NO, { maxIterations: n });
    for (const item of result.items) {
      const want = expected.probas[item.id as keyof typeof expected.probas];
      item.posterior.forEach((p, k) => expect(p).toBeCloseTo(want[k]!, 2));
    }
    result.priors.forEach((p, k) => expect(Math.abs(p - expected.priors[k]!)).toBeLessThanOrEqual(0.005));
    expect(labelsOf(result, YES_NO)).toEqual(expected.labels);
    const errors = errorsOf(result);
    for (const [worker, given, ifNo, ifYes] of expected.errors) {
      const row = errors.find(([w, g]) => w === worker && g === given)!;
      expect(Math.abs(row[2] - ifNo)).toBeLessThanOrEqual(0.005);
      expect(Math.abs(row[3] - ifYes)).toBeLessThanOrEqual(0.005);
    }
  });

  it.each([3, 300])("test_dawid_skene_overlap, overlap=%i: every task 1/3 no, 2/3 yes", (overlap) => {
    const rows: Row[] = [];
    for (let worker = 0; worker < overlap; worker++) {
      for (let task = 0; task < 3; task++) rows.push([`w${worker}`, `t${task}`, (worker - task) % 3 ? "yes" : "no"]);
    }
    const result = fit(rows, YES_NO, { maxIterations: 20 });
    for (const item of result.items) {
      expect(Math.abs(item.posterior[0]! - 1 / 3)).toBeLessThanOrEqual(0.005);
      expect(item.label).toBe(1);
    }
    expect(Math.abs(result.priors[0]! - 1 / 3)).toBeLessThanOrEqual(0.005);
  });

  it.each([
    { maxIterations: 10, tolerance: 0 },
    { maxIterations: 1000, tolerance: 1e-5 },
  ])("test_aggregate_ds_on_toy_ysda and _gold_ (%o): the ground truth", (options) => {
    expect(labelsOf(fit(TOY, YES_NO, options), YES_NO)).toEqual(TOY_TRUTH);
    const gold = fit(TOY, YES_NO, options, { t1: "yes", t2: "yes" });
    expect(labelsOf(gold, YES_NO)).toEqual(TOY_TRUTH);
    expect(gold.items.find((i) => i.id === "t1")!.posterior).toEqual([0, 1]);
  });

  it.each([
    { maxIterations: 10, tolerance: 0 },
    { maxIterations: 1000, tolerance: 1e-5 },
  ])("test_aggregate_ds_on_simple (%o): the ground truth", (options) => {
    const classes = ["chicken", "goose", "parrot"];
    expect(labelsOf(fit(SIMPLE_ANSWERS, classes, options), classes)).toEqual(SIMPLE_GROUND_TRUTH);
  });
});
