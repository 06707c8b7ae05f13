import { z } from "zod";
import { LIMITS } from "../limits";
import { fail, isHttpUrl, missing, type Checked, type ProblemPath } from "../problems";
import { defineKind, randomInt, type Random } from "./request-kind";
import { sharedFields } from "./shared-fields";

// free-text: a trimmed text answer, optionally a number or a URL. The same question is asked per
// mark by annotations-with-free-text.

export const FREE_TEXT_VALIDATIONS = ["number", "url"] as const;
export const freeTextFields = {
  validation: z.enum(FREE_TEXT_VALIDATIONS).optional().describe("Require the answer to be a number or an http(s) URL."),
};
/** The fields answers and agreement read; plain and per-annotation params both fit. */
export type FreeTextRules = z.output<z.ZodObject<typeof freeTextFields>>;

/** A decimal number as people type it: optional sign, digits, optional fraction and exponent. */
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

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

/** Text as compared for agreement: NFC, trimmed, whitespace collapsed, case folded. */
export function canonicalText(text: string): string {
  // Upper- then lower-casing folds more than toLowerCase alone (ß → ss, final sigma → σ).
  return text.normalize("NFC").trim().replace(/\s+/g, " ").toUpperCase().toLowerCase().normalize("NFC");
}

function canonicalUrl(text: string): string {
  try {
    return new URL(text.trim()).href;
  } catch {
    return text.trim();
  }
}

/** The same canonical text; with validation "number" the same number, with "url" the same parsed URL. */
export function freeTextAgrees(rules: FreeTextRules, a: string, b: string): boolean {
  if (rules.validation === "number") return Number(a.trim()) === Number(b.trim());
  if (rules.validation === "url") return canonicalUrl(a) === canonicalUrl(b);
  return canonicalText(a) === canonicalText(b);
}

/** A numbered sentence, number or URL, as `validation` asks. */
export function simulatedText(rules: FreeTextRules, random: Random): string {
  const n = randomInt(random, 1, 999);
  if (rules.validation === "number") return String(n);
  if (rules.validation === "url") return `https://example.com/simulated/${n}`;
  return `Simulated answer ${n}`;
}

export const freeText = defineKind({
  label: "Free text",
  family: "plain",
  schema: z.strictObject({ ...sharedFields, ...freeTextFields }),
  crossFieldProblems: () => [],
  validateAnswer: (p, answer) => validateFreeTextAnswer(p, answer),
  answersAgree: (p, a, b) => freeTextAgrees(p, a, b),
  simulatedAnswer: (p, random) => simulatedText(p, random),
});
