/**
 * The estimator registry: every scikit-learn class Crucible serves, one line per family module. The
 * safe reader's known classes (../pickle/whitelist.ts; other scikit-learn classes are read as inert
 * placeholders), and deployment's loadEstimator (./index.ts) — which also gives the servable verdict
 * stored with each model file (../estimator.ts) — read these two lists, so a class is shown servable
 * and loaded in exactly the same cases.
 *
 * Add an estimator: write its module (its entries, and a loader returning an Estimator with predict
 * and, where exact, explain), add one line below and its row in the README's served-estimators table
 * (registry.test.ts compares them), and add its fixture (../fixtures/generate.py) and test.
 *
 * The whitelist imports this file, so nothing reachable from here may import the reader itself
 * (../pickle or ../pickle/index): family modules take their value helpers from ../pickle/values.
 */
import { lightgbmWrappers } from "./boosters/lightgbm";
import { xgboostWrappers } from "./boosters/xgboost";
import { columnTransformers } from "./column-transformer";
import { featureSelectors } from "./feature-selection";
import { functionTransformers } from "./function-transformer";
import { discreteNaiveBayes } from "./discrete-nb";
import { gaussianNaiveBayes } from "./gaussian-nb";
import { kMeans } from "./kmeans";
import { kNeighbors } from "./kneighbors";
import { linearClassifiers } from "./linear-classifier";
import { linearRegressors } from "./linear-model";
import { loneTransformers } from "./lone-transformer";
import { metaEstimators } from "./meta";
import { multiLayerPerceptrons } from "./mlp";
import { oneHotEncoders } from "./one-hot-encoder";
import { ordinalEncoders } from "./ordinal-encoder";
import { pipelines, pipelineSteps } from "./pipeline";
import { polynomialFeatures } from "./polynomial-features";
import { projections } from "./projections";
import { scalers } from "./scalers";
import { selectFromModel } from "./select-from-model";
import { simpleImputers } from "./simple-imputer";
import { standardScalers } from "./standard-scaler";
import { supportVectorMachines } from "./svm/svm";
import { forests } from "./trees/forest";
import { gradientBoosting } from "./trees/gradient-boosting";
import { histGradientBoosting } from "./trees/hist-gradient-boosting";
import { decisionTrees } from "./trees/tree";
import { textVectorizers } from "./vectorizers";
import type { ClassEntry, EstimatorEntry, PipelineStepEntry } from "./types";

/** Preprocessing a Pipeline (or a ColumnTransformer inside one) may hold; each is also served on its own (./lone-transformer.ts). */
export const PIPELINE_STEPS: readonly PipelineStepEntry[] = [
  ...standardScalers,
  ...oneHotEncoders,
  ...columnTransformers,
  ...scalers,
  ...simpleImputers,
  ...ordinalEncoders,
  ...featureSelectors,
  ...selectFromModel,
  ...polynomialFeatures,
  ...projections,
  ...functionTransformers,
  ...textVectorizers,
  ...pipelineSteps,
];

/** The estimators proper (predictors, clusterers, meta-estimators). */
const MODELS: readonly EstimatorEntry[] = [
  ...linearRegressors,
  ...linearClassifiers,
  ...decisionTrees,
  ...forests,
  ...gradientBoosting,
  ...histGradientBoosting,
  ...xgboostWrappers,
  ...lightgbmWrappers,
  ...supportVectorMachines,
  ...kNeighbors,
  ...gaussianNaiveBayes,
  ...discreteNaiveBayes,
  ...kMeans,
  ...multiLayerPerceptrons,
  ...pipelines,
  ...metaEstimators,
];

/**
 * The servable estimators: a model file whose top-level object has one of these classes can be deployed.
 * A lone preprocessing step is served too, its prediction the transformed row.
 */
export const ESTIMATORS: readonly EstimatorEntry[] = [...MODELS, ...loneTransformers(PIPELINE_STEPS, new Set(MODELS.flatMap((e) => [e.className, ...(e.aliases ?? [])])))];

/** The dotted names an entry answers to: its class name, then its aliases. */
export const namesOf = (entry: ClassEntry<unknown>): string[] => [entry.className, ...(entry.aliases ?? [])];

function byName<T extends ClassEntry<unknown>>(entries: readonly T[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const entry of entries) {
    for (const name of namesOf(entry)) {
      if (map.has(name)) throw new Error(`estimator registry: ${name} is registered twice`);
      map.set(name, entry);
    }
  }
  return map;
}

const estimatorsByName = byName(ESTIMATORS);
const stepsByName = byName(PIPELINE_STEPS);

export const findEstimator = (className: string): EstimatorEntry | undefined => estimatorsByName.get(className);
export const findPipelineStep = (className: string): PipelineStepEntry | undefined => stepsByName.get(className);

/** Whether a model file whose top-level object has this class is served (the verdict shown with every upload). */
export const isServableClass = (className: string): boolean => estimatorsByName.has(className);

/** Every name of every registered class, estimators and pipeline steps: what the safe reader admits as estimator classes. */
export function registeredClassNames(): string[] {
  return [...estimatorsByName.keys(), ...stepsByName.keys()];
}
