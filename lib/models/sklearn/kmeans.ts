/**
 * KMeans: predict = the nearest cluster centre, transform = Euclidean distance to every centre.
 * Both use scikit-learn's expanded form (‖x‖² + ‖c‖² − 2x·c) so results agree to the last bits.
 */
import { attr } from "../pickle/values";
import { classNameOf, featureNamesIn, need, toMatrix, toNumbers } from "./arrays";
import type { ModelBackground } from "./explain/background";
import { withEnumeration } from "./explain/fallback";
import { numericRows } from "./input";
import type { Estimator, EstimatorEntry, Loader } from "./types";

const dot = (a: readonly number[], b: readonly number[]) => {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j]! * b[j]!;
  return s;
};

const loadKMeans: Loader = (obj) => {
  const className = classNameOf(obj);
  const centres = toMatrix(need(obj, "cluster_centers_", className), `${className}.cluster_centers_`);
  const nFeatures = centres[0]?.length ?? 0;
  const centreNorms = centres.map((c) => dot(c, c));

  // sklearn's _labels_inertia: argmin over ‖c‖² − 2x·c (‖x‖² is constant per row); the first minimum wins.
  const assign = (x: readonly number[]) => {
    let best = 0;
    let bestD = Infinity;
    centres.forEach((c, j) => {
      const d = centreNorms[j]! + -2 * dot(x, c);
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    });
    return best;
  };

  // euclidean_distances: −2x·c, then += ‖x‖², then += ‖c‖², clipped at 0, then sqrt.
  const distances = (x: readonly number[]) => {
    const xx = dot(x, x);
    return centres.map((c, j) => Math.sqrt(Math.max(-2 * dot(x, c) + xx + centreNorms[j]!, 0)));
  };

  // Background without uploaded data: the centres weighted by their training cluster sizes (≈ the training mean).
  const labels = attr(obj, "labels_");
  const counts = centres.map(() => 0);
  if (labels !== undefined && labels !== null) for (const l of toNumbers(labels, `${className}.labels_`)) counts[l] = (counts[l] ?? 0) + 1;
  const total = counts.reduce((a, b) => a + b, 0);
  const weights = total > 0 ? counts.map((c) => c / total) : centres.map(() => 1 / centres.length);
  const mean = Array.from({ length: nFeatures }, (_, j) => centres.reduce((s, c, k) => s + weights[k]! * c[j]!, 0));

  const est: Estimator & ModelBackground = {
    className,
    kind: "clusterer",
    nFeatures,
    featureNames: featureNamesIn(obj),
    classes: null,
    predict: (X) => numericRows(X, nFeatures).map(assign),
    transform: (X) => numericRows(X, nFeatures).map(distances),
    modelBackground: () => ({ rows: [mean], source: "model" }),
  };
  return withEnumeration(est);
};

/** k-means clustering (predict = cluster, transform = distances); the assigned centre's distance is explained by coalition enumeration (≤ 12 inputs), else sampled. */
export const kMeans: EstimatorEntry[] = [{ className: "sklearn.cluster._kmeans.KMeans", load: loadKMeans }];
