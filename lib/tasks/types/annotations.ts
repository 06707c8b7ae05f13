import { z } from "zod";
import { annotationFields, annotationProblems, simulatedMarks, validateAnnotationsAnswer } from "./annotation-marks";
import { annotationListsAgree } from "./annotation-matching";
import { defineKind } from "./request-kind";
import { sharedFields } from "./shared-fields";

// annotations: marks on the attachments, nothing more.

export const annotations = defineKind({
  label: "Annotations",
  family: "annotations",
  schema: z.strictObject({ ...sharedFields, ...annotationFields }),
  crossFieldProblems: (p) => annotationProblems(p),
  validateAnswer: (p, answer) => validateAnnotationsAnswer(p, answer),
  answersAgree: (_p, a, b) => annotationListsAgree(a, b, null),
  simulatedAnswer: (p, random) => simulatedMarks(p, random),
});
