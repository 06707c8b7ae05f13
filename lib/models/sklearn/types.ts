import type { PyValue } from "../pickle/values";
import type { Transformer } from "./transformer";

/** One input row as the caller sends it: numbers, or strings for categorical columns (OneHotEncoder). */
export type InputValue = number | string;
export type InputRow = InputValue[];
export type Label = number | string;

/** "transformer": a fitted preprocessing step served on its own, its prediction the transformed row. */
export type EstimatorKind = "classifier" | "regressor" | "clusterer" | "transformer";

/**
 * One row's served prediction: a label or value, or one value per output for multi-output estimators
 * (MultiOutputRegressor…) and lone transformers (the transformed row).
 */
export type Prediction = Label | Label[];

/** The explanation method labels the API reports. */
export type ExplainMethod = "linear" | "tree_path_dependent" | "shapley_enumeration" | "permutation" | "kernel";

/** Where a linear or sampling explanation took its background from. */
export type BackgroundSource = "data_file" | "scaler_mean" | "model" | "none";

export interface Explanation {
  method: ExplainMethod;
  /** true for linear, TreeSHAP and coalition enumeration; false for sampling explainers. */
  exact: boolean;
  /** Sampling: the permutations drawn; enumeration: the background rows each coalition averaged. */
  samples?: number;
  /** What was explained, e.g. "predict", "predict_proba[class=2]", "decision_function[class=1]", "raw_margin". */
  output: string;
  base_value: number;
  /** One value per original input feature (one-hot columns summed back). */
  values: number[];
  /** |f(x) − base_value − Σ values| */
  residual: number;
  /** f(x), the explained output's value. */
  value: number;
  background: BackgroundSource;
}

/** Background rows for explainers: the model's uploaded training data, already cut to the input columns. */
export interface ExplainContext {
  background?: InputRow[] | null;
  /** Deterministic seed for sampling explainers. */
  seed?: number;
  /** Latency budget for sampling explainers, in ms. */
  budgetMs?: number;
}

/** A loaded, servable estimator: pure functions over plain rows. */
export interface Estimator {
  className: string;
  kind: EstimatorKind;
  nFeatures: number;
  /** feature_names_in_ when the model was fitted on a DataFrame. */
  featureNames: string[] | null;
  /** classes_ for classifiers. */
  classes: Label[] | null;
  /** One label or value per row; for estimators with predictOutputs, the first output. */
  predict(X: InputRow[]): Label[];
  /**
   * Estimators with several outputs per row (multi-output meta-estimators, lone transformers): one array
   * per row, which is what a deployment answers as the prediction.
   */
  predictOutputs?(X: InputRow[]): Label[][];
  predictProba?(X: InputRow[]): number[][];
  /** Binary models return one column per row (shape [n][1]); multiclass one per class. */
  decisionFunction?(X: InputRow[]): number[][];
  transform?(X: InputRow[]): number[][];
  /** Explains one row; absent when the estimator has no exact explainer (the caller falls back to sampling). */
  explain?(x: InputRow, ctx: ExplainContext): Explanation;
}

export type LoadResult = { ok: true; estimator: Estimator } | { ok: false; code: "unsupported_class" | "unsupported_version" | "malformed"; message: string };

/** Builds an Estimator from the reader's object record; throws LoadError for malformed layouts. */
export type Loader = (obj: PyValue, ctx: LoaderContext) => Estimator;

export interface LoaderContext {
  /** Loads a nested estimator (a pipeline's final step) through the registry. */
  load(obj: PyValue): Estimator;
  /** Loads a nested preprocessing step (a pipeline's or column transformer's) through the registry. */
  loadStep(obj: PyValue): Transformer;
  sklearnVersion: string | null;
}

/** One scikit-learn class in the registry (./registry.ts): the dotted name its pickles use and its loader. */
export interface ClassEntry<T> {
  /** Module path and class name as scikit-learn 1.2 pickles it, e.g. "sklearn.linear_model._ridge.Ridge". */
  className: string;
  /** Other dotted names of the same class (a module moved between releases): admitted and loaded alike. */
  aliases?: readonly string[];
  load(obj: PyValue, ctx: LoaderContext): T;
}

/** A servable estimator: a model file whose top-level object has this class can be deployed. */
export type EstimatorEntry = ClassEntry<Estimator>;
/** A preprocessing step a Pipeline may hold before its final estimator; not servable on its own. */
export type PipelineStepEntry = ClassEntry<Transformer>;

export class LoadError extends Error {
  constructor(
    public code: "unsupported_class" | "unsupported_version" | "malformed",
    message: string,
  ) {
    super(message);
  }
}
