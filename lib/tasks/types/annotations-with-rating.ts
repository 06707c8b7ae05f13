import { z } from "zod";
import { annotationFields, annotationProblems, simulatedMarks, validateAnnotationsWithAnswer } from "./annotation-marks";
import { annotationListsAgree } from "./annotation-matching";
import { ratingFields, ratingProblems, ratingsAgree, simulatedRating, validateRatingAnswer } from "./rating";
import { defineKind } from "./request-kind";
import { instruction, sharedFields } from "./shared-fields";

// annotations-with-rating: marks, each answered by the rating question in per_annotation.

const perAnnotation = z
  .strictObject({ instruction, ...ratingFields })
  .describe("The rating question answered for each mark: instruction, rating_min, rating_max, rating_step, label_min, label_max.");

export const annotationsWithRating = defineKind({
  label: "Annotations with a rating",
  family: "annotations",
  schema: z.strictObject({ ...sharedFields, ...annotationFields, per_annotation: perAnnotation }),
  crossFieldProblems: (p) => [...annotationProblems(p), ...(p.per_annotation ? ratingProblems(p.per_annotation, ["per_annotation"]) : [])],
  validateAnswer: (p, answer) => validateAnnotationsWithAnswer(p, answer, (value, at) => validateRatingAnswer(p.per_annotation, value, at)),
  answersAgree: (p, a, b) => annotationListsAgree(a, b, (x, y) => ratingsAgree(p.per_annotation, x, y)),
  simulatedAnswer: (p, random) => simulatedMarks(p, random).map((mark) => ({ ...mark, response: simulatedRating(p.per_annotation, random) })),
});
