/**
 * A file that holds only a fitted preprocessing step (a StandardScaler, an OrdinalEncoder, a PCA, a
 * ColumnTransformer, a Pipeline of such steps…) is served on its own: its prediction for a row is
 * the transformed row, `transform(X)[i]`, one array of numbers per input row (kind "transformer").
 * Explanations describe the first output column (coalition enumeration with at most 12 inputs, else
 * permutation sampling).
 */
import { attr, type PyValue } from "../pickle/values";
import { toStringsOrNull } from "./arrays";
import { withEnumeration } from "./explain/fallback";
import type { Transformer } from "./transformer";
import { LoadError, type Estimator, type EstimatorEntry, type InputRow, type Label, type LoaderContext, type PipelineStepEntry } from "./types";

export function transformerEstimator(t: Transformer, obj: PyValue): Estimator {
  const rows = (X: InputRow[]) => X.map((row, i) => t.transform(row, i) as Label[]);
  const est: Estimator = {
    className: t.className,
    kind: "transformer",
    nFeatures: t.nIn,
    featureNames: toStringsOrNull(attr(obj, "feature_names_in_") ?? attr(obj, "_feature_names_in")),
    classes: null,
    predict: (X) => rows(X).map((r) => r[0]!),
    predictOutputs: rows,
    transform: (X) => rows(X).map((r) => r.map(Number)),
  };
  return withEnumeration(est);
}

/** The pipeline steps, as servable estimators of their own; names already served as estimators (Pipeline) are left to those. */
export function loneTransformers(steps: readonly PipelineStepEntry[], served: ReadonlySet<string>): EstimatorEntry[] {
  return steps
    .filter((s) => !served.has(s.className))
    .map((s) => ({
      className: s.className,
      ...(s.aliases ? { aliases: s.aliases } : {}),
      load: (obj: PyValue, ctx: LoaderContext) => {
        const t = s.load(obj, ctx);
        if (t.nOut < 1) throw new LoadError("malformed", `${t.className}: no output columns`);
        return transformerEstimator(t, obj);
      },
    }));
}
