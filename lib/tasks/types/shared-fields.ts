import { z } from "zod";
import type { ApiErrorDetail } from "@/lib/http/errors";
import { LIMITS } from "../limits";
import { isHttpUrl, parseDialAttachment, problem, type ProblemPath } from "../problems";
import type { PassedFields } from "./request-kind";

// The parameters every request type takes, and the pieces the types' own fields are built from.
// Descriptions (.describe) are the API reference's words, for the API description.

/** What attachments and choices hold; everything but text is an http(s) URL. */
export const CONTENT_TYPES = ["text", "image", "video", "audio", "website"] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const notBlank = (s: string) => /\S/.test(s);
export const instruction = z
  .string()
  .max(LIMITS.instructionChars)
  .refine(notBlank, "Must not be blank.")
  .transform((s) => s.trim())
  .describe("Sentence explaining in natural language what exactly is requested.");
export const count = z.number().int().min(0);
export const contentType = z.enum(CONTENT_TYPES);
const contentTypeNote = "text (the default), image, video, audio or website; all but text are http(s) URLs";

/** min_confidence of the "dawid-skene" strategy: between a coin toss and near certainty. */
export const MIN_CONFIDENCE = { min: 0.5, max: 0.999, default: 0.9 } as const;
/** max_crunchers of the "dawid-skene" strategy when absent. */
export const DAWID_SKENE_DEFAULT_MAX_CRUNCHERS = 5;

/**
 * Absent: one cruncher answers. "majority" (the default): missing numbers default to a strict
 * majority (2 of 3). "dawid-skene": weigh each cruncher by their estimated confusion matrix and
 * complete once the chosen answer's posterior reaches min_confidence (one more cruncher at a time,
 * up to max_crunchers); multiple-choice with one answer and rating only (checked in request-types.ts).
 */
const confidenceSchema = z
  .strictObject({
    strategy: z
      .enum(["majority", "dawid-skene"])
      .default("majority")
      .describe('How answers are combined: "majority" (the default) or "dawid-skene" (multiple-choice with one answer, and rating).'),
    min_agreements: z
      .number()
      .int()
      .min(1)
      .max(LIMITS.crunchers)
      .optional()
      .describe('majority: how many answers must agree. Defaults to a strict majority of max_crunchers, or 2.'),
    min_confidence: z
      .number()
      .min(MIN_CONFIDENCE.min)
      .max(MIN_CONFIDENCE.max)
      .optional()
      .describe(`dawid-skene: the posterior probability the chosen answer must reach (${MIN_CONFIDENCE.min}–${MIN_CONFIDENCE.max}). Defaults to ${MIN_CONFIDENCE.default}.`),
    max_crunchers: z
      .number()
      .int()
      .min(1)
      .max(LIMITS.crunchers)
      .optional()
      .describe(`The most crunchers asked. majority: defaults to 2 × min_agreements − 1; dawid-skene: ${DAWID_SKENE_DEFAULT_MAX_CRUNCHERS}.`),
  })
  .transform(({ strategy, min_agreements, min_confidence, max_crunchers }): ConfidenceParams => {
    if (strategy === "dawid-skene") {
      return { strategy, min_confidence: min_confidence ?? MIN_CONFIDENCE.default, max_crunchers: max_crunchers ?? DAWID_SKENE_DEFAULT_MAX_CRUNCHERS };
    }
    const min = min_agreements ?? (max_crunchers === undefined ? 2 : Math.floor(max_crunchers / 2) + 1);
    const max = max_crunchers ?? Math.min(LIMITS.crunchers, Math.max(min, 2 * min - 1));
    return { strategy, min_agreements: min, max_crunchers: max };
  });

export type MajorityConfidence = { strategy: "majority"; min_agreements: number; max_crunchers: number };
export type DawidSkeneConfidence = { strategy: "dawid-skene"; min_confidence: number; max_crunchers: number };
export type ConfidenceParams = MajorityConfidence | DawidSkeneConfidence;

