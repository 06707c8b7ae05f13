import { z } from "zod";
import type { ApiErrorDetail } from "@/lib/http/errors";
import { LIMITS } from "../limits";
import { fail, missing, problem, type Checked, type ProblemPath } from "../problems";
import { defineKind, randomInt, type PassedFields, type Random } from "./request-kind";
import { sharedFields } from "./shared-fields";

// rating: a value on the grid rating_min + k·rating_step. The same question is asked per mark by
// annotations-with-rating.

export const ratingFields = {
  rating_min: z.number().default(0).describe("The minimum rating on the scale. Defaults to 0."),
  rating_max: z.number().default(100).describe("The maximum rating on the scale. Defaults to 100."),
  rating_step: z.number().positive().default(1).describe("The step of the scale (granularity); it divides the scale evenly. Defaults to 1."),
  label_min: z.string().max(LIMITS.labelChars).optional().describe("The label of the minimum edge of the scale."),
  label_max: z.string().max(LIMITS.labelChars).optional().describe("The label of the maximum edge of the scale."),
};
type RatingParams = z.output<z.ZodObject<typeof ratingFields>>;
/** The fields answers and agreement read; plain and per-annotation params both fit. */
export type RatingRules = Pick<RatingParams, "rating_min" | "rating_max" | "rating_step">;

/** min below max, and a step that divides the scale into at most LIMITS.ratingSteps steps. */
export function ratingProblems(p: PassedFields<RatingParams>, at: ProblemPath = []): ApiErrorDetail[] {
  const { rating_min: min, rating_max: max, rating_step: step } = p;
  if (min === undefined || max === undefined) return [];
  if (min >= max) return [problem([...at, "rating_max"], `Must be greater than rating_min (${min}).`)];
  if (step === undefined || step <= 0) return [];
  const steps = (max - min) / step;
  if (Math.abs(steps - Math.round(steps)) > 1e-6 * Math.max(1, steps)) {
    return [problem([...at, "rating_step"], `Must divide the scale evenly: (rating_max − rating_min) / rating_step = ${Number(steps.toPrecision(6))} is not a whole number.`)];
  }
  if (steps > LIMITS.ratingSteps) {
    return [problem([...at, "rating_step"], `Too fine: the scale would have ${Math.round(steps)} steps (at most ${LIMITS.ratingSteps}).`)];
  }
  return [];
}

/**
 * The grid value rating_min + k·rating_step nearest to `value`, or null when `value` is off the
 * grid or outside the scale. Tolerates float noise (0.1 + 0.2) and returns the clean decimal.
 */
export function snapToRatingGrid(rules: RatingRules, value: number): number | null {
  const { rating_min: min, rating_max: max, rating_step: step } = rules;
  const k = Math.round((value - min) / step);
  const lastK = Math.round((max - min) / step);
  const tolerance = step * 1e-6;
  if (k < 0 || k > lastK || Math.abs(min + k * step - value) > tolerance) return null;
  return Number((k === lastK ? max : min + k * step).toPrecision(15));
}

/** A number on the scale's grid; numeric strings ("35") are accepted from form posts. */
export function validateRatingAnswer(rules: RatingRules, value: unknown, at: ProblemPath = []): Checked<number> {
  if (value === undefined || value === null) return missing(at);
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof number !== "number" || !Number.isFinite(number)) return fail(at, "Must be a number.", "invalid_type");
  const snapped = snapToRatingGrid(rules, number);
  if (snapped === null) {
    const { rating_min: min, rating_max: max, rating_step: step } = rules;
    return fail(at, `Must be between ${min} and ${max} in steps of ${step} from ${min}.`);
  }
  return { ok: true, value: snapped };
}

/** The same value on the scale's grid. */
export function ratingsAgree(rules: RatingRules, a: number, b: number): boolean {
  return Math.abs(a - b) <= rules.rating_step * 1e-6;
}

/** A value on the grid. */
export function simulatedRating(rules: RatingRules, random: Random): number {
  const lastK = Math.round((rules.rating_max - rules.rating_min) / rules.rating_step);
  const k = randomInt(random, 0, lastK);
  return snapToRatingGrid(rules, rules.rating_min + k * rules.rating_step) ?? rules.rating_min;
}

export const rating = defineKind({
  label: "Rating",
  family: "plain",
  schema: z.strictObject({ ...sharedFields, ...ratingFields }),
  crossFieldProblems: (p) => ratingProblems(p),
  validateAnswer: (p, answer) => validateRatingAnswer(p, answer),
  answersAgree: (p, a, b) => ratingsAgree(p, a, b),
  simulatedAnswer: (p, random) => simulatedRating(p, random),
});
