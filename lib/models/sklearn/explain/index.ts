export { explainByEnumeration, explainBySampling, explainWithFallback, withEnumeration } from "./fallback";
export { enumerationShap, MAX_ENUMERATED_FEATURES } from "./enumeration";
export { permutationShap, DEFAULT_BUDGET_MS, DEFAULT_MAX_EVALS, MAX_BACKGROUND, type SamplingOptions, type SamplingResult } from "./sampling";
export { linearExplanation } from "./linear-shap";
