import type { ApiErrorDetail } from "@/lib/http/errors";
import { validateAnnotationsAnswer, validateAnnotationsWithAnswer, type Annotation, type AnnotationWith } from "./annotation-answers";
import { validateChoiceAnswer, validateFreeTextAnswer, validateMediaAnswer, validateRatingAnswer } from "./plain-answers";
import type { Checked } from "./problems";
import type { ParamsByType, RequestType } from "./request-types";

export type { Annotation, AnnotationWith } from "./annotation-answers";
export { snapToRatingGrid } from "./plain-answers";

/** The `response` shape of each request type, as the document's example responses show it. */
export interface AnswerByType {
  /** Chosen values from `choices`, in the order of `choices`. */
  "multiple-choice": string[];
  "free-text": string;
  rating: number;
  /** URL of the file: a path on this app ("/…") or an http(s) URL. */
  image: string;
  video: string;
  audio: string;
  annotations: Annotation[];
  "annotations-with-multiple-choice": AnnotationWith<string[]>[];
  "annotations-with-free-text": AnnotationWith<string>[];
  "annotations-with-rating": AnnotationWith<number>[];
}
export type Answer = AnswerByType[RequestType];

export type AnswerResult<A> = { ok: true; answer: A } | { ok: false; errors: ApiErrorDetail[] };

function validateFor(type: RequestType, params: ParamsByType[RequestType], answer: unknown): Checked<Answer> {
  switch (type) {
    case "multiple-choice":
      return validateChoiceAnswer(params as ParamsByType[typeof type], answer);
    case "free-text":
      return validateFreeTextAnswer(params as ParamsByType[typeof type], answer);
    case "rating":
      return validateRatingAnswer(params as ParamsByType[typeof type], answer);
    case "image":
    case "video":
    case "audio":
      return validateMediaAnswer(answer);
    case "annotations":
      return validateAnnotationsAnswer(params as ParamsByType[typeof type], answer);
    case "annotations-with-multiple-choice": {
      const p = params as ParamsByType[typeof type];
      return validateAnnotationsWithAnswer(p, answer, (value, at) => validateChoiceAnswer(p.per_annotation, value, at));
    }
    case "annotations-with-free-text": {
      const p = params as ParamsByType[typeof type];
      return validateAnnotationsWithAnswer(p, answer, (value, at) => validateFreeTextAnswer(p.per_annotation, value, at));
    }
    case "annotations-with-rating": {
      const p = params as ParamsByType[typeof type];
      return validateAnnotationsWithAnswer(p, answer, (value, at) => validateRatingAnswer(p.per_annotation, value, at));
    }
  }
}

/**
 * Checks one cruncher's answer against the request's (normalised) params and returns it normalised:
 * trimmed text, choices in list order, ratings snapped to the grid, annotation fields in document
 * order. Problem paths are relative to the answer ([] = the whole answer, [2, "x"] = third mark's x).
 */
export function validateAnswer<T extends RequestType>(type: T, params: ParamsByType[T], answer: unknown): AnswerResult<AnswerByType[T]> {
  const checked = validateFor(type, params, answer);
  return checked.ok ? { ok: true, answer: checked.value as AnswerByType[T] } : { ok: false, errors: checked.errors };
}
