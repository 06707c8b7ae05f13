/**
 * BaggingClassifier / BaggingRegressor: each member sees its estimators_features_ columns. Classifier
 * probabilities are the members' predict_proba summed (a member that missed classes adds into its own
 * classes_' columns; one without predict_proba adds a vote) and divided by n_estimators;
 * decision_function likewise; a regressor averages predictions (scikit-learn 1.2's _parallel_* helpers, one job).
 */
import { attr, isList, isTuple, type PyValue } from "../../pickle/values";
import { argmax, classNameOf, featureNamesIn, need, nFeaturesIn, toLabels, toNumbers } from "../arrays";
import { checkWidth } from "../input";
import { LoadError, type Estimator, type EstimatorEntry, type InputRow, type Loader, type LoaderContext } from "../types";
import { encodedIndex, loadMembers, withEnumeration } from "./common";

interface Bag {
  className: string;
  members: Estimator[];
  features: number[][];
  nFeatures: number;
  nEstimators: number;
  /** Each member's rows, cut to its features (the input width checked once). */
  inputs(X: InputRow[]): InputRow[][];
}

function readBag(obj: PyValue, ctx: LoaderContext): Bag {
  const className = classNameOf(obj);
  const members = loadMembers(obj, "estimators_", className, ctx);
  const raw = need(obj, "estimators_features_", className);
  if ((!isList(raw) && !isTuple(raw)) || raw.length !== members.length) throw new LoadError("malformed", `${className}: estimators_features_ does not match estimators_`);
  const features = raw.map((f, i) => toNumbers(f, `${className}.estimators_features_[${i}]`));
  const nFeatures = nFeaturesIn(obj) ?? Math.max(...features.flat()) + 1;
  features.forEach((f, i) => {
    if (f.some((j) => !Number.isInteger(j) || j < 0 || j >= nFeatures) || f.length !== members[i]!.nFeatures) {
      throw new LoadError("malformed", `${className}: estimators_features_[${i}] does not fit its member`);
    }
  });
  const n = attr(obj, "n_estimators");
  const nEstimators = typeof n === "number" || typeof n === "bigint" ? Number(n) : members.length;
  return {
    className,
    members,
    features,
    nFeatures,
    nEstimators,
    inputs(X) {
      X.forEach((row, i) => checkWidth(row, nFeatures, i));
      return features.map((f) => X.map((row) => f.map((j) => row[j]!)));
    },
  };
}

const loadBaggingClassifier: Loader = (obj, ctx) => {
  const bag = readBag(obj, ctx);
  const { className, members } = bag;
  const classes = toLabels(need(obj, "classes_", className), `${className}.classes_`);
  const K = classes.length;
  const proba = (X: InputRow[]) => {
    const out = X.map(() => new Array<number>(K).fill(0));
    bag.inputs(X).forEach((Xi, m) => {
      const member = members[m]!;
      if (member.predictProba) {
        const p = member.predictProba(Xi);
        const own = (member.classes ?? []).map((c) => encodedIndex(c, K, className));
        p.forEach((row, r) => row.forEach((v, c) => (out[r]![own.length === K ? c : own[c]!]! += v)));
      } else member.predict(Xi).forEach((label, r) => (out[r]![encodedIndex(label, K, className)]! += 1));
    });
    return out.map((row) => row.map((v) => v / bag.nEstimators));
  };
  const est: Estimator = {
    className,
    kind: "classifier",
    nFeatures: bag.nFeatures,
    featureNames: featureNamesIn(obj),
    classes,
    predict: (X) => proba(X).map((p) => classes[argmax(p)]!),
    predictProba: proba,
  };
  if (members.every((m) => m.decisionFunction)) {
    est.decisionFunction = (X) => {
      let sum: number[][] | null = null;
      bag.inputs(X).forEach((Xi, m) => {
        const d = members[m]!.decisionFunction!(Xi);
        sum = sum ? sum.map((row, r) => row.map((v, c) => v + d[r]![c]!)) : d.map((row) => [...row]);
      });
      return sum!.map((row) => row.map((v) => v / bag.nEstimators));
    };
  }
  return withEnumeration(est);
};

const loadBaggingRegressor: Loader = (obj, ctx) => {
  const bag = readBag(obj, ctx);
  return withEnumeration<Estimator>({
    className: bag.className,
    kind: "regressor",
    nFeatures: bag.nFeatures,
    featureNames: featureNamesIn(obj),
    classes: null,
    predict: (X) => {
      const sums = X.map(() => 0);
      bag.inputs(X).forEach((Xi, m) => bag.members[m]!.predict(Xi).forEach((v, r) => (sums[r]! += Number(v))));
      return sums.map((s) => s / bag.nEstimators);
    },
  });
};

export const bagging: EstimatorEntry[] = [
  { className: "sklearn.ensemble._bagging.BaggingClassifier", load: loadBaggingClassifier },
  { className: "sklearn.ensemble._bagging.BaggingRegressor", load: loadBaggingRegressor },
];
