/**
 * VotingClassifier ('soft': the weighted average of members' predict_proba, then the first argmax;
 * 'hard': the weighted bincount of members' encoded predictions) and VotingRegressor (the weighted
 * average of predictions), as np.average computes them.
 */
import { attr, type PyValue } from "../../pickle/values";
import { argmax, classNameOf, featureNamesIn, need, npSum, stringAttr, toLabels, toNumbers } from "../arrays";
import { LoadError, type Estimator, type EstimatorEntry, type InputRow, type Loader } from "../types";
import { commonWidth, encodedIndex, loadMembers, withEnumeration } from "./common";

function weightsOf(obj: PyValue, className: string, n: number): number[] | null {
  const w = attr(obj, "weights");
  if (w === undefined || w === null) return null;
  // weights covers every listed estimator; 'drop' ones are left out, as _weights_not_none does.
  const all = toNumbers(w, `${className}.weights`);
  const listed = attr(obj, "estimators");
  const dropped = Array.isArray(listed) ? listed.map((e) => Array.isArray(e) && e[1] === "drop") : all.map(() => false);
  const kept = all.filter((_, i) => !dropped[i]);
  if (kept.length !== n) throw new LoadError("malformed", `${className}: ${all.length} weights for ${n} estimators`);
  return kept;
}

/** np.average over members (axis 0 of stacked outputs): Σ w·a / Σw, or the plain mean. */
function average(values: readonly number[], weights: readonly number[] | null): number {
  if (!weights) {
    let s = 0;
    for (const v of values) s += v;
    return s / values.length;
  }
  let s = 0;
  values.forEach((v, i) => (s += v * weights[i]!));
  return s / npSum(weights);
}

const loadVotingClassifier: Loader = (obj, ctx) => {
  const className = classNameOf(obj);
  const members = loadMembers(obj, "estimators_", className, ctx);
  const nFeatures = commonWidth(members, className);
  const classes = toLabels(need(obj, "classes_", className), `${className}.classes_`);
  const weights = weightsOf(obj, className, members.length);
  const soft = stringAttr(obj, "voting", "hard") === "soft";
  const proba = (X: InputRow[]) => {
    const each = members.map((m) => {
      if (!m.predictProba) throw new LoadError("malformed", `${className}: soft voting needs predict_proba from ${m.className}`);
      return m.predictProba(X);
    });
    return X.map((_, r) => classes.map((_, k) => average(each.map((p) => p[r]![k]!), weights)));
  };
  const est: Estimator = {
    className,
    kind: "classifier",
    nFeatures,
    featureNames: featureNamesIn(obj),
    classes,
    predict: soft
      ? (X) => proba(X).map((p) => classes[argmax(p)]!)
      : (X) => {
          const each = members.map((m) => m.predict(X));
          return X.map((_, r) => {
            // np.bincount(predictions, weights): per class, the members' weights summed in member order.
            const counts = classes.map(() => 0);
            each.forEach((p, i) => (counts[encodedIndex(p[r], classes.length, className)]! += weights ? weights[i]! : 1));
            return classes[argmax(counts)]!;
          });
        },
  };
  if (soft) {
    if (members.some((m) => !m.predictProba)) throw new LoadError("malformed", `${className}: soft voting needs predict_proba from every member`);
    est.predictProba = proba;
    // transform: every member's probabilities side by side (flatten_transform; the 3-D form is not served).
    if (attr(obj, "flatten_transform") !== false) {
      est.transform = (X) => {
        const each = members.map((m) => m.predictProba!(X));
        return X.map((_, r) => each.flatMap((p) => p[r]!));
      };
    }
  } else est.transform = (X) => {
    const each = members.map((m) => m.predict(X).map(Number));
    return X.map((_, r) => each.map((p) => p[r]!));
  };
  return withEnumeration(est);
};

const loadVotingRegressor: Loader = (obj, ctx) => {
  const className = classNameOf(obj);
  const members = loadMembers(obj, "estimators_", className, ctx);
  const weights = weightsOf(obj, className, members.length);
  return withEnumeration<Estimator>({
    className,
    kind: "regressor",
    nFeatures: commonWidth(members, className),
    featureNames: featureNamesIn(obj),
    classes: null,
    transform: (X) => {
      const each = members.map((m) => m.predict(X).map(Number));
      return X.map((_, r) => each.map((p) => p[r]!));
    },
    predict: (X) => {
      const each = members.map((m) => m.predict(X).map(Number));
      // np.average along a contiguous row: the plain mean sums pairwise, the weighted one multiplies then sums.
      return X.map((_, r) => {
        const row = each.map((p) => p[r]!);
        return weights ? npSum(row.map((v, i) => v * weights[i]!)) / npSum(weights) : npSum(row) / row.length;
      });
    },
  });
};

export const voting: EstimatorEntry[] = [
  { className: "sklearn.ensemble._voting.VotingClassifier", load: loadVotingClassifier },
  { className: "sklearn.ensemble._voting.VotingRegressor", load: loadVotingRegressor },
];
