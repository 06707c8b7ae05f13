import { z } from "zod";
import type { ApiErrorDetail } from "@/lib/http/errors";
import { LIMITS } from "./limits";
import { crossFieldProblems, type LooseParams } from "./request-checks";
import { isPlainObject, problem, zodProblems } from "./problems";

// The request types and their creation bodies, as the human-tasks document lists them. Strict:
// unknown parameters, wrong types and contradictory values are 400 with every problem listed.
// Params come back normalised (defaults applied); that object is stored and echoed.

export const REQUEST_TYPES = [
  "multiple-choice",
  "free-text",
  "rating",
  "image",
  "video",
  "audio",
  "annotations",
  "annotations-with-multiple-choice",
  "annotations-with-free-text",
  "annotations-with-rating",
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const isRequestType = (value: string): value is RequestType => (REQUEST_TYPES as readonly string[]).includes(value);

export const MEDIA_TYPES = ["image", "video", "audio"] as const satisfies readonly RequestType[];
export type MediaRequestType = (typeof MEDIA_TYPES)[number];
export const ANNOTATION_REQUEST_TYPES = [
  "annotations",
  "annotations-with-multiple-choice",
  "annotations-with-free-text",
  "annotations-with-rating",
] as const satisfies readonly RequestType[];
export type AnnotationRequestType = (typeof ANNOTATION_REQUEST_TYPES)[number];
export const isMediaType = (t: RequestType): t is MediaRequestType => (MEDIA_TYPES as readonly string[]).includes(t);
export const isAnnotationType = (t: RequestType): t is AnnotationRequestType =>
  (ANNOTATION_REQUEST_TYPES as readonly string[]).includes(t);

/** What attachments and choices hold; everything but text is an http(s) URL. */
export const CONTENT_TYPES = ["text", "image", "video", "audio", "website"] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];
export const ANNOTATION_SHAPES = ["point", "rectangle"] as const;
export const FREE_TEXT_VALIDATIONS = ["number", "url"] as const;

const notBlank = (s: string) => /\S/.test(s);
const instruction = z.string().max(LIMITS.instructionChars).refine(notBlank, "Must not be blank.").transform((s) => s.trim());
const count = z.number().int().min(0);
const contentType = z.enum(CONTENT_TYPES);

/** Absent: one cruncher answers. Missing numbers default to a strict majority (2 of 3). */
const confidenceSchema = z
  .strictObject({
    strategy: z.literal("majority").default("majority"),
    min_agreements: z.number().int().min(1).max(LIMITS.crunchers).optional(),
    max_crunchers: z.number().int().min(1).max(LIMITS.crunchers).optional(),
  })
  .transform(({ strategy, min_agreements, max_crunchers }) => {
    const min = min_agreements ?? (max_crunchers === undefined ? 2 : Math.floor(max_crunchers / 2) + 1);
    const max = max_crunchers ?? Math.min(LIMITS.crunchers, Math.max(min, 2 * min - 1));
    return { strategy, min_agreements: min, max_crunchers: max };
  });
export type Confidence = z.output<typeof confidenceSchema>;

const sharedFields = {
  instruction,
  attachments_type: contentType.default("text"),
  attachments: z.array(z.string().max(LIMITS.attachmentChars)).max(LIMITS.attachments).default([]),
  hook_url: z.string().max(LIMITS.urlChars).optional(),
  exclude_crunchers: z
    .array(z.string().trim().min(1).max(LIMITS.cruncherIdChars))
    .max(LIMITS.excludeCrunchers)
    .transform((ids) => [...new Set(ids)])
    .optional(),
  confidence: confidenceSchema.optional(),
};

const multipleChoiceFields = {
  choices_type: contentType.default("text"),
  choices: z.array(z.string().min(1).max(LIMITS.choiceChars).refine(notBlank, "Must not be blank.")).min(1).max(LIMITS.choices),
  min_answers: count.default(1),
  /** 0 = no limit. */
  max_answers: count.default(0),
};
const freeTextFields = { validation: z.enum(FREE_TEXT_VALIDATIONS).optional() };
const ratingFields = {
  rating_min: z.number().default(0),
  rating_max: z.number().default(100),
  rating_step: z.number().positive().default(1),
  label_min: z.string().max(LIMITS.labelChars).optional(),
  label_max: z.string().max(LIMITS.labelChars).optional(),
};
const annotationFields = {
  annotations_type: z.enum(ANNOTATION_SHAPES).default("point"),
  min_annotations: count.max(LIMITS.annotations).default(1),
  /** 0 = no limit (up to LIMITS.annotations), mirroring max_answers. */
  max_annotations: count.max(LIMITS.annotations).default(0),
};

