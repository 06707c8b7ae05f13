import type { ApiErrorDetail } from "@/lib/http/errors";
import { LIMITS } from "./limits";
import { isHttpUrl, parseDialAttachment, problem, type ProblemPath } from "./problems";
import type { Confidence, ContentType, RequestType } from "./request-types";

// Checks that need more than one field. They read only fields that passed their own schema, so a
// body with several mistakes gets all of them listed at once.

/** Any request type's fields, each present only when it passed its own schema. */
export interface LooseParams {
  attachments_type?: ContentType;
  attachments?: string[];
  hook_url?: string;
  confidence?: Confidence;
  choices_type?: ContentType;
  choices?: string[];
  min_answers?: number;
  max_answers?: number;
  rating_min?: number;
  rating_max?: number;
  rating_step?: number;
  annotations_type?: "point" | "rectangle";
  min_annotations?: number;
  max_annotations?: number;
  per_annotation?: LooseParams;
}

const AN: Record<ContentType, string> = { text: "text", image: "an image", video: "a video", audio: "an audio file", website: "a website" };

/** Text may be anything (a `dial:` line must be well formed); other content types are http(s) URLs. */
function contentProblems(kind: ContentType | undefined, values: string[] | undefined, path: ProblemPath, typeField: string): ApiErrorDetail[] {
  if (!kind || !values) return [];
  return values.flatMap((value, i) => {
    if (kind === "text") {
      const badDial = value.trim().startsWith("dial:") && !parseDialAttachment(value);
      return badDial ? [problem([...path, i], "A phone attachment is dial:<number>[@<tones>], tones being 0-9 * # A-D and w (wait).")] : [];
    }
    return isHttpUrl(value) ? [] : [problem([...path, i], `Must be an http(s) URL of ${AN[kind]} (${typeField} is "${kind}").`)];
  });
}

export function choiceProblems(p: LooseParams, at: ProblemPath = []): ApiErrorDetail[] {
  const problems = contentProblems(p.choices_type, p.choices, [...at, "choices"], "choices_type");
  const firstSeen = new Map<string, number>();
  p.choices?.forEach((choice, i) => {
    const earlier = firstSeen.get(choice);
    if (earlier === undefined) firstSeen.set(choice, i);
    else problems.push(problem([...at, "choices", i], `Duplicate of choices[${earlier}]; choices must be unique.`));
  });
  const { min_answers: min, max_answers: max } = p;
  if (min !== undefined && p.choices && min > p.choices.length) {
    problems.push(problem([...at, "min_answers"], `Cannot exceed the number of choices (${p.choices.length}).`));
  }
  if (min !== undefined && max !== undefined && max > 0 && max < min) {
    problems.push(problem([...at, "max_answers"], `Must be 0 (no limit) or at least min_answers (${min}).`));
  }
  return problems;
}

export function ratingProblems(p: LooseParams, at: ProblemPath = []): ApiErrorDetail[] {
  const { rating_min: min, rating_max: max, rating_step: step } = p;
  if (min === undefined || max === undefined) return [];
  if (min >= max) return [problem([...at, "rating_max"], `Must be greater than rating_min (${min}).`)];
  if (step === undefined || step <= 0) return [];
  const steps = (max - min) / step;
  if (Math.abs(steps - Math.round(steps)) > 1e-6 * Math.max(1, steps)) {
    return [problem([...at, "rating_step"], `Must divide the scale evenly: (rating_max − rating_min) / rating_step = ${Number(steps.toPrecision(6))} is not a whole number.`)];
  }
  if (steps > LIMITS.ratingSteps) {
    return [problem([...at, "rating_step"], `Too fine: the scale would have ${Math.round(steps)} steps (at most ${LIMITS.ratingSteps}).`)];
  }
  return [];
}

function annotationProblems(p: LooseParams): ApiErrorDetail[] {
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

function sharedProblems(p: LooseParams): ApiErrorDetail[] {
  const problems = contentProblems(p.attachments_type, p.attachments, ["attachments"], "attachments_type");
  if (p.hook_url !== undefined && !isHttpUrl(p.hook_url)) problems.push(problem(["hook_url"], "Must be an http(s) URL."));
  const confidence = p.confidence;
  if (confidence && confidence.min_agreements > confidence.max_crunchers) {
    problems.push(
      problem(["confidence", "min_agreements"], `Cannot exceed confidence.max_crunchers (${confidence.max_crunchers}).`),
    );
  }
  return problems;
}

export function crossFieldProblems(type: RequestType, p: LooseParams): ApiErrorDetail[] {
  const problems = sharedProblems(p);
  const sub = p.per_annotation;
  switch (type) {
    case "multiple-choice":
      return [...problems, ...choiceProblems(p)];
    case "rating":
      return [...problems, ...ratingProblems(p)];
    case "annotations":
    case "annotations-with-free-text":
      return [...problems, ...annotationProblems(p)];
    case "annotations-with-multiple-choice":
      return [...problems, ...annotationProblems(p), ...(sub ? choiceProblems(sub, ["per_annotation"]) : [])];
    case "annotations-with-rating":
      return [...problems, ...annotationProblems(p), ...(sub ? ratingProblems(sub, ["per_annotation"]) : [])];
    default:
      return problems;
  }
}
