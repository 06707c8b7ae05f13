export { explainBySampling, explainWithFallback } from "./fallback";
export { permutationShap, DEFAULT_BUDGET_MS, DEFAULT_MAX_EVALS, MAX_BACKGROUND, type SamplingOptions, type SamplingResult } from "./sampling";
export { linearExplanation } from "./linear-shap";
