import { z } from "zod";
import type { ApiErrorDetail } from "@/lib/http/errors";
import { LIMITS } from "../limits";
import { isPlainObject, problem, type Checked, type ProblemPath } from "../problems";
import { randomInt, type PassedFields, type Random } from "./request-kind";
import { count, type SharedParams } from "./shared-fields";

// What the four annotations* types share: marks (points or rectangles, or moments of audio) on the
// attachments. The annotations-with-* types add a plain question answered per mark.

export const ANNOTATION_SHAPES = ["point", "rectangle"] as const;

export const annotationFields = {
  annotations_type: z
    .enum(ANNOTATION_SHAPES)
    .default("point")
    .describe("point (x, y; the default) or rectangle (x, y, x2, y2); audio is marked by time (t) only."),
  min_annotations: count.max(LIMITS.annotations).default(1).describe("Minimum number of marks. Defaults to 1."),
  max_annotations: count
    .max(LIMITS.annotations)
    .default(0)
    .describe(`Maximum number of marks; 0 (the default) is no limit (up to ${LIMITS.annotations}).`),
};
type AnnotationParams = z.output<z.ZodObject<typeof annotationFields>> & SharedParams;

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

/**
 * One mark on an attachment, in the document's response shape. x, y (and x2, y2 for rectangles) are
 * pixel positions on the attachment as displayed at its natural size, origin top-left; t is seconds
 * from the start of a video or audio attachment; attachment_index says which attachment, present
 * only when the request has more than one.
 */
export interface Annotation {
  x?: number;
  y?: number;
  x2?: number;
  y2?: number;
  t?: number;
  attachment_index?: number;
}
export type AnnotationWith<R> = Annotation & { response: R };

/** The request fields that decide what a well-formed annotation is. */
export type AnnotationLayout = Pick<AnnotationParams, "attachments_type" | "attachments" | "annotations_type" | "min_annotations" | "max_annotations">;
/** Checks the `response` of one mark (the per-annotation question's answer). */
export type SubAnswerValidator<R> = (value: unknown, at: ProblemPath) => Checked<R>;

const COORDINATES = ["x", "y", "x2", "y2"] as const;

function checkOne<R>(
  layout: AnnotationLayout,
  item: unknown,
  at: ProblemPath,
  sub: SubAnswerValidator<R> | null,
): { annotation: Annotation & { response?: R }; errors: ApiErrorDetail[] } {
  const errors: ApiErrorDetail[] = [];
  const annotation: Annotation & { response?: R } = {};
  if (!isPlainObject(item)) return { annotation, errors: [problem(at, "Must be an annotation object.", "invalid_type")] };
  const known = new Set<string>([...COORDINATES, "t", "attachment_index", ...(sub ? ["response"] : [])]);
  for (const key of Object.keys(item)) if (!known.has(key)) errors.push(problem([...at, key], "Unknown field.", "unknown_parameter"));

  const audio = layout.attachments_type === "audio";
  const rectangle = layout.annotations_type === "rectangle";
  const wanted: Record<(typeof COORDINATES)[number], boolean> = { x: !audio, y: !audio, x2: !audio && rectangle, y2: !audio && rectangle };
  for (const key of COORDINATES) {
    const value = item[key];
    if (!wanted[key]) {
      if (value !== undefined) {
        const why = audio ? "Audio annotations are placed by t only." : "Only rectangle annotations have x2 and y2.";
        errors.push(problem([...at, key], why, "unknown_parameter"));
      }
    } else if (value === undefined) errors.push(problem([...at, key], "Required.", "missing"));
    else if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      errors.push(problem([...at, key], "Must be a pixel position: a number ≥ 0.", "invalid_type"));
    } else annotation[key] = value;
  }
  if (rectangle && annotation.x !== undefined && annotation.x2 !== undefined && annotation.x2 <= annotation.x) {
    errors.push(problem([...at, "x2"], "Must be greater than x (x,y is the top-left corner, x2,y2 the bottom-right)."));
  }
  if (rectangle && annotation.y !== undefined && annotation.y2 !== undefined && annotation.y2 <= annotation.y) {
    errors.push(problem([...at, "y2"], "Must be greater than y (x,y is the top-left corner, x2,y2 the bottom-right)."));
  }

  // t places a mark in time: required for audio (nothing else locates it), optional for video.
  const timed = audio || layout.attachments_type === "video";
  if (item.t === undefined) {
    if (audio) errors.push(problem([...at, "t"], "Required: seconds from the start of the audio.", "missing"));
  } else if (!timed) errors.push(problem([...at, "t"], "Only video and audio annotations have t.", "unknown_parameter"));
  else if (typeof item.t !== "number" || !Number.isFinite(item.t) || item.t < 0) {
    errors.push(problem([...at, "t"], "Must be seconds from the start: a number ≥ 0.", "invalid_type"));
  } else annotation.t = item.t;

  const attachmentCount = layout.attachments.length;
  const index = item.attachment_index;
  if (index === undefined) {
    if (attachmentCount > 1) errors.push(problem([...at, "attachment_index"], `Required: which attachment (0 to ${attachmentCount - 1}).`, "missing"));
  } else if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= Math.max(1, attachmentCount)) {
    errors.push(problem([...at, "attachment_index"], `Must be an attachment index from 0 to ${Math.max(1, attachmentCount) - 1}.`));
  } else if (attachmentCount > 1) annotation.attachment_index = index;

  if (sub) {
    const checked = sub(item.response, [...at, "response"]);
    if (checked.ok) annotation.response = checked.value;
    else errors.push(...checked.errors);
  }
  return { annotation, errors };
}

