/** Schema-driven encoding (docs/loops-learner.md §1): what the rest of the learner uses of it. */
export type { EncodedRow } from "./encoded-row";
export { observationsOf, type FeatureViews, type ObservedFeatures } from "./feature-views";
export { fieldPlan, inputValues, valuesByName, type FieldPlan } from "./field-plan";
export { newFieldState } from "./field-state";
export { CATEGORY, NUMBERS, NUMERIC, PRESENT } from "./sink";
export { learnFeatures, viewFeatures } from "./transform";
