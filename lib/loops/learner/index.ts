/**
 * The online learner (§1–§4 of docs/loops-learner.md): one linear model per loop, learned one
 * example at a time, with exact additive explanations. Pure and deterministic: no I/O, no clock, no
 * randomness; its state is plain JSON. What the rest of the app uses of it is exported here.
 */
export { createLearnerState, learnOne, learnRead, newClassProblem, predictOne, predictRead } from "./online-learner";
export type { BareLearnResult, LearnOptions, LearnResult, ReadRow } from "./online-learner";
export { DEFAULT_TOP_K } from "./prediction";
export { resetOptimizer } from "./optimizers";
export { LEARNER_FORMAT, type ClassLabel, type LearnerState } from "./state";
export { stateSummary, weightsTable, type WeightRow } from "./weights-table";
