/**
 * Tree-family estimators (decision trees, forests, gradient boosting, HistGradientBoosting) and exact
 * path-dependent TreeSHAP. Their entries are listed in ../registry.ts; what callers use
 * beyond the Estimator interface is re-exported here.
 */
export { explainAllOutputs, explanationOf, type AllOutputsExplanation, type TreeEstimator } from "./tree-estimator";
