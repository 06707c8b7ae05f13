/**
 * Linear classifiers (LinearClassifierMixin): LogisticRegression, SGDClassifier, LinearSVC.
 * decision_function = X·coefᵀ + intercept (one column for binary models); predict takes the sign
 * (binary) or the first argmax; predict_proba depends on the estimator and its loss (docs/sklearn-pickles.md §9).
 */
import type { PyValue } from "../pickle/values";
import { argmax, classNameOf, featureNamesIn, need, stringAttr, toLabels } from "./arrays";
import { explainLinearOutput, margins, readLinearCore, type LinearCore, type LinearEstimator } from "./linear-model";
import { logisticIsOvr, modifiedHuberProba, ovrProba, softmaxProba } from "./logistic";
import { numericRows } from "./input";
import { LoadError, type EstimatorEntry, type InputRow, type Label, type Loader } from "./types";

type ProbaRule = (decision: number[][]) => number[][];

/** Index into classes_ of each row's prediction. */
function predictedIndex(decisionRow: readonly number[]): number {
  return decisionRow.length === 1 ? (decisionRow[0]! > 0 ? 1 : 0) : argmax(decisionRow);
}

function buildClassifier(obj: PyValue, proba: ProbaRule | null): LinearEstimator {
  const className = classNameOf(obj);
  const core: LinearCore = readLinearCore(obj, className);
  const classes: Label[] = toLabels(need(obj, "classes_", className), `${className}.classes_`);
  const binary = classes.length === 2;
  if (classes.length < 2 || (binary ? core.coef.length !== 1 : core.coef.length !== classes.length)) {
    throw new LoadError("malformed", `${className}: coef_ has ${core.coef.length} rows for ${classes.length} classes`);
  }
  const decision = (X: InputRow[]) => margins(core, numericRows(X, core.nFeatures));
  // Binary models have one margin: it is the log-odds (or score) of classes_[1].
  const outputName = (k: number) => (binary ? "decision_function" : `decision_function[class=${String(classes[k])}]`);
  const est: LinearEstimator = {
    className,
    kind: "classifier",
    nFeatures: core.nFeatures,
    featureNames: featureNamesIn(obj),
    classes,
    predict: (X) => decision(X).map((row) => classes[predictedIndex(row)]!),
    decisionFunction: decision,
    explain(x, ctx) {
      const k = binary ? 0 : predictedIndex(decision([x])[0]!);
      return explainLinearOutput(core, x, ctx, k, outputName(k));
    },
    explainOutput: (x, ctx, k) => explainLinearOutput(core, x, ctx, k, outputName(k)),
  };
  if (proba) est.predictProba = (X) => proba(decision(X));
  return est;
}

const loadLogisticRegression: Loader = (obj) => {
  const nClasses = toLabels(need(obj, "classes_", "LogisticRegression"), "LogisticRegression.classes_").length;
  const ovr = logisticIsOvr(stringAttr(obj, "multi_class", "auto"), stringAttr(obj, "solver", "lbfgs"), nClasses);
  return buildClassifier(obj, ovr ? ovrProba : softmaxProba);
};

/** Losses whose predict_proba SGDClassifier defines; any other loss has none (docs/sklearn-pickles.md §9). */
function sgdProba(loss: string): ProbaRule | null {
  if (loss === "log_loss" || loss === "log") return ovrProba;
  if (loss === "modified_huber") return modifiedHuberProba;
  return null;
}

const loadSgdClassifier: Loader = (obj) => buildClassifier(obj, sgdProba(stringAttr(obj, "loss", "hinge")));

const loadLinearSvc: Loader = (obj) => buildClassifier(obj, null);

/** Linear classifiers; each class's decision_function margin is explained exactly by linear SHAP. */
export const linearClassifiers: EstimatorEntry[] = [
  { className: "sklearn.linear_model._logistic.LogisticRegression", load: loadLogisticRegression },
  { className: "sklearn.linear_model._stochastic_gradient.SGDClassifier", load: loadSgdClassifier },
  { className: "sklearn.svm._classes.LinearSVC", load: loadLinearSvc },
];
