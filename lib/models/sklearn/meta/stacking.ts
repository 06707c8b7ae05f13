/**
 * StackingClassifier / StackingRegressor: each member's stack_method_ output (binary predict_proba
 * without its first column; a 1-D output as one column), then the inputs when passthrough, feed
 * final_estimator_. Members of a classifier were fitted on encoded labels 0 … K−1, as is the final step.
 */
import { attr, isList, isTuple, type PyValue } from "../../pickle/values";
import { classNameOf, featureNamesIn, need, toLabels } from "../arrays";
import { numericRows } from "../input";
import { LoadError, type Estimator, type EstimatorEntry, type InputRow, type Label, type Loader, type LoaderContext } from "../types";
import { commonWidth, encodedIndex, loadMembers, withEnumeration } from "./common";

type Method = "predict" | "predict_proba" | "decision_function";

function methodsOf(obj: PyValue, className: string, n: number): Method[] {
  const raw = need(obj, "stack_method_", className);
  if (!isList(raw) && !isTuple(raw)) throw new LoadError("malformed", `${className}.stack_method_ must be a list`);
  const listed = attr(obj, "estimators_");
  const kept = (isList(listed) || isTuple(listed) ? listed : []).map((e) => e !== "drop");
  const methods = raw.filter((_, i) => kept[i] !== false);
  if (methods.length !== n || methods.some((m) => m !== "predict" && m !== "predict_proba" && m !== "decision_function")) {
    throw new LoadError("malformed", `${className}: stack_method_ does not match estimators_`);
  }
  return methods as Method[];
}

function metaFeatures(members: Estimator[], methods: Method[], nClasses: number, passthrough: boolean, nFeatures: number) {
  return (X: InputRow[]): InputRow[] => {
    const blocks = members.map((m, i): number[][] => {
      const method = methods[i]!;
      if (method === "predict") return m.predict(X).map((v) => [Number(v)]);
      const out = method === "predict_proba" ? m.predictProba?.(X) : m.decisionFunction?.(X);
      if (!out) throw new LoadError("malformed", `${m.className} has no ${method}`);
      return method === "predict_proba" && nClasses === 2 ? out.map((r) => r.slice(1)) : out;
    });
    const raw = passthrough ? numericRows(X, nFeatures) : null;
    return X.map((_, r) => [...blocks.flatMap((b) => b[r]!), ...(raw ? raw[r]! : [])]);
  };
}

function readStack(obj: PyValue, ctx: LoaderContext, nClasses: number) {
  const className = classNameOf(obj);
  const members = loadMembers(obj, "estimators_", className, ctx);
  const nFeatures = commonWidth(members, className);
  const methods = methodsOf(obj, className, members.length);
  const final = ctx.load(need(obj, "final_estimator_", className));
  const transform = metaFeatures(members, methods, nClasses, attr(obj, "passthrough") === true, nFeatures);
  return { className, nFeatures, final, transform };
}

const loadStackingClassifier: Loader = (obj, ctx) => {
  const className = classNameOf(obj);
  const classes: Label[] = toLabels(need(obj, "classes_", className), `${className}.classes_`);
  const { nFeatures, final, transform } = readStack(obj, ctx, classes.length);
  const est: Estimator = {
    className,
    kind: "classifier",
    nFeatures,
    featureNames: featureNamesIn(obj),
    classes,
    // The final step predicts encoded labels; _label_encoder maps them back to classes_.
    predict: (X) => final.predict(transform(X)).map((k) => classes[encodedIndex(k, classes.length, className)]!),
    transform: (X) => transform(X) as number[][],
  };
  if (final.predictProba) est.predictProba = (X) => final.predictProba!(transform(X));
  if (final.decisionFunction) est.decisionFunction = (X) => final.decisionFunction!(transform(X));
  return withEnumeration(est);
};

const loadStackingRegressor: Loader = (obj, ctx) => {
  const { className, nFeatures, final, transform } = readStack(obj, ctx, 0);
  return withEnumeration<Estimator>({
    className,
    kind: "regressor",
    nFeatures,
    featureNames: featureNamesIn(obj),
    classes: null,
    predict: (X) => final.predict(transform(X)),
    transform: (X) => transform(X) as number[][],
  });
};

export const stacking: EstimatorEntry[] = [
  { className: "sklearn.ensemble._stacking.StackingClassifier", load: loadStackingClassifier },
  { className: "sklearn.ensemble._stacking.StackingRegressor", load: loadStackingRegressor },
];
