import { decideAdaptive, type AdaptiveDecision, type ClassAnswer, type ConsensusModel } from "./consensus/adaptive-overlap";
import type { ClassMapping } from "./consensus/classes";
import type { CruncherAnswer } from "./agreement";
import type { Answer } from "./request-types";
import type { DawidSkeneConfidence } from "./types/shared-fields";

/** What the request row gets after an answer to a "dawid-skene" request. */
export interface DawidSkeneOutcome {
  state: AdaptiveDecision["state"];
  /** The chosen answer (complete only). */
  response: Answer | null;
  /** The chosen answer's posterior (the best guess's while pending or without agreement). */
  probability: number;
  /** Answers the decision used (each cruncher's first, up to max_crunchers). */
  answers: number;
}

/**
 * Adaptive overlap for one request: its answers (in arrival order) as classes, decided with the
 * workspace's model. Answers that are not a single class cannot occur (validated answers of a
 * request Dawid–Skene applies to always are) and are left out.
 */
export function decideDawidSkene(
  model: ConsensusModel,
  mapping: ClassMapping<Answer>,
  confidence: DawidSkeneConfidence,
  answers: readonly CruncherAnswer<Answer>[],
): DawidSkeneOutcome {
  const labelled: ClassAnswer[] = [];
  const seen = new Set<string>();
  for (const { cruncherId, answer } of answers) {
    const label = mapping.labelOf(answer);
    if (label === null || seen.has(cruncherId)) continue;
    seen.add(cruncherId);
    labelled.push({ cruncherId, label });
  }
  const decision = decideAdaptive(model, mapping.classes, labelled, { minConfidence: confidence.min_confidence, maxCrunchers: confidence.max_crunchers });
  return {
    state: decision.state,
    response: decision.state === "complete" ? mapping.answerOf(decision.label) : null,
    probability: decision.confidence,
    answers: Math.min(labelled.length, confidence.max_crunchers),
  };
}
