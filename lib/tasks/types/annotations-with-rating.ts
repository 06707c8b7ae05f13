import { z } from "zod";
import { annotationFields, annotationProblems } from "./annotation-marks";
import { ratingFields, ratingProblems } from "./rating";
import { defineKind } from "./request-kind";
import { instruction, sharedFields } from "./shared-fields";

// annotations-with-rating: marks, each answered by the rating question in per_annotation.

const perAnnotation = z.strictObject({ instruction, ...ratingFields });

export const annotationsWithRating = defineKind({
  label: "Annotations with a rating",
  family: "annotations",
  schema: z.strictObject({ ...sharedFields, ...annotationFields, per_annotation: perAnnotation }),
  crossFieldProblems: (p) => [...annotationProblems(p), ...(p.per_annotation ? ratingProblems(p.per_annotation, ["per_annotation"]) : [])],
});
