/**
 * One entry point for explanations: the estimator's exact explainer when it has one (linear, trees),
 * else permutation sampling. What the sampler explains:
 *  - classifiers: predict_proba of the predicted class (decision_function when there is no predict_proba);
 *  - regressors: predict;
 *  - multi-output estimators and lone transformers: their first output;
 *  - KMeans: the distance to the assigned centre (transform[:, label]), a number that moves smoothly
 *    with the inputs, unlike the cluster label itself.
 * Background: the uploaded rows ("data_file"), else what the model keeps ("model" / "scaler_mean"),
 * else a single all-zero row ("none").
 */
import type { BackgroundSource, Estimator, ExplainContext, Explanation, InputRow } from "../types";
import { hasModelBackground } from "./background";
import { enumerationShap, MAX_ENUMERATED_FEATURES } from "./enumeration";
import { permutationShap } from "./sampling";

interface Target {
  f: (X: InputRow[]) => number[];
  output: string;
}

function samplingTarget(est: Estimator, x: InputRow): Target {
  const { predictOutputs } = est;
  if (predictOutputs && est.kind !== "classifier") {
    // Several outputs per row (a lone transformer, a multi-output regressor): the first one is explained.
    return { f: (X) => predictOutputs.call(est, X).map((r) => Number(r[0])), output: est.kind === "transformer" ? "transform[column=0]" : "predict[output=0]" };
  }
  if (est.kind === "classifier") {
    const label = est.predict([x])[0]!;
    const k = est.classes?.indexOf(label) ?? -1;
    const { predictProba, decisionFunction } = est;
    if (predictProba && k >= 0) return { f: (X) => predictProba.call(est, X).map((r) => r[k]!), output: `predict_proba[class=${String(label)}]` };
    if (decisionFunction && k >= 0) {
      const binary = (est.classes?.length ?? 0) === 2;
      const col = binary ? 0 : k;
      return {
        f: (X) => decisionFunction.call(est, X).map((r) => r[col]!),
        output: binary ? "decision_function" : `decision_function[class=${String(label)}]`,
      };
    }
    throw new Error(`${est.className} has no numeric output to explain`);
  }
  if (est.kind === "clusterer" && est.transform) {
    const { transform } = est;
    const k = Number(est.predict([x])[0]);
    return { f: (X) => transform.call(est, X).map((r) => r[k]!), output: `transform[cluster=${k}]` };
  }
  return { f: (X) => est.predict(X).map(Number), output: "predict" };
}

function backgroundFor(est: Estimator, ctx: ExplainContext): { rows: InputRow[]; source: BackgroundSource } {
  if (ctx.background && ctx.background.length > 0) return { rows: ctx.background, source: "data_file" };
  if (hasModelBackground(est)) {
    const own = est.modelBackground();
    if (own.rows.length > 0) return own;
  }
  return { rows: [new Array<number>(est.nFeatures).fill(0)], source: "none" };
}

/** Always samples, even when the estimator has an exact explainer (used to cross-check both). */
export function explainBySampling(est: Estimator, x: InputRow, ctx: ExplainContext): Explanation {
  const target = samplingTarget(est, x);
  const bg = backgroundFor(est, ctx);
  const r = permutationShap(target.f, x, bg.rows, { seed: ctx.seed, budgetMs: ctx.budgetMs });
  return {
    method: "permutation",
    exact: false,
    output: target.output,
    base_value: r.base_value,
    values: r.values,
    residual: r.residual,
    value: r.value,
    background: bg.source,
    samples: r.permutations,
  };
}

/**
 * Exact Shapley values of the same output the sampler would explain, by enumerating every coalition;
 * for estimators with few inputs and no closed form (kernel SVMs). maxEvals bounds the rows passed to
 * the model; when not even one background row per coalition fits, or x is too wide, it samples instead.
 */
export function explainByEnumeration(est: Estimator, x: InputRow, ctx: ExplainContext, maxEvals?: number): Explanation {
  const target = samplingTarget(est, x);
  const bg = backgroundFor(est, ctx);
  const r = enumerationShap(target.f, x, bg.rows, { seed: ctx.seed, maxEvals });
  if (!r) return explainBySampling(est, x, ctx);
  return {
    method: "shapley_enumeration",
    exact: true,
    output: target.output,
    base_value: r.base_value,
    values: r.values,
    residual: r.residual,
    value: r.value,
    background: bg.source,
    samples: r.backgroundRows,
  };
}

/**
 * Gives an estimator without a closed form its explainer: coalition enumeration when it has at most
 * MAX_ENUMERATED_FEATURES inputs (maxEvals, when given, bounds the rows passed to the model by its cost);
 * wider ones keep no explainer, and explainWithFallback samples.
 */
export function withEnumeration<T extends Estimator>(est: T, maxEvals?: (ctx: ExplainContext) => number): T {
  if (est.nFeatures <= MAX_ENUMERATED_FEATURES) est.explain = (x, ctx) => explainByEnumeration(est, x, ctx, maxEvals?.(ctx));
  return est;
}

export function explainWithFallback(est: Estimator, x: InputRow, ctx: ExplainContext): Explanation {
  return est.explain ? est.explain(x, ctx) : explainBySampling(est, x, ctx);
}
