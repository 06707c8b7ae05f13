/** The servable Estimator every tree-family loader returns: an Ensemble, an OutputHead and input rules. */
import type { Estimator, ExplainContext, Explanation, InputRow, Label } from "../types";
import type { Ensemble } from "./ensemble";
import type { OutputHead } from "./heads";
import { prepareRow, type InputMode } from "./rows";

/** TreeSHAP of every output at once (all classes), for callers that want more than the predicted one. */
export interface AllOutputsExplanation {
  method: "tree_path_dependent";
  exact: true;
  background: "model";
  /** One name per output, as in Explanation.output: "predict_proba[class=1]", "raw_margin[class=2]", "predict". */
  outputs: string[];
  base_values: number[];
  /** values[output][feature]. */
  values: number[][];
  /** f(x) per output. */
  output_values: number[];
  residuals: number[];
  /** The output explain() reports (the predicted class for classifiers). */
  explained: number;
}

/** An Estimator plus explainAll; both explainers are absent when TreeSHAP is undefined for the model. */
export interface TreeEstimator extends Estimator {
  explainAll?(x: InputRow): AllOutputsExplanation;
}

export interface TreeEstimatorSpec {
  className: string;
  nFeatures: number;
  featureNames: string[] | null;
  classes: Label[] | null;
  ensemble: Ensemble;
  head: OutputHead;
  input: InputMode;
}

/** One output of an AllOutputsExplanation as the API's Explanation. */
export function explanationOf(all: AllOutputsExplanation, output: number): Explanation {
  return {
    method: all.method,
    exact: all.exact,
    output: all.outputs[output]!,
    base_value: all.base_values[output]!,
    values: all.values[output]!,
    residual: all.residuals[output]!,
    value: all.output_values[output]!,
    background: all.background,
  };
}

export function makeTreeEstimator(spec: TreeEstimatorSpec): TreeEstimator {
  const { ensemble, head, nFeatures, input } = spec;
  // Reused across calls: prediction allocates only its results.
  const row = new Float64Array(nFeatures);
  const raw = new Float64Array(ensemble.nCols);
  const rawOf = (x: InputRow, i: number) => ensemble.raw(prepareRow(x, i, nFeatures, input, row), raw);
  const each = <T>(X: InputRow[], f: (r: Float64Array) => T): T[] => X.map((x, i) => f(rawOf(x, i)));

  const explainAll = (x: InputRow): AllOutputsExplanation => {
    const xs = prepareRow(x, 0, nFeatures, input, new Float64Array(nFeatures));
    const fx = ensemble.raw(xs, new Float64Array(ensemble.nCols));
    const { base, phi } = ensemble.shap(xs);
    const k = ensemble.nCols;
    const values: number[][] = [];
    const residuals: number[] = [];
    for (let c = 0; c < k; c++) {
      const v = new Array<number>(nFeatures);
      let sum = 0;
      for (let f = 0; f < nFeatures; f++) sum += v[f] = phi[f * k + c]!;
      values.push(v);
      residuals.push(Math.abs(fx[c]! - base[c]! - sum));
    }
    return {
      method: "tree_path_dependent",
      exact: true,
      background: "model",
      outputs: head.outputNames.slice(),
      base_values: Array.from(base),
      values,
      output_values: Array.from(fx),
      residuals,
      explained: head.explained(fx),
    };
  };

  const est: TreeEstimator = {
    className: spec.className,
    kind: head.kind,
    nFeatures,
    featureNames: spec.featureNames,
    classes: spec.classes,
    predict: (X) => each(X, (r) => head.predict(r)),
  };
  const { proba, decision } = head;
  if (proba) est.predictProba = (X) => each(X, proba);
  if (decision) est.decisionFunction = (X) => each(X, decision);
  // Zero-weight nodes leave TreeSHAP's cover fractions undefined: without explain the caller falls back to sampling.
  if (ensemble.shapSupported) {
    est.explainAll = explainAll;
    est.explain = (x: InputRow, _ctx?: ExplainContext): Explanation => {
      const all = explainAll(x);
      return explanationOf(all, all.explained);
    };
  }
  return est;
}

/** TreeSHAP for every output of a tree-family estimator, or null for any other estimator. */
export function explainAllOutputs(est: Estimator, x: InputRow): AllOutputsExplanation | null {
  const { explainAll } = est as TreeEstimator;
  return typeof explainAll === "function" ? explainAll(x) : null;
}
