/** The attributes every tree-family estimator shares: class, width, feature names, classes. */
import { attr, isDict, isList, isObject, isTuple, type PyObject, type PyValue } from "../../pickle/values";
import { nFeaturesIn, toLabels, toStringsOrNull } from "../arrays";
import { LoadError, type Label } from "../types";

export interface Meta {
  obj: PyObject;
  className: string;
  /** The short name for messages, e.g. "RandomForestClassifier". */
  name: string;
  nFeatures: number;
  featureNames: string[] | null;
  classes: Label[] | null;
}

export function readMeta(v: PyValue, classifier: boolean): Meta {
  if (!isObject(v) || !isDict(v.state)) throw new LoadError("malformed", "expected an estimator object with a state dict");
  const className = v.$class;
  const name = className.slice(className.lastIndexOf(".") + 1);
  // GradientBoosting before 0.19 recorded its width as `n_features`.
  const legacy = attr(v, "n_features");
  const nFeatures = nFeaturesIn(v) ?? (typeof legacy === "number" && Number.isInteger(legacy) && attr(v, "estimators_") !== undefined ? legacy : null);
  if (nFeatures === null || nFeatures < 1) throw new LoadError("malformed", `${name}: missing n_features_in_ (is the estimator fitted?)`);
  const nOutputs = attr(v, "n_outputs_");
  if (nOutputs !== undefined && Number(nOutputs) !== 1) {
    throw new LoadError("unsupported_class", `${name}: multi-output models (n_outputs_=${String(nOutputs)}) cannot be served`);
  }
  let classes: Label[] | null = null;
  if (classifier) {
    const c = attr(v, "classes_");
    if (isList(c) || isTuple(c)) throw new LoadError("unsupported_class", `${name}: multi-output classifiers cannot be served`);
    classes = toLabels(c, `${name} classes_`);
    if (classes.length < 1) throw new LoadError("malformed", `${name}: classes_ is empty`);
  }
  const names = toStringsOrNull(attr(v, "feature_names_in_"));
  if (names && names.length !== nFeatures) throw new LoadError("malformed", `${name}: feature_names_in_ does not match n_features_in_`);
  return { obj: v, className, name, nFeatures, featureNames: names, classes };
}

/** A numeric hyper-parameter (learning_rate …). */
export function numberParam(obj: PyObject, key: string, what: string): number {
  const v = attr(obj, key);
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "bigint") return Number(v);
  throw new LoadError("malformed", `${what}: ${key} must be a number`);
}
