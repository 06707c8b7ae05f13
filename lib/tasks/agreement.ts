import { REQUEST_KINDS, type AnswerByType, type ParamsByType, type RequestType } from "./request-types";

/*
 * When two answers AGREE (the document's "majority" confidence strategy). Answers are compared in
 * the normalised form validateAnswer returns. Agreement is symmetric; for annotations it is not
 * transitive, so a consensus group is a set of answers that agree pairwise ("mutually").
 *
 * - multiple-choice: the same set of choices (order never matters).
 * - free-text: the same text after Unicode NFC, trimming, collapsing whitespace to one space and case
 *   folding ("Hello  World" = "hello world", "Straße" = "STRASSE"). With validation "number": the
 *   same number ("42" = "42.0" = "4.2e1"). With validation "url": the same parsed URL (scheme and host
 *   compared case-insensitively, path as is).
 * - rating: the same value on the scale's grid.
 * - image, video, audio: only the identical URL. Two crunchers almost never deliver the same file, so
 *   media requests effectively need confidence.min_agreements 1 (what no confidence means); higher
 *   values end, in practice, with no agreement and a null response.
 * - annotations*: the same number of marks, paired one to one where each pair is on the same
 *   attachment_index, at the same moment (t within 1 s, or both without t), and in the same place
 *   (points within 30 px, rectangles with IoU ≥ 0.5); for the annotations-with-* types each pair's
 *   per-annotation answers must also agree by the rule of their plain type above.
 */

/** Whether two normalised answers to the same request agree (rules above, each in its type's module). */
export function answersAgree<T extends RequestType>(type: T, params: ParamsByType[T], a: AnswerByType[T], b: AnswerByType[T]): boolean {
  return REQUEST_KINDS[type].answersAgree(params, a, b);
}

export interface CruncherAnswer<A> {
  cruncherId: string;
  answer: A;
}

export type ConsensusDecision<A> =
  | { state: "pending" }
  /** response: the earliest answer of the agreeing group (deterministic for the same input order). */
  | { state: "complete"; response: A; agreeingCruncherIds: string[] }
  /** The document's "complete with a null response": max_crunchers answered without agreement. */
  | { state: "no_agreement"; response: null };

/** The lexicographically first set of `size` indexes that agree pairwise, or null. n ≤ 25, so a plain search. */
function firstAgreeingGroup(agrees: boolean[][], size: number): number[] | null {
  const n = agrees.length;
  const extend = (group: number[], from: number): number[] | null => {
    if (group.length === size) return group;
    for (let i = from; i <= n - (size - group.length); i++) {
      if (group.every((member) => agrees[member]![i])) {
        const found = extend([...group, i], i + 1);
        if (found) return found;
      }
    }
    return null;
  };
  return size <= 0 ? [] : extend([], 0);
}

/**
 * The request's state after these answers (normalised, in the order they arrived). Without
 * confidence the first answer completes it. With confidence {strategy: "majority", min_agreements,
 * max_crunchers}: complete as soon as min_agreements answers agree pairwise; no_agreement once
 * max_crunchers answered without such a group, or earlier when the crunchers still to come could
 * not form one any more (largest group so far + answers still possible < min_agreements); else
 * pending. A cruncher's second answer and answers past max_crunchers are ignored.
 */
export function decideConsensus<T extends RequestType>(
  type: T,
  params: ParamsByType[T],
  answers: CruncherAnswer<AnswerByType[T]>[],
): ConsensusDecision<AnswerByType[T]> {
  const seen = new Set<string>();
  const firstPerCruncher = answers.filter(({ cruncherId }) => !seen.has(cruncherId) && seen.add(cruncherId));
  // "dawid-skene" requests are decided by consensus-decision.ts; asked here, a strict majority of max_crunchers.
  const asked = params.confidence;
  const confidence =
    asked?.strategy === "dawid-skene" ? { min_agreements: Math.floor(asked.max_crunchers / 2) + 1, max_crunchers: asked.max_crunchers } : asked;
  if (!confidence) {
    const first = firstPerCruncher[0];
    return first ? { state: "complete", response: first.answer, agreeingCruncherIds: [first.cruncherId] } : { state: "pending" };
  }
  const considered = firstPerCruncher.slice(0, confidence.max_crunchers);
  const agrees = considered.map((a, i) => considered.map((b, j) => i === j || answersAgree(type, params, a.answer, b.answer)));
  const group = firstAgreeingGroup(agrees, confidence.min_agreements);
  if (group) {
    const members = group.map((i) => considered[i]!);
    return { state: "complete", response: members[0]!.answer, agreeingCruncherIds: members.map((m) => m.cruncherId) };
  }
  const stillPossible = confidence.max_crunchers - considered.length;
  const neededFromAnswersSoFar = confidence.min_agreements - stillPossible;
  if (stillPossible === 0 || (neededFromAnswersSoFar > 0 && !firstAgreeingGroup(agrees, neededFromAnswersSoFar))) {
    return { state: "no_agreement", response: null };
  }
  return { state: "pending" };
}
