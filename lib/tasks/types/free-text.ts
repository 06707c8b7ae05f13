import { z } from "zod";
import { defineKind } from "./request-kind";
import { sharedFields } from "./shared-fields";

// free-text: a trimmed text answer, optionally a number or a URL. The same question is asked per
// mark by annotations-with-free-text.

export const FREE_TEXT_VALIDATIONS = ["number", "url"] as const;
export const freeTextFields = { validation: z.enum(FREE_TEXT_VALIDATIONS).optional() };
/** The fields answers and agreement read; plain and per-annotation params both fit. */
export type FreeTextRules = z.output<z.ZodObject<typeof freeTextFields>>;

export const freeText = defineKind({
  label: "Free text",
  family: "plain",
  schema: z.strictObject({ ...sharedFields, ...freeTextFields }),
  crossFieldProblems: () => [],
});