/** per_annotation: the plain type's own parameters, without attachments or confidence. */
const perAnnotationSchemas = {
  "multiple-choice": z.strictObject({ instruction, ...multipleChoiceFields }),
  "free-text": z.strictObject({ instruction, ...freeTextFields }),
  rating: z.strictObject({ instruction, ...ratingFields }),
};

export const requestSchemas = {
  "multiple-choice": z.strictObject({ ...sharedFields, ...multipleChoiceFields }),
  "free-text": z.strictObject({ ...sharedFields, ...freeTextFields }),
  rating: z.strictObject({ ...sharedFields, ...ratingFields }),
  image: z.strictObject(sharedFields),
  video: z.strictObject(sharedFields),
  audio: z.strictObject(sharedFields),
  annotations: z.strictObject({ ...sharedFields, ...annotationFields }),
  "annotations-with-multiple-choice": z.strictObject({
    ...sharedFields,
    ...annotationFields,
    per_annotation: perAnnotationSchemas["multiple-choice"],
  }),
  "annotations-with-free-text": z.strictObject({ ...sharedFields, ...annotationFields, per_annotation: perAnnotationSchemas["free-text"] }),
  "annotations-with-rating": z.strictObject({ ...sharedFields, ...annotationFields, per_annotation: perAnnotationSchemas.rating }),
} as const satisfies Record<RequestType, z.ZodType>;

export type ParamsByType = { [T in RequestType]: z.output<(typeof requestSchemas)[T]> };
export type RequestParams = ParamsByType[RequestType];
export type MultipleChoiceParams = ParamsByType["multiple-choice"];
export type FreeTextParams = ParamsByType["free-text"];
export type RatingParams = ParamsByType["rating"];
export type AnnotationParams = ParamsByType["annotations"];
export type PerAnnotationParams = {
  "annotations-with-multiple-choice": z.output<(typeof perAnnotationSchemas)["multiple-choice"]>;
  "annotations-with-free-text": z.output<(typeof perAnnotationSchemas)["free-text"]>;
  "annotations-with-rating": z.output<(typeof perAnnotationSchemas)["rating"]>;
};
/** The fields answers and agreement read; every plain and per-annotation params object fits. */
export type ChoiceRules = Pick<MultipleChoiceParams, "choices" | "min_answers" | "max_answers">;
export type FreeTextRules = Pick<FreeTextParams, "validation">;
export type RatingRules = Pick<RatingParams, "rating_min" | "rating_max" | "rating_step">;

export type ParseResult<P> = { ok: true; params: P } | { ok: false; errors: ApiErrorDetail[] };

/**
 * The values of `body` that pass their own field schema (defaults applied), so cross-field checks
 * still run, and are listed, when some other field is wrong.
 */
function passingFields(schema: z.ZodObject, body: Record<string, unknown>): LooseParams {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const value = body[key];
    const parsed = field.safeParse(value);
    if (parsed.success) out[key] = parsed.data;
    else if (field instanceof z.ZodObject && isPlainObject(value)) out[key] = passingFields(field, value);
  }
  return out as LooseParams;
}

/** Validates a POST /v1/requests/<type> body; 400 with `errors` when it fails. */
export function parseRequestBody<T extends RequestType>(type: T, body: unknown): ParseResult<ParamsByType[T]> {
  if (!isPlainObject(body)) return { ok: false, errors: [problem([], "The body must be a JSON object.", "invalid_type")] };
  const schema: z.ZodObject = requestSchemas[type];
  const parsed = schema.safeParse(body);
  const values = parsed.success ? (parsed.data as LooseParams) : passingFields(schema, body);
  const errors = [...(parsed.success ? [] : zodProblems(parsed.error, body)), ...crossFieldProblems(type, values)];
  if (errors.length || !parsed.success) return { ok: false, errors };
  return { ok: true, params: parsed.data as ParamsByType[T] };
}
