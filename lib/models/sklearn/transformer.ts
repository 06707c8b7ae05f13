import type { InputRow } from "./types";

/**
 * A fitted preprocessing step inside a Pipeline (StandardScaler, OneHotEncoder, ColumnTransformer,
 * 'passthrough'). Not a servable estimator on its own: the Pipeline composes it with its final step.
 */
export interface Transformer {
  className: string;
  nIn: number;
  nOut: number;
  /** For each output column, the input column it comes from (one-hot columns → their categorical column). */
  sourceOf: number[];
  /**
   * true when an output column depends on several input columns (PCA, PolynomialFeatures, Normalizer):
   * sourceOf is then only nominal, and a pipeline explains its raw inputs directly instead of summing back.
   */
  mixes?: boolean;
  transform(row: InputRow, rowIndex: number): InputRow;
  /**
   * The model's own idea of the input mean, mapped to output columns (StandardScaler: the image of mean_);
   * null where the step keeps no such statistic (one-hot columns, passthrough).
   */
  meanOut: (number | null)[];
  /** The same in input space (StandardScaler.mean_), null where unknown. */
  meanIn: (number | null)[];
}
