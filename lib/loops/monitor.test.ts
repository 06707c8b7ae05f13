import { describe, expect, it } from "vitest";
import { classificationMetrics } from "./metrics/classification";
import { createMonitor, monitorSummary, observe, type LoopMonitorState } from "./monitor";
import { mulberry32 as rng } from "./testing/datasets";

const roundTrip = <T>(state: T): T => JSON.parse(JSON.stringify(state)) as T;

/**
 * A two-feature linear concept with 5% label noise, learned prequentially by a plain logistic
 * regression (SGD, lr 0.1) that stands in for the loop's learner. With `flip`, labels invert from
 * example 300 on, so the model is wrong most of the time until it re-learns the concept.
 */
function classificationStream(seed: number, flip: boolean, length = 600) {
  const random = rng(seed);
  let w = [0, 0, 0];
  const steps: { y: string; predicted: string; probabilities: Record<string, number> }[] = [];
  for (let i = 0; i < length; i++) {
    const x1 = random() * 2 - 1;
    const x2 = random() * 2 - 1;
    let y = x1 + 0.5 * x2 > 0 ? 1 : 0;
    if (random() < 0.05) y = 1 - y;
    if (flip && i >= 300) y = 1 - y;
    const p = 1 / (1 + Math.exp(-(w[0]! + w[1]! * x1 + w[2]! * x2)));
    steps.push({ y: y ? "yes" : "no", predicted: p >= 0.5 ? "yes" : "no", probabilities: { yes: p, no: 1 - p } });
    const g = p - y;
    w = [w[0]! - 0.1 * g, w[1]! - 0.1 * g * x1, w[2]! - 0.1 * g * x2];
  }
  return steps;
}

function feed(state: LoopMonitorState, steps: Parameters<typeof observe>[1][]) {
  return steps.map((o) => observe(state, o));
}

describe("monitor: classification", () => {
  it("scores model and baselines prequentially", () => {
    const state = createMonitor("classification");
    feed(state, [
      { y: "a", predicted: null, probabilities: {} }, // warming up: wrong, p(true) = 0
      { y: "b", predicted: "a", probabilities: { a: 0.9, b: 0.1 } },
      { y: "a", predicted: "a", probabilities: { a: 0.6, b: 0.4 } },
      { y: true, predicted: true }, // labels compare as strings; no probabilities → no log-loss
    ]);
    const s = monitorSummary(state);
    if (s.task_type !== "classification") throw new Error("wrong task type");
    expect(s.n).toBe(4);
    expect(s.metrics.model.cumulative.accuracy).toBe(2 / 4);
    expect(s.metrics.model.cumulative.log_loss).toBeCloseTo((34.538776394910684 - Math.log(0.1) - Math.log(0.6)) / 3, 12);
    expect(s.metrics.model.rolling200).toEqual(s.metrics.model.cumulative);
    // Majority class predicted null, a (1:0), a (1:1 tie → a, first seen), a (2:1): right once, on the 3rd.
    expect(s.metrics.baselines.majority_class!.cumulative.accuracy).toBe(1 / 4);
    // Last class predicted null, a, b, a: never right.
    expect(s.metrics.baselines.last_class!.cumulative.accuracy).toBe(0);
    expect(s.lift.cumulative).toEqual({ value: 0.25, against: "majority_class", model: 0.5, baseline: 0.25 });
    expect(s.alert).toBe(false);
    // Error stream 1, 1, 0, 0 went into both detectors.
    expect(s.error_window.drift).toEqual({ width: 4, mean: 0.5 });
    expect(s.error_window.warning).toEqual({ width: 4, mean: 0.5 });
  });

  it("detects the flip after example 300 (warning ADWIN), and nothing without it", () => {
    for (let seed = 1; seed <= 8; seed++) {
      const flipped = createMonitor("classification");
      const signals = feed(flipped, classificationStream(seed, true));
      const warnings = flipped.events.filter((e) => e.kind === "warning");
      expect(flipped.events.every((e) => e.index >= 300)).toBe(true);
      expect(warnings.length).toBeGreaterThan(0);
      const first = warnings[0]!;
      expect(first.index).toBeLessThan(450);
      expect(signals[first.index]!.warning).toBe(true);
      expect(signals.slice(0, 300).some((x) => x.drift || x.warning)).toBe(false);

      const control = createMonitor("classification");
      const quiet = feed(control, classificationStream(seed, false));
      expect(control.events).toEqual([]);
      expect(quiet.some((x) => x.drift || x.warning)).toBe(false);
    }
  });

  it("records events with the error means on both sides of the cut and the caller's timestamp", () => {
    const state = createMonitor("classification");
    const steps = classificationStream(3, true).map((o, i) => ({ ...o, at: `2026-01-01T00:00:${i}` }));
    feed(state, steps);
    const event = state.events.find((e) => e.kind === "drift")!;
    expect(event).toMatchObject({ index: 351, at: "2026-01-01T00:00:351" });
    // The old part of the window (before the flip) erred far less than what remains.
    expect(event.before_mean).toBeLessThan(0.2);
    expect(event.after_mean).toBeGreaterThan(0.3);
    expect(monitorSummary(state).drift_events).toContainEqual(event);
  });

  it("raises the lift alert only after 200 examples when the model does not beat the baseline", () => {
    const state = createMonitor("classification");
    for (let i = 0; i < 250; i++) {
      observe(state, { y: "a", predicted: "b" });
      expect(monitorSummary(state).alert).toBe(state.n >= 200);
    }
    expect(monitorSummary(state).lift.rolling200).toMatchObject({ value: -1, model: 0 });
  });

  it("keeps a capped chart series and the last 100 events", () => {
    const state = createMonitor("classification");
    // Blocks of 50 right then 50 wrong: every switch is a change in the error rate.
    for (let i = 0; i < 12_000; i++) observe(state, { y: "a", predicted: Math.floor(i / 50) % 2 ? "b" : "a" });
    expect(state.series).toHaveLength(500);
    expect(state.series.at(-1)!.index).toBe(11_999);
    expect(state.series[0]!.index).toBe(11_999 - 499 * 10);
    if (state.task_type !== "classification") throw new Error("wrong task type");
    expect(state.series.at(-1)!.model).toBe(classificationMetrics(state.model, 200).accuracy);
    expect(state.events).toHaveLength(100);
    expect(state.events.at(-1)!.index).toBeGreaterThan(11_800);
  });

  it("gives identical results after a JSON round trip mid-stream", () => {
    const steps = classificationStream(2, true);
    const a = createMonitor("classification");
    feed(a, steps.slice(0, 333));
    const b = roundTrip(a);
    expect(b).toEqual(a);
    const ra = feed(a, steps.slice(333));
    const rb = feed(b, steps.slice(333));
    expect(rb).toEqual(ra);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(monitorSummary(b)).toEqual(monitorSummary(a));
  });
});

