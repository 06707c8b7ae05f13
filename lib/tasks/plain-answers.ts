import type { ApiErrorDetail } from "@/lib/http/errors";
import { LIMITS } from "./limits";
import { isHttpUrl, problem, type Checked, type ProblemPath } from "./problems";
import type { FreeTextRules } from "./types/free-text";
import type { ChoiceRules } from "./types/multiple-choice";
import type { RatingRules } from "./types/rating";

// One cruncher's answer to a plain (non-annotation) question, checked and normalised. Each
// validator takes the rules it needs, so per_annotation sub-answers reuse them unchanged.

const fail = <T>(at: ProblemPath, message: string, type = "custom"): Checked<T> => ({ ok: false, errors: [problem(at, message, type)] });
const missing = <T>(at: ProblemPath): Checked<T> => fail(at, "Required.", "missing");

/** Choices from the list, each once, as many as min/max_answers allow; returned in the list's order. */
export function validateChoiceAnswer(rules: ChoiceRules, value: unknown, at: ProblemPath = []): Checked<string[]> {
  if (value === undefined || value === null) return missing(at);
  const picked = typeof value === "string" ? [value] : value;
  if (!Array.isArray(picked)) return fail(at, "Must be an array of choices.", "invalid_type");
  const errors: ApiErrorDetail[] = [];
  const seen = new Set<string>();
  for (const [i, choice] of picked.entries()) {
    if (typeof choice !== "string" || !rules.choices.includes(choice)) errors.push(problem([...at, i], "Not one of the choices."));
    else if (seen.has(choice)) errors.push(problem([...at, i], "Chosen twice."));
    else seen.add(choice);
  }
  const max = rules.max_answers || rules.choices.length;
  if (picked.length < rules.min_answers) errors.push(problem(at, `Choose at least ${rules.min_answers}.`, "too_small"));
  if (picked.length > max) errors.push(problem(at, `Choose at most ${max}.`, "too_big"));
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: rules.choices.filter((choice) => seen.has(choice)) };
}

/** A decimal number as people type it: optional sign, digits, optional fraction and exponent. */
export const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Trimmed, non-empty text; a number or an http(s) URL when `validation` asks for one. */
export function validateFreeTextAnswer(rules: FreeTextRules, value: unknown, at: ProblemPath = []): Checked<string> {
  if (value === undefined || value === null) return missing(at);
  if (typeof value !== "string") return fail(at, "Must be a string.", "invalid_type");
  const text = value.trim();
  if (!text) return fail(at, "Must not be blank.", "too_small");
  if (text.length > LIMITS.answerChars) return fail(at, `At most ${LIMITS.answerChars} characters.`, "too_big");
  if (rules.validation === "number" && !NUMBER_TEXT.test(text)) return fail(at, "Must be a number, e.g. 42 or -3.5 (no thousands separators).");
  if (rules.validation === "url" && !isHttpUrl(text)) return fail(at, "Must be a full URL starting with http:// or https://.");
  return { ok: true, value: text };
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

/**
 * Media answers are the URL of a file: one this app stored (a path starting with "/", served by the
 * worker upload) or an absolute http(s) URL.
 */
export function validateMediaAnswer(value: unknown, at: ProblemPath = []): Checked<string> {
  if (value === undefined || value === null) return missing(at);
  if (typeof value !== "string") return fail(at, "Must be the URL of a file.", "invalid_type");
  const url = value.trim();
  if (url.length > LIMITS.urlChars) return fail(at, `At most ${LIMITS.urlChars} characters.`, "too_big");
  const localPath = url.startsWith("/") && !url.startsWith("//") && !/\s/.test(url);
  if (!localPath && !isHttpUrl(url)) return fail(at, "Must be the URL of a file: a path starting with / or an http(s) URL.");
  return { ok: true, value: url };
}
