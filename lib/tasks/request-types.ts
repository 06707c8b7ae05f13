import { z } from "zod";
import type { ApiErrorDetail } from "@/lib/http/errors";
import { isPlainObject, problem, zodProblems } from "./problems";
import { annotations } from "./types/annotations";
import { annotationsWithFreeText } from "./types/annotations-with-free-text";
import { annotationsWithMultipleChoice } from "./types/annotations-with-multiple-choice";
import { annotationsWithRating } from "./types/annotations-with-rating";
import { audio } from "./types/audio";
import { freeText } from "./types/free-text";
import { image } from "./types/image";
import { multipleChoice } from "./types/multiple-choice";
import { rating } from "./types/rating";
import type { RequestKind } from "./types/request-kind";
import { confidenceBodyProblems, sharedProblems } from "./types/shared-fields";
import { multipleChoiceClasses, ratingClasses } from "./consensus/classes";
import { video } from "./types/video";

// The request types, as the human-tasks document lists them, each declared in types/<type>.ts.
// Creation bodies are strict: unknown parameters, wrong types and contradictory values are 400
// with every problem listed. Params come back normalised (defaults applied); that object is
// stored and echoed. Runs in the browser too (the dashboard's "New request" form).

const KINDS = {
  "multiple-choice": multipleChoice,
  "free-text": freeText,
  rating,
  image,
  video,
  audio,
  annotations,
  "annotations-with-multiple-choice": annotationsWithMultipleChoice,
  "annotations-with-free-text": annotationsWithFreeText,
  "annotations-with-rating": annotationsWithRating,
};
type Kinds = typeof KINDS;

export type RequestType = keyof Kinds;
export type ParamsByType = { [T in RequestType]: z.output<Kinds[T]["schema"]> };
export type RequestParams = ParamsByType[RequestType];
/** The `response` shape of each type (as its validateAnswer normalises it). */
export type AnswerByType = { [T in RequestType]: Kinds[T] extends RequestKind<z.ZodObject, infer A> ? A : never };
export type Answer = AnswerByType[RequestType];

/** Every request type: indexing with a type T gives that type's kind (params and answers in step). */
export const REQUEST_KINDS: { [T in RequestType]: RequestKind<Kinds[T]["schema"], AnswerByType[T], Kinds[T]["family"]> } = KINDS;

export const REQUEST_TYPES = Object.keys(REQUEST_KINDS) as RequestType[];
export const isRequestType = (value: string): value is RequestType => Object.hasOwn(REQUEST_KINDS, value);
/** What the pages call a type ("Multiple choice"); an unknown one by its name. */
export const requestTypeLabel = (type: string): string => (isRequestType(type) ? REQUEST_KINDS[type].label : type);

type TypesOf<F> = { [T in RequestType]: Kinds[T]["family"] extends F ? T : never }[RequestType];
export type MediaRequestType = TypesOf<"media">;
export type AnnotationRequestType = TypesOf<"annotations">;
export const isMediaType = (t: RequestType): t is MediaRequestType => REQUEST_KINDS[t].family === "media";
export const isAnnotationType = (t: RequestType): t is AnnotationRequestType => REQUEST_KINDS[t].family === "annotations";
/** The per-annotation question of each annotations-with-* type. */
export type PerAnnotationParams = { [T in AnnotationRequestType as ParamsByType[T] extends { per_annotation: unknown } ? T : never]: ParamsByType[T] extends { per_annotation: infer Q } ? Q : never };

export type ParseResult<P> = { ok: true; params: P } | { ok: false; errors: ApiErrorDetail[] };

/**
 * The values of `body` that pass their own field schema (defaults applied), so cross-field checks
 * still run, and are listed, when some other field is wrong.
 */
function passingFields(schema: z.ZodObject, body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const value = body[key];
    const parsed = field.safeParse(value);
    if (parsed.success) out[key] = parsed.data;
    else if (field instanceof z.ZodObject && isPlainObject(value)) out[key] = passingFields(field, value);
  }
  return out;
}

/** Validates a POST /v1/requests/<type> body; 400 with `errors` when it fails. */
export function parseRequestBody<T extends RequestType>(type: T, body: unknown): ParseResult<ParamsByType[T]> {
  if (!isPlainObject(body)) return { ok: false, errors: [problem([], "The body must be a JSON object.", "invalid_type")] };
  const kind: RequestKind<z.ZodObject, unknown> = REQUEST_KINDS[type];
  const parsed = kind.schema.safeParse(body);
  const values = parsed.success ? parsed.data : passingFields(kind.schema, body);
  const errors = [
    ...(parsed.success ? [] : zodProblems(parsed.error, body)),
    ...sharedProblems(values),
    ...confidenceBodyProblems(body.confidence),
    ...kind.crossFieldProblems(values),
  ];
  if (parsed.success) errors.push(...strategyProblems(type, parsed.data as ParamsByType[T]));
  const gold = parsed.success ? goldAnswer(type, parsed.data as ParamsByType[T]) : { errors: [] };
  errors.push(...gold.errors);
  if (errors.length || !parsed.success) return { ok: false, errors };
  const params = parsed.data as ParamsByType[T];
  return { ok: true, params: "value" in gold ? { ...params, gold: gold.value } : params };
}

/** Whether Dawid–Skene consensus applies: multiple-choice with one answer per cruncher, and ratings of at most 101 steps. */
export function dawidSkeneApplies(type: RequestType, params: RequestParams): boolean {
  if (type === "multiple-choice") return multipleChoiceClasses(params as ParamsByType["multiple-choice"]) !== null;
  if (type === "rating") return ratingClasses(params as ParamsByType["rating"]) !== null;
  return false;
}

function strategyProblems(type: RequestType, params: RequestParams): ApiErrorDetail[] {
  if (params.confidence?.strategy !== "dawid-skene" || dawidSkeneApplies(type, params)) return [];
  return [
    problem(
      ["confidence", "strategy"],
      '"dawid-skene" applies to multiple-choice requests with one answer per cruncher (min_answers and max_answers 1) and to ratings of at most 101 steps; use "majority".',
      "unsupported_strategy",
    ),
  ];
}

/** A gold request's known answer, checked and normalised like a cruncher's answer (paths under "gold"). */
function goldAnswer(type: RequestType, params: RequestParams): { value: unknown; errors: ApiErrorDetail[] } | { errors: ApiErrorDetail[] } {
  if (params.gold === undefined) return { errors: [] };
  const kind: RequestKind<z.ZodObject, unknown> = REQUEST_KINDS[type];
  if (kind.family === "media") return { errors: [problem(["gold"], "Gold questions are not available for image, video and audio requests.", "unsupported_gold")] };
  if (params.confidence) return { errors: [problem(["confidence"], "A gold question is answered once by every cruncher it is mixed in for and never completes: leave confidence out.")] };
  const checked = kind.validateAnswer(params, params.gold);
  if (!checked.ok) return { errors: checked.errors.map((e) => ({ ...e, path: ["gold", ...e.path] })) };
  return { value: checked.value, errors: [] };
}
