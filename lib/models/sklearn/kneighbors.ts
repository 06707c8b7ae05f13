/**
 * KNeighborsClassifier / KNeighborsRegressor by brute force over the stored training set (_fit_X):
 * the pickled KD/ball tree is ignored. Neighbours are ordered by distance, ties by training-row index
 * (sklearn's tree order for exact ties is not specified; only the k-th-neighbour tie can differ).
 */
import { attr, type PyValue } from "../pickle/values";
import { argmax, classNameOf, featureNamesIn, need, stringAttr, toLabels, toMatrix, toNumbers } from "./arrays";
import { numericRows } from "./input";
import type { ModelBackground } from "./explain/background";
import { withEnumeration } from "./explain/fallback";
import { DEFAULT_BUDGET_MS } from "./explain/sampling";
import { LoadError, type Estimator, type EstimatorEntry, type ExplainContext, type InputRow, type Loader } from "./types";

type Distance = (a: readonly number[], b: readonly number[]) => number;

function metricOf(obj: PyValue, className: string): Distance {
  const metric = stringAttr(obj, "effective_metric_", stringAttr(obj, "metric", "minkowski"));
  const params = attr(obj, "effective_metric_params_");
  // Weighted metrics (w=…) and other parameters change distances: refuse rather than ignore them.
  if (params instanceof Map && [...params.keys()].some((key) => key !== "p")) {
    throw new LoadError("unsupported_class", `${className} with metric parameters other than p cannot be served`);
  }
  const pParam = params instanceof Map ? params.get("p") : undefined;
  const p = typeof pParam === "number" ? pParam : metric === "minkowski" ? Number(attr(obj, "p") ?? 2) : 2;
  if (metric === "euclidean" || (metric === "minkowski" && p === 2)) {
    return (a, b) => {
      let s = 0;
      for (let j = 0; j < a.length; j++) {
        const d = a[j]! - b[j]!;
        s += d * d;
      }
      return Math.sqrt(s);
    };
  }
  if (metric === "manhattan" || (metric === "minkowski" && p === 1)) {
    return (a, b) => a.reduce((s, v, j) => s + Math.abs(v - b[j]!), 0);
  }
  if (metric === "chebyshev") return (a, b) => a.reduce((m, v, j) => Math.max(m, Math.abs(v - b[j]!)), 0);
  if (metric === "minkowski" && p > 0) {
    return (a, b) => a.reduce((s, v, j) => s + Math.abs(v - b[j]!) ** p, 0) ** (1 / p);
  }
  throw new LoadError("unsupported_class", `${className} with metric ${metric} cannot be served`);
}

interface Neighbours {
  index: number[];
  dist: number[];
}

/** The k nearest training rows of x, nearest first (insertion into a sorted list of k: n·k worst case). */
function kNearest(fitX: readonly number[][], x: readonly number[], k: number, distance: Distance): Neighbours {
  const index: number[] = [];
  const dist: number[] = [];
  for (let i = 0; i < fitX.length; i++) {
    const d = distance(x, fitX[i]!);
    if (index.length === k && d >= dist[k - 1]!) continue;
    let pos = index.length === k ? k - 1 : index.length;
    while (pos > 0 && dist[pos - 1]! > d) pos--;
    index.splice(pos, 0, i);
    dist.splice(pos, 0, d);
    if (index.length > k) {
      index.pop();
      dist.pop();
    }
  }
  return { index, dist };
}

/** sklearn's _get_weights: uniform → 1; distance → 1/d, except that exact matches (d = 0) take all the weight. */
function weightsOf(dist: readonly number[], mode: string): number[] {
  if (mode === "uniform") return dist.map(() => 1);
  if (dist.some((d) => d === 0)) return dist.map((d) => (d === 0 ? 1 : 0));
  return dist.map((d) => 1 / d);
}

