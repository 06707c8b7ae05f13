import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/seeded-random";
import { dawidSkene, type LabelledAnswer } from "./dawid-skene";
import { sample, simulatedCrunchers, simulatedLabel, simulatedQuestions, type SimulatedCruncher } from "./simulated-crowd";

const answer = (item: string, worker: string, label: number): LabelledAnswer => ({ item, worker, label });

/** `perItem` distinct crunchers answer each of `items` questions with `choices` choices. */
function crowdAnswers(seed: number, crunchers: SimulatedCruncher[], items: number, choices: number, perItem: number) {
  const random = mulberry32(seed);
  const questions = simulatedQuestions(random, items, choices, choices);
  const answers = questions.flatMap((q) => sample(random, crunchers.length, perItem).map((c) => answer(q.id, crunchers[c]!.id, simulatedLabel(random, crunchers[c]!, q))));
  return { questions, answers };
}

describe("dawidSkene", () => {
  it("a small example worked by hand: one EM round", () => {
    /*
     * Items x, y, z; workers A, B, C; two classes.   x: A0 B0 C1   y: A1 B1 C1   z: A0 B1 C0
     * Majority start (vote shares): q_x = (2/3, 1/3), q_y = (0, 1), q_z = (2/3, 1/3); priors ρ = (4/9, 5/9).
     * M-step, rows π[true][given] = expected counts normalised (smoothing 0: zeros clipped to 1e-10):
     *   A: true 0 → given 0: q_x0 + q_z0 = 4/3, given 1: q_y0 = 0      → (1, 0)
     *      true 1 → given 0: q_x1 + q_z1 = 2/3, given 1: q_y1 = 1      → (2/5, 3/5)
     *   B: true 0 → given 0: 2/3 (x), given 1: 0 (y) + 2/3 (z)         → (1/2, 1/2)
     *      true 1 → given 0: 1/3,     given 1: 1 + 1/3                  → (1/5, 4/5)
     *   C: true 0 → given 0: 2/3 (z), given 1: 2/3 (x) + 0 (y)          → (1/2, 1/2)
     *      true 1 → given 0: 1/3 (z), given 1: 1/3 + 1                  → (1/5, 4/5)
     * E-step, x (A0 B0 C1): class 0: 4/9 · 1 · 1/2 · 1/2 = 1/9 = 25/225; class 1: 5/9 · 2/5 · 1/5 · 4/5 = 8/225
     *   → P(x = 0) = 25/33 ≈ 0.758. z (A0 B1 C0) gives the same products → 25/33.
     *   y (A1 B1 C1): class 0 has A's clipped 1e-10 → P(y = 1) ≈ 1.
     * Then the round's M-step: ρ_0 = (25/33 + 0 + 25/33) / 3 = 50/99.
     */
    const answers = [answer("x", "A", 0), answer("x", "B", 0), answer("x", "C", 1), answer("y", "A", 1), answer("y", "B", 1), answer("y", "C", 1), answer("z", "A", 0), answer("z", "B", 1), answer("z", "C", 0)];
    const start = dawidSkene({ classes: 2, answers }, { maxIterations: 0, smoothing: 0, shrinkage: 0 });
    expect(start.priors[0]).toBeCloseTo(4 / 9, 12);
    const b = start.workers.find((w) => w.id === "B")!.confusion;
    expect(b[0]![0]).toBeCloseTo(1 / 2, 12);
    expect(b[1]![1]).toBeCloseTo(4 / 5, 12);
    expect(start.workers.find((w) => w.id === "A")!.confusion[1]).toEqual([expect.closeTo(2 / 5, 12), expect.closeTo(3 / 5, 12)]);

    const round = dawidSkene({ classes: 2, answers }, { maxIterations: 1, smoothing: 0, shrinkage: 0 });
    const [x, y, z] = round.items;
    expect(x!.posterior[0]).toBeCloseTo(25 / 33, 8);
    expect(z!.posterior[0]).toBeCloseTo(25 / 33, 8);
    expect(y!.posterior[1]).toBeCloseTo(1, 8);
    expect(round.priors[0]).toBeCloseTo(50 / 99, 8);
    expect(round.items.map((i) => i.label)).toEqual([0, 1, 0]);
  });

  it("converges: the log-likelihood rises round after round and stops within the tolerance", () => {
    const crunchers = simulatedCrunchers(mulberry32(1), 12, 0, 0.2, 0.9);
    const { answers } = crowdAnswers(2, crunchers, 300, 3, 4);
    const result = dawidSkene({ classes: 3, answers }, { tolerance: 1e-10, maxIterations: 1000 });
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeLessThan(1000);
    const ll = result.logLikelihood;
    for (let i = 1; i < ll.length; i++) expect(ll[i]!).toBeGreaterThanOrEqual(ll[i - 1]! - 1e-9);
    expect(Math.abs(ll.at(-1)! - ll.at(-2)!)).toBeLessThan(1e-10);
    // More rounds past convergence change nothing that matters.
    const longer = dawidSkene({ classes: 3, answers }, { tolerance: 0, maxIterations: result.iterations + 200 });
    longer.items.forEach((item, i) => item.posterior.forEach((p, k) => expect(p).toBeCloseTo(result.items[i]!.posterior[k]!, 3)));
  });

  it("beats the majority vote it starts from on a mixed crowd", () => {
    const crunchers = simulatedCrunchers(mulberry32(3), 20, 3, 0, 0.95);
    const { questions, answers } = crowdAnswers(4, crunchers, 400, 4, 5);
    const result = dawidSkene({ classes: 4, answers });
    const start = dawidSkene({ classes: 4, answers }, { maxIterations: 0 });
    const correct = (r: typeof result) => r.items.filter((item, i) => item.label === questions[i]!.truth).length;
    expect(correct(result)).toBeGreaterThan(correct(start));
  });

  it("flags a spammer who always picks the first choice: low accuracy, and their answer does not move a posterior", () => {
    const crunchers = [...simulatedCrunchers(mulberry32(5), 8, 0, 0.6, 0.9), { id: "spammer", skill: 0, spammer: true }];
    const { answers } = crowdAnswers(6, crunchers, 300, 3, 5);
    const result = dawidSkene({ classes: 3, answers });
    const spammer = result.workers.find((w) => w.id === "spammer")!;
    expect(spammer.answers).toBeGreaterThan(100);
    // Σ ρ_k π_kk with π_k0 ≈ 1 for every k: only the share of items whose truth is the first choice.
    expect(spammer.accuracy).toBeLessThan(0.4);
    for (const row of spammer.confusion) expect(row[0]).toBeGreaterThan(0.95);
    for (const w of result.workers.filter((w) => w.id !== "spammer")) expect(w.accuracy).toBeGreaterThan(spammer.accuracy + 0.3);
    // The spammer's "0" has the same likelihood under every true class: a weight of about zero.
    const likelihoods = spammer.confusion.map((row) => row[0]!);
    expect(Math.max(...likelihoods) / Math.min(...likelihoods)).toBeLessThan(1.1);
  });

  it("gold answers are clamped and seed the confusion matrices: a colluding majority is overruled", () => {
    // G1, G2 always right; B1–B3 always answer the other class. Majority follows B; gold on a
    // third of the items shows that B's answers are flipped, and DS then reads them as such.
    const truth = Array.from({ length: 30 }, (_, i) => i % 2);
    const answers = truth.flatMap((t, i) => [
      answer(`i${i}`, "G1", t),
      answer(`i${i}`, "G2", t),
      ...["B1", "B2", "B3"].map((b) => answer(`i${i}`, b, 1 - t)),
    ]);
    const plain = dawidSkene({ classes: 2, answers });
    expect(plain.items.every((item, i) => item.label !== truth[i])).toBe(true);
    const gold = Object.fromEntries(truth.slice(0, 10).map((t, i) => [`i${i}`, t]));
    const seeded = dawidSkene({ classes: 2, answers, gold });
    expect(seeded.items.map((item) => item.label)).toEqual(truth);
    expect(seeded.items[0]!.posterior).toEqual([1, 0]);
    expect(seeded.workers.find((w) => w.id === "B1")!.accuracy).toBeLessThan(0.05);
  });

  it("shrinkage: a cruncher with one answer looks like the crowd, not like a coin", () => {
    const crunchers = simulatedCrunchers(mulberry32(9), 10, 0, 0.8, 0.9);
    const { questions, answers } = crowdAnswers(10, crunchers, 200, 3, 3);
    const withNewcomer = [...answers, answer(questions[0]!.id, "newcomer", questions[0]!.truth)];
    const unseen = (questions[0]!.truth + 1) % 3; // a true class the newcomer never met
    const shrunk = dawidSkene({ classes: 3, answers: withNewcomer }).workers.find((w) => w.id === "newcomer")!;
    const flat = dawidSkene({ classes: 3, answers: withNewcomer }, { shrinkage: 0 }).workers.find((w) => w.id === "newcomer")!;
    expect(shrunk.confusion[unseen]![unseen]).toBeGreaterThan(0.7);
    expect(flat.confusion[unseen]![unseen]).toBeCloseTo(1 / 3, 4);
  });

  it("items with fewer classes keep their posterior on their own classes", () => {
    const answers = [answer("three", "A", 2), answer("three", "B", 2), answer("two", "A", 1), answer("two", "B", 0), answer("five", "A", 4)];
    const result = dawidSkene({ classes: 5, answers, itemClasses: { three: 3, two: 2 } });
    const two = result.items.find((i) => i.id === "two")!;
    expect(two.posterior.slice(2)).toEqual([0, 0, 0]);
    expect(two.posterior[0]! + two.posterior[1]!).toBeCloseTo(1, 12);
    expect(result.items.find((i) => i.id === "three")!.label).toBe(2);
  });

  it("is deterministic: the same answers give the same result, and another order the same labels", () => {
    const crunchers = simulatedCrunchers(mulberry32(7), 15, 2);
    const { answers } = crowdAnswers(8, crunchers, 200, 5, 3);
    expect(dawidSkene({ classes: 5, answers })).toEqual(dawidSkene({ classes: 5, answers }));
    const reversed = dawidSkene({ classes: 5, answers: [...answers].reverse() });
    const byId = new Map(reversed.items.map((i) => [i.id, i]));
    for (const item of dawidSkene({ classes: 5, answers }).items) {
      expect(byId.get(item.id)!.label).toBe(item.label);
      item.posterior.forEach((p, k) => expect(byId.get(item.id)!.posterior[k]).toBeCloseTo(p, 9));
    }
  });

  it("refuses malformed or oversized input", () => {
    expect(() => dawidSkene({ classes: 1, answers: [] })).toThrow(RangeError);
    expect(() => dawidSkene({ classes: 102, answers: [] })).toThrow(RangeError);
    expect(() => dawidSkene({ classes: 2, answers: [answer("x", "A", 2)] })).toThrow(/not a class/);
    expect(() => dawidSkene({ classes: 3, answers: [answer("x", "A", 2)], itemClasses: { x: 2 } })).toThrow(/beyond/);
    expect(() => dawidSkene({ classes: 2, answers: [answer("x", "A", 0)], gold: { x: 5 } })).toThrow(/gold/);
    expect(() => dawidSkene({ classes: 2, answers: [] }, { maxIterations: 5000 })).toThrow(RangeError);
    expect(dawidSkene({ classes: 2, answers: [] })).toMatchObject({ items: [], workers: [] });
  });
});
