/**
 * Pipeline: preprocessing steps (the registry's PIPELINE_STEPS, or 'passthrough') loaded through
 * ctx.loadStep, followed by a final estimator loaded through ctx.load (any servable estimator).
 * Explanations run the final step's explainer in transformed space and sum each output column's
 * value back onto the input column it came from (exact for scalers and one-hot columns); a pipeline
 * with a step that mixes columns is explained on its raw inputs instead.
 */
import { attr, isList, isObject, isTuple, type PyValue } from "../pickle/values";
import { classNameOf, need, toStringsOrNull } from "./arrays";
import type { ModelBackground } from "./explain/background";
import { withEnumeration } from "./explain/fallback";
import type { LinearEstimator } from "./linear-model";
import {
  LoadError,
  type BackgroundSource,
  type Estimator,
  type EstimatorEntry,
  type ExplainContext,
  type Explanation,
  type InputRow,
  type Loader,
  type LoaderContext,
  type PipelineStepEntry,
} from "./types";
import type { Transformer } from "./transformer";

function stepsOf(obj: PyValue): PyValue[] {
  const steps = need(obj, "steps", "Pipeline");
  if (!isList(steps) && !isTuple(steps)) throw new LoadError("malformed", "Pipeline.steps must be a list");
  return steps.map((s) => {
    if ((!isList(s) && !isTuple(s)) || s.length < 2) throw new LoadError("malformed", "Pipeline step must be (name, estimator)");
    return s[1]!;
  });
}

const isIdentity = (step: PyValue) => step === null || step === "passthrough";

const loadPipeline: Loader = (obj, ctx) => {
  const steps = stepsOf(obj);
  const last = steps[steps.length - 1];
  if (last === undefined || isIdentity(last)) throw new LoadError("unsupported_class", "a Pipeline without a final estimator cannot be served");
  const transformers = steps.slice(0, -1).filter((s) => !isIdentity(s)).map((s) => ctx.loadStep(s));
  const final = ctx.load(last);
  transformers.forEach((t, i) => {
    const next = transformers[i + 1]?.nIn ?? final.nFeatures;
    if (t.nOut !== next) throw new LoadError("malformed", `Pipeline: ${t.className} gives ${t.nOut} columns, the next step expects ${next}`);
  });
  const first = transformers[0];
  const nFeatures = first ? first.nIn : final.nFeatures;
  const firstStep = steps.find((s) => isObject(s));

  const transformRow = (row: InputRow, i: number) => transformers.reduce((r, t) => t.transform(r, i), row);
  const transform = (X: InputRow[]) => X.map(transformRow);
  // The input column each of the final step's columns comes from.
  const sourceOf = Array.from({ length: final.nFeatures }, (_, c) => transformers.reduceRight((col, t) => t.sourceOf[col]!, c));

  /** Background for the final step: uploaded rows transformed, else the scaler means (missing ones at 0). */
  function finalBackground(ctx: ExplainContext): { rows: InputRow[] | null; source: BackgroundSource } {
    if (ctx.background && ctx.background.length > 0) return { rows: transform(ctx.background), source: "data_file" };
    let mean: (number | null)[] | null = null;
    for (const t of transformers) mean = mean && mean.every((m) => m !== null) ? (t.transform(mean as number[], 0) as number[]) : t.meanOut;
    if (!mean || mean.every((m) => m === null)) return { rows: null, source: "none" };
    return { rows: [mean.map((m) => m ?? 0)], source: "scaler_mean" };
  }

  function mapBack(e: Explanation, source: BackgroundSource): Explanation {
    const values = new Array<number>(nFeatures).fill(0);
    e.values.forEach((v, c) => (values[sourceOf[c]!]! += v));
    return { ...e, values, background: e.background === "data_file" ? source : e.background };
  }

  function explainWith(fn: (tx: InputRow, c: ExplainContext) => Explanation, x: InputRow, ctx: ExplainContext): Explanation {
    const bg = finalBackground(ctx);
    return mapBack(fn(transformRow(x, 0), { ...ctx, background: bg.rows }), bg.source);
  }

  const est: Estimator & ModelBackground & Partial<Pick<LinearEstimator, "explainOutput">> = {
    className: classNameOf(obj),
    kind: final.kind,
    nFeatures,
    featureNames: toStringsOrNull(attr(obj, "feature_names_in_") ?? attr(firstStep, "feature_names_in_") ?? attr(firstStep, "_feature_names_in")),
    classes: final.classes,
    predict: (X) => final.predict(transform(X)),
    // Sampling explainers run on raw rows: StandardScaler.mean_ is the best stand-in for training data.
    modelBackground() {
      const mean = first?.meanIn;
      if (mean && mean.every((m) => m !== null)) return { rows: [mean as number[]], source: "scaler_mean" };
      return { rows: [], source: "none" };
    },
  };
  const { predictProba, decisionFunction, transform: finalTransform, predictOutputs, explain } = final;
  if (predictOutputs) est.predictOutputs = (X) => predictOutputs.call(final, transform(X));
  if (predictProba) est.predictProba = (X) => predictProba.call(final, transform(X));
  if (decisionFunction) est.decisionFunction = (X) => decisionFunction.call(final, transform(X));
  if (finalTransform) est.transform = (X) => finalTransform.call(final, transform(X));
  if (transformers.some((t) => t.mixes)) {
    // A step mixes columns (PCA, PolynomialFeatures …): the final step's values cannot be summed back onto
    // inputs, so the whole pipeline is explained on its raw inputs (exactly when they are few, else sampled).
    return withEnumeration(est);
  }
  if (explain) est.explain = (x, ctx) => explainWith((tx, c) => explain.call(final, tx, c), x, ctx);
  const explainOutput = (final as Partial<LinearEstimator>).explainOutput;
  if (explainOutput) est.explainOutput = (x, ctx, k) => explainWith((tx, c) => explainOutput.call(final, tx, c, k), x, ctx);
  return est;
};

