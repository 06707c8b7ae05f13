import type { LoopSpec } from "../../types";
import { binaryLogLoss } from "./binary-log-loss";
import type { Loss } from "./loss";
import { softmaxCrossEntropy } from "./softmax-cross-entropy";
import { squaredLoss } from "./squared";

export type { LinkedPrediction, Loss } from "./loss";

/** The loss of a loop's output (docs/loops-learner.md §2): squared for regression, log-loss for a boolean, softmax cross-entropy for other labels. */
export function lossOf(spec: LoopSpec): Loss {
  if (spec.task_type === "regression") return squaredLoss;
  return spec.output.type === "boolean" ? binaryLogLoss : softmaxCrossEntropy;
}
