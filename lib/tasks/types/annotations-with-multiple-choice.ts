import { z } from "zod";
import { annotationFields, annotationProblems, simulatedMarks, validateAnnotationsWithAnswer } from "./annotation-marks";
import { annotationListsAgree } from "./annotation-matching";
import { choiceFields, choiceProblems, choicesAgree, simulatedChoices, validateChoiceAnswer } from "./multiple-choice";
import { defineKind } from "./request-kind";
import { instruction, sharedFields } from "./shared-fields";

// annotations-with-multiple-choice: marks, each answered by the multiple-choice question in per_annotation.

const perAnnotation = z
  .strictObject({ instruction, ...choiceFields })
  .describe("The multiple-choice question answered for each mark: instruction, choices_type, choices, min_answers, max_answers.");

export const annotationsWithMultipleChoice = defineKind({
  label: "Annotations with a choice",
  family: "annotations",
  schema: z.strictObject({ ...sharedFields, ...annotationFields, per_annotation: perAnnotation }),
  crossFieldProblems: (p) => [...annotationProblems(p), ...(p.per_annotation ? choiceProblems(p.per_annotation, ["per_annotation"]) : [])],
  validateAnswer: (p, answer) => validateAnnotationsWithAnswer(p, answer, (value, at) => validateChoiceAnswer(p.per_annotation, value, at)),
  answersAgree: (_p, a, b) => annotationListsAgree(a, b, (x, y) => choicesAgree(x, y)),
  simulatedAnswer: (p, random) => simulatedMarks(p, random).map((mark) => ({ ...mark, response: simulatedChoices(p.per_annotation, random) })),
});
