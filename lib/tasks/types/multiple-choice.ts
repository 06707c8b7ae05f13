import { z } from "zod";
import type { ApiErrorDetail } from "@/lib/http/errors";
import { LIMITS } from "../limits";
import { fail, missing, problem, type Checked, type ProblemPath } from "../problems";
import { defineKind, randomInt, type PassedFields, type Random } from "./request-kind";
import { contentProblems, contentType, count, notBlank, sharedFields } from "./shared-fields";

// multiple-choice: pick between min_answers and max_answers of the choices. The same question is
// asked per mark by annotations-with-multiple-choice.

export const choiceFields = {
  choices_type: contentType.default("text").describe("The type of the choices: text (the default), image, video, audio or website."),
  choices: z
    .array(z.string().min(1).max(LIMITS.choiceChars).refine(notBlank, "Must not be blank."))
    .min(1)
    .max(LIMITS.choices)
    .describe("The possible answers, each once."),
  min_answers: count.default(1).describe("Minimum number of choices picked. Defaults to 1."),
  max_answers: count.default(0).describe("Maximum number of choices picked; 0 (the default) is no limit."),
};
type ChoiceParams = z.output<z.ZodObject<typeof choiceFields>>;
/** The fields answers and agreement read; plain and per-annotation params both fit. */
export type ChoiceRules = Pick<ChoiceParams, "choices" | "min_answers" | "max_answers">;

/** Choices of their content type, unique; min_answers reachable, max_answers 0 or at least min_answers. */
export function choiceProblems(p: PassedFields<ChoiceParams>, at: ProblemPath = []): ApiErrorDetail[] {
  const problems = contentProblems(p.choices_type, p.choices, [...at, "choices"], "choices_type");
  const firstSeen = new Map<string, number>();
  p.choices?.forEach((choice, i) => {
    const earlier = firstSeen.get(choice);
    if (earlier === undefined) firstSeen.set(choice, i);
    else problems.push(problem([...at, "choices", i], `Duplicate of choices[${earlier}]; choices must be unique.`));
  });
  const { min_answers: min, max_answers: max } = p;
  if (min !== undefined && p.choices && min > p.choices.length) {
    problems.push(problem([...at, "min_answers"], `Cannot exceed the number of choices (${p.choices.length}).`));
  }
  if (min !== undefined && max !== undefined && max > 0 && max < min) {
    problems.push(problem([...at, "max_answers"], `Must be 0 (no limit) or at least min_answers (${min}).`));
  }
  return problems;
}

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

/** The same set of choices (order never matters). */
export function choicesAgree(a: string[], b: string[]): boolean {
  const set = new Set(a);
  return a.length === b.length && set.size === new Set(b).size && b.every((choice) => set.has(choice));
}

/** Between min_answers and max_answers choices, in the list's order. */
export function simulatedChoices(rules: ChoiceRules, random: Random): string[] {
  const most = Math.min(rules.max_answers || rules.choices.length, rules.choices.length);
  const count = randomInt(random, Math.min(rules.min_answers, most), most);
  const shuffled = rules.choices.map((choice) => ({ choice, key: random() })).sort((a, b) => a.key - b.key);
  const picked = new Set(shuffled.slice(0, count).map((s) => s.choice));
  return rules.choices.filter((choice) => picked.has(choice));
}

export const multipleChoice = defineKind({
  label: "Multiple choice",
  family: "plain",
  schema: z.strictObject({ ...sharedFields, ...choiceFields }),
  crossFieldProblems: (p) => choiceProblems(p),
  validateAnswer: (p, answer) => validateChoiceAnswer(p, answer),
  answersAgree: (_p, a, b) => choicesAgree(a, b),
  simulatedAnswer: (p, random) => simulatedChoices(p, random),
});
