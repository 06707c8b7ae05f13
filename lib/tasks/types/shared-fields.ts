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

/** Absent: one cruncher answers. Missing numbers default to a strict majority (2 of 3). */
const confidenceSchema = z
  .strictObject({
    strategy: z.literal("majority").default("majority").describe('How answers are combined; only "majority".'),
    min_agreements: z
      .number()
      .int()
      .min(1)
      .max(LIMITS.crunchers)
      .optional()
      .describe("How many answers must agree. Defaults to a strict majority of max_crunchers, or 2."),
    max_crunchers: z
      .number()
      .int()
      .min(1)
      .max(LIMITS.crunchers)
      .optional()
      .describe("The most crunchers asked. Defaults to 2 × min_agreements − 1."),
  })
  .transform(({ strategy, min_agreements, max_crunchers }) => {
    const min = min_agreements ?? (max_crunchers === undefined ? 2 : Math.floor(max_crunchers / 2) + 1);
    const max = max_crunchers ?? Math.min(LIMITS.crunchers, Math.max(min, 2 * min - 1));
    return { strategy, min_agreements: min, max_crunchers: max };
  });

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
  tags: z
    .array(z.string().trim().min(1).max(100))
    .max(20)
    .transform((tags) => [...new Set(tags)])
    .optional()
    .describe("Labels of the caller's own (the SDKs send tags=[]): stored, returned, and a filter of the request list (?tag=)."),
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
  if (confidence && confidence.min_agreements > confidence.max_crunchers) {
    problems.push(problem(["confidence", "min_agreements"], `Cannot exceed confidence.max_crunchers (${confidence.max_crunchers}).`));
  }
  return problems;
}
