import type { DawidSkeneResult } from "./dawid-skene";

/*
 * Adaptive overlap: after each answer to one request, the posterior of each choice given the
 * answers so far and what is known of each cruncher (their Dawid–Skene confusion matrices and the
 * class priors, fitted over the workspace's history). Complete as soon as the best choice reaches
 * min_confidence; ask one more cruncher while it does not and fewer than max_crunchers answered;
 * once max_crunchers answered below it, complete with `response: null` (the Heat API document's
 * "no agreement"). Confident crunchers settle a request in one or two answers; careless ones and
 * spammers barely move the posterior, so they cannot settle it on their own.
 */

type Matrix = readonly (readonly number[])[];

/** What the decision needs from a fit; JSON-safe, so it can be stored and reused between fits. */
export interface ConsensusModel {
  /** K of the fit: requests offer 1 … K classes. */
  classes: number;
  priors: readonly number[];
  /** confusion[cruncherId][true][given]. */
  confusion: Readonly<Record<string, Matrix>>;
  /** For crunchers the fit has not seen: the answer-weighted mean of everyone's matrices. */
  fallback: Matrix;
}

export interface ClassAnswer {
  cruncherId: string;
  /** The answer as a class 0 … K−1 (classes.ts maps a request's answers). */
  label: number;
}

export interface AdaptiveSettings {
  /** The posterior the chosen class must reach, in (0, 1]. */
  minConfidence: number;
  maxCrunchers: number;
}

export type AdaptiveDecision =
  /** Ask one more cruncher. */
  | { state: "pending"; posterior: number[]; label: number; confidence: number }
  /** label: the chosen class; confidence: its posterior (≥ minConfidence). */
  | { state: "complete"; posterior: number[]; label: number; confidence: number }
  /** max_crunchers answered without reaching minConfidence: response null; the best guess is still reported. */
  | { state: "no_agreement"; response: null; posterior: number[]; label: number; confidence: number };

/** The model of a fit: its priors and matrices, and an answer-weighted mean matrix for newcomers. */
export function consensusModel(fit: DawidSkeneResult): ConsensusModel {
  const K = fit.priors.length;
  const sum = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  let total = 0;
  const confusion: Record<string, Matrix> = {};
  for (const worker of fit.workers) {
    confusion[worker.id] = worker.confusion;
    total += worker.answers;
    worker.confusion.forEach((row, k) => row.forEach((p, l) => (sum[k]![l]! += p * worker.answers)));
  }
  // No answers at all: a newcomer's answer carries no information (uniform rows).
  const fallback = sum.map((row) => row.map((p) => (total > 0 ? p / total : 1 / K)));
  return { classes: K, priors: fit.priors, confusion, fallback };
}

/** P(true class = k | answers) over the request's `choices` classes; a cruncher's second answer is ignored. */
export function posteriorOf(model: ConsensusModel, choices: number, answers: readonly ClassAnswer[]): number[] {
  if (!Number.isInteger(choices) || choices < 1 || choices > model.classes) throw new RangeError(`choices must be 1…${model.classes}.`);
  const log = model.priors.slice(0, choices).map((p) => Math.log(Math.max(p, 1e-300)));
  const seen = new Set<string>();
  for (const { cruncherId, label } of answers) {
    if (seen.has(cruncherId)) continue;
    seen.add(cruncherId);
    if (!Number.isInteger(label) || label < 0 || label >= choices) throw new RangeError(`label ${label} is not one of the ${choices} classes.`);
    const matrix = Object.hasOwn(model.confusion, cruncherId) ? model.confusion[cruncherId]! : model.fallback;
    for (let k = 0; k < choices; k++) log[k]! += Math.log(Math.max(matrix[k]![label]!, 1e-300));
  }
  const max = Math.max(...log);
  const weights = log.map((l) => Math.exp(l - max));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

/** The decision after these answers (in arrival order; only the first maxCrunchers distinct crunchers count). */
export function decideAdaptive(model: ConsensusModel, choices: number, answers: readonly ClassAnswer[], settings: AdaptiveSettings): AdaptiveDecision {
  const { minConfidence, maxCrunchers } = settings;
  if (!(minConfidence > 0 && minConfidence <= 1)) throw new RangeError("minConfidence must be in (0, 1].");
  if (!Number.isInteger(maxCrunchers) || maxCrunchers < 1) throw new RangeError("maxCrunchers must be a whole number ≥ 1.");
  const seen = new Set<string>();
  const considered = answers.filter(({ cruncherId }) => !seen.has(cruncherId) && seen.add(cruncherId)).slice(0, maxCrunchers);
  const posterior = posteriorOf(model, choices, considered);
  let label = 0;
  posterior.forEach((p, k) => p > posterior[label]! && (label = k));
  const confidence = posterior[label]!;
  // Never complete on the priors alone: at least one answer, as the majority strategy.
  if (considered.length > 0 && confidence >= minConfidence) return { state: "complete", posterior, label, confidence };
  if (considered.length < maxCrunchers) return { state: "pending", posterior, label, confidence };
  return { state: "no_agreement", response: null, posterior, label, confidence };
}
