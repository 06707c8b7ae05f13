import type { Random } from "../types/request-kind";

// A simulated crowd for the consensus tests and bench/crowd.ts: each cruncher knows the answer with
// probability `skill` and otherwise guesses uniformly among the choices (so accuracy on K choices is
// skill + (1 − skill)/K); a spammer always picks the first choice. Everything is drawn from a
// seeded `random`, so a run repeats exactly.

export interface SimulatedCruncher {
  id: string;
  skill: number;
  spammer: boolean;
}

export interface SimulatedQuestion {
  id: string;
  /** Number of choices (classes 0 … choices−1). */
  choices: number;
  truth: number;
}

/** `count` crunchers, skills evenly spread over [minSkill, maxSkill]; the first `spammers` of a shuffled order are spammers. */
export function simulatedCrunchers(random: Random, count: number, spammers: number, minSkill = 0, maxSkill = 0.95): SimulatedCruncher[] {
  const crunchers = Array.from({ length: count }, (_, i) => ({
    id: `c${String(i).padStart(3, "0")}`,
    skill: count === 1 ? maxSkill : minSkill + ((maxSkill - minSkill) * i) / (count - 1),
    spammer: false,
  }));
  for (const i of sample(random, count, spammers)) crunchers[i]!.spammer = true;
  return crunchers;
}

/** `count` questions with minChoices…maxChoices choices and a uniformly drawn true choice. */
export function simulatedQuestions(random: Random, count: number, minChoices: number, maxChoices: number, prefix = "q"): SimulatedQuestion[] {
  return Array.from({ length: count }, (_, i) => {
    const choices = minChoices + Math.floor(random() * (maxChoices - minChoices + 1));
    return { id: `${prefix}${i}`, choices, truth: Math.floor(random() * choices) };
  });
}

/** One cruncher's answer to one question. */
export function simulatedLabel(random: Random, cruncher: SimulatedCruncher, question: SimulatedQuestion): number {
  if (cruncher.spammer) return 0;
  const guess = Math.floor(random() * question.choices);
  return random() < cruncher.skill ? question.truth : guess;
}

/** `k` distinct indexes of 0 … n−1 in random order (partial Fisher–Yates). */
export function sample(random: Random, n: number, k: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < Math.min(k, n); i++) {
    const j = i + Math.floor(random() * (n - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, k);
}
