/**
 * MultiOutputRegressor / MultiOutputClassifier (sklearn.multioutput): one fitted estimator per target
 * in `estimators_`; the prediction of a row is one value (or label) per target, in order
 * (`np.asarray([e.predict(X) for e in estimators_]).T`). predict_proba of a MultiOutputClassifier is a
 * list of per-target matrices in scikit-learn, so only predict is served. Explanations describe the
 * first target.
 */
import type { PyValue } from "../../pickle/values";
import { classNameOf, featureNamesIn } from "../arrays";
import type { Estimator, EstimatorEntry, Label, Loader } from "../types";
import { explainWithFallback } from "../explain/fallback";
import { commonWidth, loadMembers } from "./common";

function multiOutputLoader(classifier: boolean): Loader {
  return (obj: PyValue, ctx) => {
    const className = classNameOf(obj);
    const short = className.slice(className.lastIndexOf(".") + 1);
    const members = loadMembers(obj, "estimators_", short, ctx);
    const nFeatures = commonWidth(members, short);
    const outputs = (X: Parameters<Estimator["predict"]>[0]): Label[][] => {
      const each = members.map((m) => m.predict(X));
      return X.map((_, i) => each.map((p) => p[i]!));
    };
    const first = members[0]!;
    const est: Estimator = {
      className,
      kind: classifier ? "classifier" : "regressor",
      nFeatures,
      featureNames: featureNamesIn(obj) ?? first.featureNames,
      classes: null,
      predict: (X) => first.predict(X),
      predictOutputs: outputs,
    };
    est.explain = (x, c) => {
      const e = explainWithFallback(first, x, c);
      return { ...e, output: `${e.output}[output=0]` };
    };
    return est;
  };
}

export const multiOutput: EstimatorEntry[] = [
  { className: "sklearn.multioutput.MultiOutputRegressor", load: multiOutputLoader(false) },
  { className: "sklearn.multioutput.MultiOutputClassifier", load: multiOutputLoader(true) },
];