function checkList<R>(layout: AnnotationLayout, value: unknown, sub: SubAnswerValidator<R> | null): Checked<(Annotation & { response?: R })[]> {
  if (!Array.isArray(value)) return { ok: false, errors: [problem([], "Must be an array of annotations.", "invalid_type")] };
  const max = layout.max_annotations || LIMITS.annotations;
  const errors: ApiErrorDetail[] = [];
  if (value.length < layout.min_annotations) errors.push(problem([], `Mark at least ${layout.min_annotations}.`, "too_small"));
  if (value.length > max) return { ok: false, errors: [problem([], `Mark at most ${max}.`, "too_big")] };
  const annotations = value.map((item, i) => {
    const checked = checkOne(layout, item, [i], sub);
    errors.push(...checked.errors);
    return checked.annotation;
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: annotations };
}

/** Plain annotations: marks only. */
export function validateAnnotationsAnswer(layout: AnnotationLayout, value: unknown): Checked<Annotation[]> {
  return checkList(layout, value, null);
}

/** Annotations with a per-annotation answer, each checked by the plain type's validator. */
export function validateAnnotationsWithAnswer<R>(layout: AnnotationLayout, value: unknown, sub: SubAnswerValidator<R>): Checked<AnnotationWith<R>[]> {
  return checkList(layout, value, sub) as Checked<AnnotationWith<R>[]>;
}

/** Between min and max marks (2 more than min when unlimited), placed where the layout allows. */
export function simulatedMarks(layout: AnnotationLayout, random: Random): Annotation[] {
  const most = layout.max_annotations || layout.min_annotations + 2;
  const count = randomInt(random, layout.min_annotations, Math.max(layout.min_annotations, most));
  const audio = layout.attachments_type === "audio";
  const timed = audio || layout.attachments_type === "video";
  return Array.from({ length: count }, () => {
    const mark: Annotation = {};
    if (!audio) {
      mark.x = randomInt(random, 10, 1000);
      mark.y = randomInt(random, 10, 700);
      if (layout.annotations_type === "rectangle") {
        mark.x2 = mark.x + randomInt(random, 20, 200);
        mark.y2 = mark.y + randomInt(random, 20, 200);
      }
    }
    if (timed) mark.t = randomInt(random, 0, 1200) / 10;
    if (layout.attachments.length > 1) mark.attachment_index = randomInt(random, 0, layout.attachments.length - 1);
    return mark;
  });
}