/** The raw confidence body's cross-field mistakes (the transform above drops what does not apply). */
export function confidenceBodyProblems(body: unknown): ApiErrorDetail[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return [];
  const raw = body as Record<string, unknown>;
  const strategy = raw.strategy ?? "majority";
  if (strategy === "dawid-skene" && raw.min_agreements !== undefined) {
    return [problem(["confidence", "min_agreements"], 'Not used by the "dawid-skene" strategy: give min_confidence instead.')];
  }
  if (strategy === "majority" && raw.min_confidence !== undefined) {
    return [problem(["confidence", "min_confidence"], 'Only for the "dawid-skene" strategy.')];
  }
  return [];
}

export const sharedFields = {
  instruction,
  attachments_type: contentType.default("text").describe(`The type of the attachments: ${contentTypeNote}.`),
  attachments: z
    .array(z.string().max(LIMITS.attachmentChars))
    .max(LIMITS.attachments)
    .default([])
    .describe("Resources needed to perform the instruction. A text attachment dial:<number>[@<tones>] is a phone call."),
  hook_url: z.string().max(LIMITS.urlChars).optional().describe("An http(s) URL the completed request is POSTed to (signed)."),
  exclude_crunchers: z
    .array(z.string().trim().min(1).max(LIMITS.cruncherIdChars))
    .max(LIMITS.excludeCrunchers)
    .transform((ids) => [...new Set(ids)])
    .optional()
    .describe("Ids of crunchers who must not receive this request."),
  confidence: confidenceSchema.optional().describe("Ask several crunchers and complete on agreement. Absent: the first answer completes."),
  gold: z
    .unknown()
    .optional()
    .describe("The known answer, shaped like the response of this type: the request becomes a gold (control) question mixed into crunchers' work to score them. Not for image, video and audio."),
  tags: z
    .array(z.string().trim().min(1).max(100))
    .max(20)
    .transform((tags) => [...new Set(tags)])
    .optional()
    .describe("Labels of the caller's own (the SDKs send tags=[]): stored, returned, and a filter of the request list (?tag=)."),
  batch: z
    .string()
    .trim()
    .min(1)
    .max(LIMITS.batchChars)
    .optional()
    .describe("A batch of the caller's own (a name or an id): requests sharing it are listed together by GET /v1/batch/{batch}."),
  // Accepted on every type, as the Crunchable SDK sends it through its extra arguments; shown to
  // crunchers on multiple-choice (the heading) and annotation types (each mark's panel title) only.
  responseTitles: z
    .array(z.string().max(LIMITS.responseTitleChars))
    .min(1)
    .max(LIMITS.annotations)
    .optional()
    .describe("Titles shown to crunchers: on annotation types mark i's panel is titled responseTitles[i]; on multiple-choice responseTitles[0] heads the choices. Ignored by other types."),
};
export type SharedParams = z.output<z.ZodObject<typeof sharedFields>>;

const AN: Record<ContentType, string> = { text: "text", image: "an image", video: "a video", audio: "an audio file", website: "a website" };

/** Text may be anything (a `dial:` line must be well formed); other content types are http(s) URLs. */
export function contentProblems(kind: ContentType | undefined, values: string[] | undefined, path: ProblemPath, typeField: string): ApiErrorDetail[] {
  if (!kind || !values) return [];
  return values.flatMap((value, i) => {
    if (kind === "text") {
      const badDial = value.trim().startsWith("dial:") && !parseDialAttachment(value);
      return badDial ? [problem([...path, i], "A phone attachment is dial:<number>[@<tones>], tones being 0-9 * # A-D and w (wait).")] : [];
    }
    return isHttpUrl(value) ? [] : [problem([...path, i], `Must be an http(s) URL of ${AN[kind]} (${typeField} is "${kind}").`)];
  });
}

/** The checks across the shared fields, run for every request type before its own. */
export function sharedProblems(p: PassedFields<SharedParams>): ApiErrorDetail[] {
  const problems = contentProblems(p.attachments_type, p.attachments, ["attachments"], "attachments_type");
  if (p.hook_url !== undefined && !isHttpUrl(p.hook_url)) problems.push(problem(["hook_url"], "Must be an http(s) URL."));
  const confidence = p.confidence;
  if (confidence && "min_agreements" in confidence && confidence.min_agreements !== undefined && confidence.max_crunchers !== undefined && confidence.min_agreements > confidence.max_crunchers) {
    problems.push(problem(["confidence", "min_agreements"], `Cannot exceed confidence.max_crunchers (${confidence.max_crunchers}).`));
  }
  return problems;
}
