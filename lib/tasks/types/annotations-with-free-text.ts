import { z } from "zod";
import { annotationFields, annotationProblems, simulatedMarks, validateAnnotationsWithAnswer } from "./annotation-marks";
import { annotationListsAgree } from "./annotation-matching";
import { freeTextAgrees, freeTextFields, simulatedText, validateFreeTextAnswer } from "./free-text";
import { defineKind } from "./request-kind";
import { instruction, sharedFields } from "./shared-fields";

// annotations-with-free-text: marks, each answered by the free-text question in per_annotation.

const perAnnotation = z
  .strictObject({ instruction, ...freeTextFields })
  .describe("The free-text question answered for each mark: instruction, validation.");

export const annotationsWithFreeText = defineKind({
  label: "Annotations with text",
  family: "annotations",
  schema: z.strictObject({ ...sharedFields, ...annotationFields, per_annotation: perAnnotation }),
  crossFieldProblems: (p) => annotationProblems(p),
  validateAnswer: (p, answer) => validateAnnotationsWithAnswer(p, answer, (value, at) => validateFreeTextAnswer(p.per_annotation, value, at)),
  answersAgree: (p, a, b) => annotationListsAgree(a, b, (x, y) => freeTextAgrees(p.per_annotation, x, y)),
  simulatedAnswer: (p, random) => simulatedMarks(p, random).map((mark) => ({ ...mark, response: simulatedText(p.per_annotation, random) })),
});
