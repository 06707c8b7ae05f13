import type { z } from "zod";
import type { ApiErrorDetail } from "@/lib/http/errors";
import type { Checked } from "../problems";

/**
 * How the pages treat a request type: a plain question, an uploaded file, or marks on the
 * attachments (each with a plain question's answer for the annotations-with-* types).
 */
export type RequestFamily = "plain" | "media" | "annotations";

/** A seeded source of numbers in [0, 1): simulated answers are the same for the same request. */
export type Random = () => number;
/** A whole number from low to high, both included. */
export const randomInt = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/** The file that answers a media request (image, video, audio). */
export interface AnswerFile {
  /** The Content-Type an upload must start with ("image/"). */
  contentTypePrefix: string;
  /** Formats named when an upload is of another type ("PNG, JPEG, GIF, WebP"). */
  examples: string;
  /** "an image", "a video", "an audio file". */
  noun: string;
  /** The sample file every simulated cruncher answers with (simulated-media.ts serves it). */
  simulatedPath: string;
}

/** The fields that passed their own schema (nested objects such as per_annotation field by field). */
export type PassedFields<P> = {
  [K in keyof P]?: P[K] extends unknown[] ? P[K] : P[K] extends object ? PassedFields<P[K]> : P[K];
};

/**
 * Everything that differs between request types, in one object per type (lib/tasks/types/<type>.ts);
 * REQUEST_KINDS in request-types.ts lists them. S is the creation body's schema; its output is the
 * normalised params that are stored and echoed; A is the normalised answer (the `response` shape).
 */
export interface RequestKind<S extends z.ZodObject, A, F extends RequestFamily = RequestFamily> {
  /** What the pages call it ("Multiple choice"). */
  label: string;
  family: F;
  /** The POST /v1/requests/<type> body: strict (unknown parameters are refused), defaults applied. */
  schema: S;
  /**
   * Checks across this type's own fields, given the fields that passed their own schema (the shared
   * fields are checked for every type), so every mistake of a body is listed at once.
   */
  crossFieldProblems(params: PassedFields<z.output<S>>): ApiErrorDetail[];
  /**
   * One cruncher's answer checked against the params and normalised (trimmed text, choices in list
   * order, ratings on the grid…); problem paths are relative to the answer.
   */
  validateAnswer(params: z.output<S>, answer: unknown): Checked<A>;
  /** Whether two normalised answers count as the same answer for majority voting (symmetric). */
  answersAgree(params: z.output<S>, a: A, b: A): boolean;
  /** A valid answer for the simulated crunchers of test requests, drawn from `random`. */
  simulatedAnswer(params: z.output<S>, random: Random): A;
  /** Media types only: the file a cruncher uploads as the answer. */
  answerFile?: AnswerFile;
}

/** Declares a request type; the type parameters are inferred, so REQUEST_KINDS keeps each one exact. */
export function defineKind<S extends z.ZodObject, A, const F extends RequestFamily>(kind: RequestKind<S, A, F>): RequestKind<S, A, F> {
  return kind;
}
