import { z } from "zod";
import type { ApiErrorDetail } from "@/lib/http/errors";
import { LIMITS } from "../limits";
import { problem } from "../problems";
import type { PassedFields } from "./request-kind";
import { count, type SharedParams } from "./shared-fields";

// What the four annotations* types share: marks (points or rectangles, or moments of audio) on the
// attachments. The annotations-with-* types add a plain question answered per mark.

export const ANNOTATION_SHAPES = ["point", "rectangle"] as const;

export const annotationFields = {
  annotations_type: z.enum(ANNOTATION_SHAPES).default("point"),
  min_annotations: count.max(LIMITS.annotations).default(1),
  /** 0 = no limit (up to LIMITS.annotations), mirroring max_answers. */
  max_annotations: count.max(LIMITS.annotations).default(0),
};
export type AnnotationParams = z.output<z.ZodObject<typeof annotationFields>> & SharedParams;

/** At least one attachment to mark; max 0 or at least min; no rectangles on audio. */
export function annotationProblems(p: PassedFields<AnnotationParams>): ApiErrorDetail[] {
  const problems: ApiErrorDetail[] = [];
  if (p.attachments && p.attachments.length === 0) {
    problems.push(problem(["attachments"], "Annotations are made over an attachment: give at least one.", "missing"));
  }
  const { min_annotations: min, max_annotations: max } = p;
  if (min !== undefined && max !== undefined && max > 0 && max < min) {
    problems.push(problem(["max_annotations"], `Must be 0 (no limit) or at least min_annotations (${min}).`));
  }
  if (p.annotations_type === "rectangle" && p.attachments_type === "audio") {
    problems.push(problem(["annotations_type"], 'Audio is annotated by time only: use "point" (each annotation is a t).'));
  }
  return problems;
}
