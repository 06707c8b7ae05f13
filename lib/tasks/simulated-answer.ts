import { mulberry32 } from "@/lib/seeded-random";
import { REQUEST_KINDS, type AnswerByType, type ParamsByType, type RequestType } from "./request-types";

/**
 * Answers of the simulated crunchers that serve test-key (staging) requests. Deterministic: the
 * same request and slot always give the same answer, and every answer passes validateAnswer.
 *
 * The answer is seeded by the request id, so all slots give the same answer and any confidence
 * setting completes. To make raw_responses look like real voting, the second slot dissents (an
 * answer seeded differently) when there is room for it: min_agreements ≥ 2 and
 * max_crunchers ≥ min_agreements + 1, so the other slots still reach agreement. Media answers
 * never dissent: every slot answers with the same sample file.
 */

/** Slots are numbered from 1, in the order the simulator fills them. */
export const DISSENTING_SLOT = 2;

/** FNV-1a: a small stable string hash for the seed. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A valid, deterministic answer for simulated cruncher `slot` (1, 2, …) of a test request. */
export function simulatedAnswer<T extends RequestType>(type: T, params: ParamsByType[T], requestId: string, slot: number): AnswerByType[T] {
  const confidence = params.confidence?.strategy === "majority" ? params.confidence : undefined;
  const dissents =
    slot === DISSENTING_SLOT && confidence !== undefined && confidence.min_agreements >= 2 && confidence.max_crunchers >= confidence.min_agreements + 1;
  const random = mulberry32(hashSeed(dissents ? `${requestId}:dissent` : requestId));
  return REQUEST_KINDS[type].simulatedAnswer(params, random);
}
