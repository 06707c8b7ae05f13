import { mulberry32 } from "@/lib/seeded-random";
import { isMediaType, type Answer, type AnswerByType, type ParamsByType, type RequestType } from "./request-types";
import type { Annotation, AnnotationLayout } from "./types/annotation-marks";
import type { FreeTextRules } from "./types/free-text";
import type { ChoiceRules } from "./types/multiple-choice";
import { snapToRatingGrid, type RatingRules } from "./types/rating";

/**
 * Answers of the simulated crunchers that serve test-key (staging) requests. Deterministic: the
 * same request and slot always give the same answer, and every answer passes validateAnswer.
 *
 * The answer is seeded by the request id, so all slots give the same answer and any confidence
 * setting completes. To make raw_responses look like real voting, the second slot dissents (an
 * answer seeded differently) when there is room for it: min_agreements ≥ 2 and
 * max_crunchers ≥ min_agreements + 1, so the other slots still reach agreement. Media answers
 * never dissent: they agree only when identical.
 */

/** Files the app serves for simulated media answers. */
export const SIMULATED_MEDIA_PATHS = {
  image: "/v1/simulated/image.png",
  video: "/v1/simulated/video.mp4",
  audio: "/v1/simulated/audio.mp3",
} as const;

/** Slots are numbered from 1, in the order the simulator fills them. */
export const DISSENTING_SLOT = 2;

type Random = () => number;

/** FNV-1a: a small stable string hash for the seed. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

function choiceAnswer(rules: ChoiceRules, random: Random): string[] {
  const most = Math.min(rules.max_answers || rules.choices.length, rules.choices.length);
  const count = between(random, Math.min(rules.min_answers, most), most);
  const shuffled = rules.choices.map((choice) => ({ choice, key: random() })).sort((a, b) => a.key - b.key);
  const picked = new Set(shuffled.slice(0, count).map((s) => s.choice));
  return rules.choices.filter((choice) => picked.has(choice));
}

function freeTextAnswer(rules: FreeTextRules, random: Random): string {
  const n = between(random, 1, 999);
  if (rules.validation === "number") return String(n);
  if (rules.validation === "url") return `https://example.com/simulated/${n}`;
  return `Simulated answer ${n}`;
}

function ratingAnswer(rules: RatingRules, random: Random): number {
  const lastK = Math.round((rules.rating_max - rules.rating_min) / rules.rating_step);
  const k = between(random, 0, lastK);
  return snapToRatingGrid(rules, rules.rating_min + k * rules.rating_step) ?? rules.rating_min;
}

function annotationsAnswer(layout: AnnotationLayout, random: Random): Annotation[] {
  const most = layout.max_annotations || layout.min_annotations + 2;
  const count = between(random, layout.min_annotations, Math.max(layout.min_annotations, most));
  const audio = layout.attachments_type === "audio";
  const timed = audio || layout.attachments_type === "video";
  return Array.from({ length: count }, () => {
    const mark: Annotation = {};
    if (!audio) {
      mark.x = between(random, 10, 1000);
      mark.y = between(random, 10, 700);
      if (layout.annotations_type === "rectangle") {
        mark.x2 = mark.x + between(random, 20, 200);
        mark.y2 = mark.y + between(random, 20, 200);
      }
    }
    if (timed) mark.t = between(random, 0, 1200) / 10;
    if (layout.attachments.length > 1) mark.attachment_index = between(random, 0, layout.attachments.length - 1);
    return mark;
  });
}

function answerFor(type: RequestType, params: ParamsByType[RequestType], random: Random): Answer {
  switch (type) {
    case "multiple-choice":
      return choiceAnswer(params as ParamsByType[typeof type], random);
    case "free-text":
      return freeTextAnswer(params as ParamsByType[typeof type], random);
    case "rating":
      return ratingAnswer(params as ParamsByType[typeof type], random);
    case "image":
    case "video":
    case "audio":
      return SIMULATED_MEDIA_PATHS[type];
    case "annotations":
      return annotationsAnswer(params as ParamsByType[typeof type], random);
    case "annotations-with-multiple-choice": {
      const p = params as ParamsByType[typeof type];
      return annotationsAnswer(p, random).map((mark) => ({ ...mark, response: choiceAnswer(p.per_annotation, random) }));
    }
    case "annotations-with-free-text": {
      const p = params as ParamsByType[typeof type];
      return annotationsAnswer(p, random).map((mark) => ({ ...mark, response: freeTextAnswer(p.per_annotation, random) }));
    }
    case "annotations-with-rating": {
      const p = params as ParamsByType[typeof type];
      return annotationsAnswer(p, random).map((mark) => ({ ...mark, response: ratingAnswer(p.per_annotation, random) }));
    }
  }
}

/** A valid, deterministic answer for simulated cruncher `slot` (1, 2, …) of a test request. */
export function simulatedAnswer<T extends RequestType>(type: T, params: ParamsByType[T], requestId: string, slot: number): AnswerByType[T] {
  const confidence = params.confidence;
  const dissents =
    slot === DISSENTING_SLOT &&
    !isMediaType(type) &&
    confidence !== undefined &&
    confidence.min_agreements >= 2 &&
    confidence.max_crunchers >= confidence.min_agreements + 1;
  const random = mulberry32(hashSeed(dissents ? `${requestId}:dissent` : requestId));
  return answerFor(type, params, random) as AnswerByType[T];
}