/** A Pipeline explains as its final step does, in input columns (one-hot columns summed back). */
export const pipelines: EstimatorEntry[] = [{ className: "sklearn.pipeline.Pipeline", load: loadPipeline }];

/**
 * A Pipeline of preprocessing steps only, used as a step itself (inside another Pipeline or a
 * ColumnTransformer, e.g. an imputer then a scaler for the numeric columns): its steps chained.
 */
function loadTransformerPipeline(obj: PyValue, ctx: LoaderContext): Transformer {
  const parts = stepsOf(obj).filter((s) => !isIdentity(s)).map((s) => ctx.loadStep(s));
  const first = parts[0];
  if (!first) throw new LoadError("unsupported_class", "a Pipeline step without any transformer cannot be served");
  parts.forEach((t, i) => {
    const next = parts[i + 1];
    if (next && t.nOut !== next.nIn) throw new LoadError("malformed", `Pipeline: ${t.className} gives ${t.nOut} columns, the next step expects ${next.nIn}`);
  });
  const last = parts[parts.length - 1]!;
  let meanOut: (number | null)[] | null = null;
  for (const t of parts) meanOut = meanOut && meanOut.every((m) => m !== null) ? (t.transform(meanOut as number[], 0) as (number | null)[]) : t.meanOut;
  return {
    className: classNameOf(obj),
    nIn: first.nIn,
    nOut: last.nOut,
    sourceOf: Array.from({ length: last.nOut }, (_, c) => parts.reduceRight((col, t) => t.sourceOf[col]!, c)),
    mixes: parts.some((t) => t.mixes === true),
    transform: (row, i) => parts.reduce((r, t) => t.transform(r, i), row),
    meanIn: first.meanIn,
    meanOut: meanOut ?? new Array<null>(last.nOut).fill(null),
  };
}

/** The same class as a step: a Pipeline whose steps are all preprocessing. */
export const pipelineSteps: PipelineStepEntry[] = [{ className: "sklearn.pipeline.Pipeline", load: loadTransformerPipeline }];