function readCommon(obj: PyValue) {
  const className = classNameOf(obj);
  const fitX = toMatrix(need(obj, "_fit_X", className), `${className}._fit_X`);
  const nFeatures = fitX[0]?.length ?? 0;
  const k = Number(need(obj, "n_neighbors", className));
  const weights = stringAttr(obj, "weights", "uniform");
  if (weights !== "uniform" && weights !== "distance") {
    throw new LoadError("unsupported_class", `${className} with weights=${String(attr(obj, "weights"))} cannot be served`);
  }
  if (!Number.isInteger(k) || k < 1 || k > fitX.length) throw new LoadError("malformed", `${className}: bad n_neighbors`);
  if (attr(obj, "outputs_2d_") === true) throw new LoadError("unsupported_class", `multi-output ${className} cannot be served`);
  const distance = metricOf(obj, className);
  const neighbours = (X: InputRow[]) => numericRows(X, nFeatures).map((x) => kNearest(fitX, x, k, distance));
  // Explainers without uploaded data sample their background from the training set the model keeps.
  const modelBackground = () => ({ rows: fitX.filter((_, i) => i % Math.ceil(fitX.length / 100) === 0), source: "model" as const });
  return { className, fitX, nFeatures, weights, neighbours, modelBackground, featureNames: featureNamesIn(obj) };
}

const loadClassifier: Loader = (obj) => {
  const c = readCommon(obj);
  const classes = toLabels(need(obj, "classes_", c.className), `${c.className}.classes_`);
  const y = toNumbers(need(obj, "_y", c.className), `${c.className}._y`); // indices into classes_
  const proba = (X: InputRow[]) =>
    c.neighbours(X).map(({ index, dist }) => {
      const w = weightsOf(dist, c.weights);
      const p = classes.map(() => 0);
      index.forEach((i, n) => (p[y[i]!]! += w[n]!));
      let total = 0;
      for (const v of p) total += v;
      return p.map((v) => v / total);
    });
  const est: Estimator & ModelBackground = {
    className: c.className,
    kind: "classifier",
    nFeatures: c.nFeatures,
    featureNames: c.featureNames,
    classes,
    // The (weighted) mode; the lowest class index wins ties, as scipy.stats.mode / weighted_mode do.
    predict: (X) => proba(X).map((p) => classes[argmax(p)]!),
    predictProba: proba,
    modelBackground: c.modelBackground,
  };
  return withEnumeration(est, rowsWithinBudget(c.fitX.length, c.nFeatures));
};

/** Distance terms per ms, conservatively: a brute-force query costs n_train · n_features of them. */
const DISTANCE_TERMS_PER_MS = 100_000;
const rowsWithinBudget = (nTrain: number, nFeatures: number) => (ctx: ExplainContext) =>
  ((ctx.budgetMs ?? DEFAULT_BUDGET_MS) * DISTANCE_TERMS_PER_MS) / Math.max(1, nTrain * nFeatures);

const loadRegressor: Loader = (obj) => {
  const c = readCommon(obj);
  const y = toNumbers(need(obj, "_y", c.className), `${c.className}._y`);
  if (y.length !== c.fitX.length) throw new LoadError("unsupported_class", `multi-output ${c.className} cannot be served`);
  const est: Estimator & ModelBackground = {
    className: c.className,
    kind: "regressor",
    nFeatures: c.nFeatures,
    featureNames: c.featureNames,
    classes: null,
    predict: (X) =>
      c.neighbours(X).map(({ index, dist }) => {
        // Sum in neighbour order, then divide, as np.mean / np.sum(…)/np.sum(w) do.
        const w = weightsOf(dist, c.weights);
        let num = 0;
        let den = 0;
        index.forEach((i, n) => {
          num += c.weights === "uniform" ? y[i]! : y[i]! * w[n]!;
          den += w[n]!;
        });
        return num / den;
      }),
    modelBackground: c.modelBackground,
  };
  return withEnumeration(est, rowsWithinBudget(c.fitX.length, c.nFeatures));
};

/** Brute-force k-nearest neighbours; coalition enumeration within the latency budget (≤ 12 inputs), else sampling of the training set. */
export const kNeighbors: EstimatorEntry[] = [
  { className: "sklearn.neighbors._classification.KNeighborsClassifier", load: loadClassifier },
  { className: "sklearn.neighbors._regression.KNeighborsRegressor", load: loadRegressor },
];