/** Standard normal draws (Box–Muller) from the seeded PRNG. */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

describe("monitor: regression", () => {
  it("feeds e = min(1, |r|/(3σ_r)) once σ_r > 0, σ_r including this example", () => {
    const state = createMonitor("regression");
    observe(state, { y: 1, predicted: 1, yNumber: 1, predictedNumber: 1 });
    expect(state.drift.width).toBe(0); // σ_r = 0: nothing fed
    observe(state, { y: 3, predicted: 1, yNumber: 3, predictedNumber: 1 }); // residuals 0, 2: σ_r = 1
    expect(state.drift.total).toBeCloseTo(2 / 3, 15);
    observe(state, { y: 0, predicted: 1, yNumber: 0, predictedNumber: 1 }); // residuals 0, 2, −1
    const sigma = Math.sqrt(((0 - 1 / 3) ** 2 + (2 - 1 / 3) ** 2 + (-1 - 1 / 3) ** 2) / 3);
    expect(state.drift.width).toBe(2);
    expect(state.drift.total).toBeCloseTo(2 / 3 + 1 / (3 * sigma), 14);
    expect(state.warning.total).toBe(state.drift.total);

    // e is capped at 1: after 30 residuals of ±1, one of 100 is far beyond 3σ_r.
    const capped = createMonitor("regression");
    for (let i = 0; i < 30; i++) observe(capped, { y: i % 2, predicted: 0.5, yNumber: i % 2, predictedNumber: 0.5 });
    const total = capped.drift.total;
    observe(capped, { y: 100, predicted: 0, yNumber: 100, predictedNumber: 0 });
    expect(capped.drift.total - total).toBe(1);
  });

  it("scores against the running mean of the previous targets, with MAE lift", () => {
    const state = createMonitor("regression");
    // Targets 10, 20, 30 predicted 8, 21, 30; the running mean predicts 0, 10, 15.
    for (const [y, p] of [[10, 8], [20, 21], [30, 30]] as const) observe(state, { y, predicted: p, yNumber: y, predictedNumber: p });
    const s = monitorSummary(state);
    if (s.task_type !== "regression") throw new Error("wrong task type");
    expect(s.metrics.model.cumulative.mae).toBeCloseTo(1, 15);
    expect(s.metrics.baselines.running_mean!.cumulative.mae).toBeCloseTo(35 / 3, 14);
    expect(s.metrics.baselines.running_mean!.cumulative.r2).toBeCloseTo(1 - (100 + 100 + 225) / 200, 14);
    expect(s.lift.cumulative.value).toBeCloseTo(35 / 3 - 1, 14);
    expect(s.lift.cumulative.against).toBe("running_mean");
    expect(s.series.metric).toBe("mae");
  });

  it("ignores non-finite numbers, counting them as skipped", () => {
    const state = createMonitor("regression");
    observe(state, { y: 1, predicted: 2, yNumber: 1, predictedNumber: 2 });
    const before = JSON.stringify(state);
    expect(observe(state, { y: 1, predicted: null, yNumber: 1, predictedNumber: Number.NaN })).toEqual({ drift: false, warning: false });
    expect(observe(state, { y: 1e308, predicted: -1e308, yNumber: 1e308, predictedNumber: -1e308 }).drift).toBe(false);
    expect(state.skipped).toBe(2);
    expect(JSON.stringify({ ...state, skipped: 0 })).toBe(before);
  });

  it("detects a jump in the size of the errors, and nothing without it", () => {
    for (const jump of [true, false]) {
      const random = rng(5);
      const state = createMonitor("regression");
      for (let i = 0; i < 1500; i++) {
        const y = 50 + 10 * normal(random);
        const predicted = y + (jump && i >= 800 ? 6 : 1) * normal(random);
        observe(state, { y, predicted, yNumber: y, predictedNumber: predicted });
      }
      if (jump) {
        expect(state.events.length).toBeGreaterThan(0);
        expect(state.events.every((e) => e.index >= 800)).toBe(true);
        expect(state.events.some((e) => e.kind === "drift" && e.after_mean > e.before_mean)).toBe(true);
      } else expect(state.events).toEqual([]);
    }
  });
});
