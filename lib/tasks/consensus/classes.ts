import type { ParamsByType } from "../request-types";
import { snapToRatingGrid } from "../types/rating";
import { DAWID_SKENE_LIMITS } from "./dawid-skene";

/*
 * Which requests the class-based strategies (Dawid–Skene, adaptive overlap) apply to, and how their
 * answers become classes 0 … K−1 and back. Multiple-choice with exactly one choice per answer:
 * class = the choice's position (so a cruncher who always picks the first choice is visible across
 * requests). Rating: class = the step on the grid (rating_min + k·rating_step), when the scale has
 * at most DAWID_SKENE_LIMITS.classes values. Everything else (multi-select, free text, media,
 * annotations) keeps majority voting.
 */

export interface ClassMapping<A> {
  classes: number;
  /** The class of a normalised answer, or null for one that is not a single class. */
  labelOf(answer: A): number | null;
  /** The response for a class. */
  answerOf(label: number): A;
}

export function multipleChoiceClasses(params: Pick<ParamsByType["multiple-choice"], "choices" | "min_answers" | "max_answers">): ClassMapping<string[]> | null {
  const { choices } = params;
  if (params.max_answers !== 1 || params.min_answers !== 1 || choices.length < 2 || choices.length > DAWID_SKENE_LIMITS.classes) return null;
  return {
    classes: choices.length,
    labelOf: (answer) => (answer.length === 1 && choices.includes(answer[0]!) ? choices.indexOf(answer[0]!) : null),
    answerOf: (label) => [choices[label]!],
  };
}

export function ratingClasses(params: Pick<ParamsByType["rating"], "rating_min" | "rating_max" | "rating_step">): ClassMapping<number> | null {
  const { rating_min: min, rating_step: step } = params;
  const classes = Math.round((params.rating_max - min) / step) + 1;
  if (!(classes >= 2 && classes <= DAWID_SKENE_LIMITS.classes)) return null;
  return {
    classes,
    labelOf: (answer) => (snapToRatingGrid(params, answer) === null ? null : Math.round((answer - min) / step)),
    answerOf: (label) => snapToRatingGrid(params, min + label * step) ?? min,
  };
}
