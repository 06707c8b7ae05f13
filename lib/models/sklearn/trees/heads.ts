/**
 * What an estimator reports from its raw tree outputs: labels, probabilities, decision_function, and
 * the name of each raw column in explanations. One head per sklearn output convention.
 */
import type { EstimatorKind, Label } from "../types";
import { argmaxOf, expit, gbSoftmax, softmax } from "./numeric";

export interface OutputHead {
  kind: EstimatorKind;
  /** The name each raw column has in explanations (what TreeSHAP explains). */
  outputNames: string[];
  predict(raw: Float64Array): Label;
  proba?(raw: Float64Array): number[];
  decision?(raw: Float64Array): number[];
  /** The column explain() reports: the predicted class for classifiers. */
  explained(raw: Float64Array): number;
}

const classLabel = (c: Label) => String(c);

/** Decision trees and forests: the raw columns are the (averaged) class probabilities. */
export function probaHead(classes: Label[]): OutputHead {
  return {
    kind: "classifier",
    outputNames: classes.map((c) => `predict_proba[class=${classLabel(c)}]`),
    predict: (raw) => classes[argmaxOf(raw)]!,
    proba: (raw) => Array.from(raw),
    explained: (raw) => argmaxOf(raw),
  };
}

/** Regressors: the single raw column is the prediction (`link` "log" for Poisson HistGradientBoosting). */
export function regressionHead(link: "identity" | "log" = "identity"): OutputHead {
  return {
    kind: "regressor",
    outputNames: [link === "identity" ? "predict" : "raw_margin"],
    predict: (raw) => (link === "identity" ? raw[0]! : Math.exp(raw[0]!)),
    explained: () => 0,
  };
}

/**
 * Binary boosting: one raw margin. "logit": proba₁ = expit(raw), proba₀ = 1 − proba₁ (log_loss), label by
 * argmax of the probabilities. "exponential" (GradientBoosting AdaBoost loss): proba₁ = expit(2·raw),
 * label by raw ≥ 0, as sklearn's ExponentialLoss decides.
 */
export function binaryHead(classes: Label[], loss: "logit" | "exponential"): OutputHead {
  const proba = (raw: Float64Array) => {
    const p1 = expit(loss === "logit" ? raw[0]! : 2 * raw[0]!);
    return [1 - p1, p1];
  };
  return {
    kind: "classifier",
    outputNames: ["raw_margin"],
    predict: (raw) => classes[loss === "logit" ? argmaxOf(proba(raw)) : raw[0]! >= 0 ? 1 : 0]!,
    proba,
    decision: (raw) => [raw[0]!],
    explained: () => 0,
  };
}

/** Multiclass boosting: one raw margin per class; GradientBoosting and HistGradientBoosting softmax differently. */
export function multiclassHead(classes: Label[], flavour: "gradient_boosting" | "hist_gradient_boosting"): OutputHead {
  const proba = (raw: Float64Array) => (flavour === "gradient_boosting" ? gbSoftmax(raw) : softmax(raw));
  return {
    kind: "classifier",
    outputNames: classes.map((c) => `raw_margin[class=${classLabel(c)}]`),
    predict: (raw) => classes[argmaxOf(proba(raw))]!,
    proba,
    decision: (raw) => Array.from(raw),
    explained: (raw) => argmaxOf(proba(raw)),
  };
}
