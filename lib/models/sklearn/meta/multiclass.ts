/**
 * OneVsRestClassifier and OneVsOneClassifier over binary members (sklearn.multiclass, 1.2). A member's
 * score (_predict_binary) is its decision_function, else its probability of class 1 (a regressor: its
 * prediction). OvR predicts the class whose member scores highest (the last one on ties) and normalises
 * the members' probabilities; OvO votes with _ovr_decision_function.
 */
import { attr } from "../../pickle/values";
import { argmax, classNameOf, featureNamesIn, need, stringAttr, toLabels } from "../arrays";
import { ovrDecisionFunction } from "../ovr-decision";
import { LoadError, type Estimator, type EstimatorEntry, type InputRow, type Loader } from "../types";
import { commonWidth, loadMembers, withEnumeration } from "./common";

/** _predict_binary: one score per row. */
function binaryScore(m: Estimator, X: InputRow[]): number[] {
  if (m.kind === "regressor") return m.predict(X).map(Number);
  if (m.decisionFunction) return m.decisionFunction(X).map((r) => r[0]!);
  if (m.predictProba) return m.predictProba(X).map((r) => r[1]!);
  throw new LoadError("malformed", `${m.className} gives no score`);
}

/** _threshold_for_binary_predict: a classifier's decision_function splits at 0, anything else at 0.5. */
const thresholdOf = (m: Estimator) => (m.kind === "classifier" && m.decisionFunction ? 0 : 0.5);

const loadOneVsRest: Loader = (obj, ctx) => {
  const className = classNameOf(obj);
  const binarizer = attr(obj, "label_binarizer_");
  const yType = stringAttr(binarizer ?? null, "y_type_", "multiclass");
  if (yType !== "multiclass" && yType !== "binary") throw new LoadError("unsupported_class", `${className} fitted on ${yType} targets cannot be served`);
  const members = loadMembers(obj, "estimators_", className, ctx);
  const classes = toLabels(attr(obj, "classes_") ?? need(binarizer ?? null, "classes_", `${className}.label_binarizer_`), `${className}.classes_`);
  const binary = yType === "binary";
  if (binary ? members.length !== 1 || classes.length !== 2 : members.length !== classes.length) {
    throw new LoadError("malformed", `${className}: ${members.length} estimators for ${classes.length} classes`);
  }
  const est: Estimator = {
    className,
    kind: "classifier",
    nFeatures: commonWidth(members, className),
    featureNames: featureNamesIn(obj),
    classes,
    predict: (X) => {
      if (binary) {
        const t = thresholdOf(members[0]!);
        return binaryScore(members[0]!, X).map((s) => classes[s > t ? 1 : 0]!);
      }
      const scores = members.map((m) => binaryScore(m, X));
      return X.map((_, r) => {
        let max = -Infinity;
        let at = 0;
        scores.forEach((s, i) => {
          max = Math.max(max, s[r]!);
          if (max === s[r]) at = i;
        });
        return classes[at]!;
      });
    },
  };
  if (members.every((m) => m.predictProba)) {
    est.predictProba = (X) => {
      const p1 = members.map((m) => m.predictProba!(X).map((r) => r[1]!));
      return X.map((_, r) => {
        // Binary: [1 − p, p], normalised like the multiclass rows (their sum may differ from 1 in the last bit).
        const row = binary ? [1 - p1[0]![r]!, p1[0]![r]!] : p1.map((p) => p[r]!);
        let sum = 0;
        for (const v of row) sum += v;
        return row.map((v) => v / sum);
      });
    };
  }
  if (members.every((m) => m.decisionFunction)) {
    est.decisionFunction = (X) => {
      if (binary) return members[0]!.decisionFunction!(X);
      const d = members.map((m) => m.decisionFunction!(X));
      return X.map((_, r) => d.map((col) => col[r]![0]!));
    };
  }
  return withEnumeration(est);
};

const loadOneVsOne: Loader = (obj, ctx) => {
  const className = classNameOf(obj);
  const members = loadMembers(obj, "estimators_", className, ctx);
  const classes = toLabels(need(obj, "classes_", className), `${className}.classes_`);
  const K = classes.length;
  const indices = attr(obj, "pairwise_indices_");
  if (indices !== undefined && indices !== null) {
    throw new LoadError("unsupported_class", `${className} over a precomputed kernel cannot be served`);
  }
  if (members.length !== (K * (K - 1)) / 2) throw new LoadError("malformed", `${className}: ${members.length} estimators for ${K} classes`);
  const decision = (X: InputRow[]): number[][] => {
    const preds = members.map((m) => m.predict(X).map(Number));
    const conf = members.map((m) => binaryScore(m, X));
    return X.map((_, r) => {
      const y = ovrDecisionFunction(preds.map((p) => p[r]!), conf.map((c) => c[r]!), K);
      return K === 2 ? [y[1]!] : y;
    });
  };
  const threshold = thresholdOf(members[0]!);
  return withEnumeration<Estimator>({
    className,
    kind: "classifier",
    nFeatures: commonWidth(members, className),
    featureNames: featureNamesIn(obj),
    classes,
    predict: (X) => decision(X).map((d) => classes[K === 2 ? (d[0]! > threshold ? 1 : 0) : argmax(d)]!),
    decisionFunction: decision,
  });
};

export const multiclass: EstimatorEntry[] = [
  { className: "sklearn.multiclass.OneVsRestClassifier", load: loadOneVsRest },
  { className: "sklearn.multiclass.OneVsOneClassifier", load: loadOneVsOne },
];
