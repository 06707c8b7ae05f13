/**
 * AdaBoostClassifier (SAMME.R: members' clipped log-probabilities centred per row; SAMME: weighted
 * votes; both divided by Σ estimator_weights_, binary models folded to one margin, probabilities by
 * softmax of decision/(K−1)) and AdaBoostRegressor (the weighted median of members' predictions).
 */
import { type PyValue } from "../../pickle/values";
import { argmax, classNameOf, featureNamesIn, need, npSum, stringAttr, toLabels } from "../arrays";
import { LoadError, type Estimator, type EstimatorEntry, type InputRow, type Label, type Loader } from "../types";
import { commonWidth, loadMembers, vector, withEnumeration } from "./common";

const EPS = 2 ** -52;

/** _samme_proba: (K−1)·(log p − mean log p) with p clipped below at ε. */
function sammeProba(p: readonly number[], K: number): number[] {
  const logp = p.map((v) => Math.log(Math.max(v, EPS)));
  const total = npSum(logp);
  return logp.map((v) => (K - 1) * (v - (1.0 / K) * total));
}

/** sklearn.utils.extmath.softmax of one row. */
function softmax(z: readonly number[]): number[] {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  const e = z.map((v) => Math.exp(v - max));
  const sum = npSum(e);
  return e.map((v) => v / sum);
}

const sameLabel = (a: Label, b: Label) => a === b || (typeof a !== typeof b && String(a) === String(b));

/**
 * scikit-learn 1.3 changed SAMME's votes (PR 26521): a member's wrong classes get −w/(K−1) instead of 0.
 * The layout is the same, so only the recorded version tells them apart (none recorded: an old file).
 */
function symmetricSamme(version: string | null): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version ?? "");
  return m !== null && (Number(m[1]) > 1 || (Number(m[1]) === 1 && Number(m[2]) >= 3));
}

const loadAdaBoostClassifier: Loader = (obj: PyValue, ctx) => {
  const className = classNameOf(obj);
  const members = loadMembers(obj, "estimators_", className, ctx);
  const classes = toLabels(need(obj, "classes_", className), `${className}.classes_`);
  const K = classes.length;
  if (K < 2) throw new LoadError("unsupported_class", `${className} fitted on one class cannot be served`);
  const weights = vector(obj, "estimator_weights_", className, members.length);
  // 1.6 deprecated the parameter ('deprecated' means SAMME) and later releases drop it: absent is SAMME.
  const stored = stringAttr(obj, "algorithm", "SAMME");
  const algorithm = stored === "deprecated" ? "SAMME" : stored;
  const symmetric = symmetricSamme(ctx.sklearnVersion);
  if (algorithm !== "SAMME.R" && algorithm !== "SAMME") throw new LoadError("unsupported_class", `${className} with algorithm '${algorithm}' cannot be served`);
  if (algorithm === "SAMME.R" && members.some((m) => !m.predictProba || m.classes?.length !== K)) {
    throw new LoadError("malformed", `${className}: SAMME.R members need predict_proba over every class`);
  }
  const weightSum = npSum(weights);
  const decision = (X: InputRow[]): number[][] => {
    const pred = X.map(() => new Array<number>(K).fill(0));
    members.forEach((m, i) => {
      if (algorithm === "SAMME.R") m.predictProba!(X).forEach((p, r) => sammeProba(p, K).forEach((v, k) => (pred[r]![k]! += v)));
      else {
        const w = weights[i]!;
        const miss = symmetric ? (-1 / (K - 1)) * w : 0;
        m.predict(X).forEach((label, r) => classes.forEach((c, k) => (pred[r]![k]! += sameLabel(label, c) ? w : miss)));
      }
    });
    return pred.map((row) => {
      const d = row.map((v) => v / weightSum);
      return K === 2 ? [-d[0]! + d[1]!] : d;
    });
  };
  const est: Estimator = {
    className,
    kind: "classifier",
    nFeatures: commonWidth(members, className),
    featureNames: featureNamesIn(obj),
    classes,
    predict: (X) => decision(X).map((d) => classes[K === 2 ? (d[0]! > 0 ? 1 : 0) : argmax(d)]!),
    decisionFunction: decision,
    predictProba: (X) => decision(X).map((d) => softmax(K === 2 ? [-d[0]! / 2, d[0]! / 2] : d.map((v) => v / (K - 1)))),
  };
  return withEnumeration(est);
};

const loadAdaBoostRegressor: Loader = (obj, ctx) => {
  const className = classNameOf(obj);
  const members = loadMembers(obj, "estimators_", className, ctx);
  const weights = vector(obj, "estimator_weights_", className, members.length);
  return withEnumeration<Estimator>({
    className,
    kind: "regressor",
    nFeatures: commonWidth(members, className),
    featureNames: featureNamesIn(obj),
    classes: null,
    predict: (X) => {
      const each = members.map((m) => m.predict(X).map(Number));
      return X.map((_, r) => {
        // _get_median_predict: sort the predictions, the first whose cumulative weight reaches half the total.
        const order = each.map((_, i) => i).sort((a, b) => each[a]![r]! - each[b]![r]!);
        const cdf: number[] = [];
        let acc = 0;
        for (const i of order) cdf.push((acc += weights[i]!));
        const half = 0.5 * cdf[cdf.length - 1]!;
        const at = cdf.findIndex((c) => c >= half);
        return each[order[at]!]![r]!;
      });
    },
  });
};

export const adaBoost: EstimatorEntry[] = [
  { className: "sklearn.ensemble._weight_boosting.AdaBoostClassifier", load: loadAdaBoostClassifier },
  { className: "sklearn.ensemble._weight_boosting.AdaBoostRegressor", load: loadAdaBoostRegressor },
];
