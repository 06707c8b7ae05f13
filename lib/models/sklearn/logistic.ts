/**
 * How scikit-learn 1.2 turns linear decision values into probabilities (docs/sklearn-pickles.md §9). Each function takes
 * the decision_function matrix [row][output] (one column for binary models) and mirrors numpy's order
 * of operations so results match to the last bits.
 */

/** scipy.special.expit as scipy 1.10 computes it. */
export const expit = (z: number): number => 1 / (1 + Math.exp(-z));

/** LinearClassifierMixin._predict_proba_lr: binary → [1−p, p]; multiclass → per-class sigmoids normalised (OvR). */
export function ovrProba(decision: readonly (readonly number[])[]): number[][] {
  return decision.map((row) => {
    if (row.length === 1) {
      const p = expit(row[0]!);
      return [1 - p, p];
    }
    const p = row.map(expit);
    let sum = 0;
    for (const v of p) sum += v;
    return p.map((v) => v / sum);
  });
}

/** sklearn.utils.extmath.softmax; a binary margin d becomes the pair [−d, d] first. */
export function softmaxProba(decision: readonly (readonly number[])[]): number[][] {
  return decision.map((row) => {
    const z = row.length === 1 ? [-row[0]!, row[0]!] : [...row];
    let max = -Infinity;
    for (const v of z) if (v > max) max = v;
    const e = z.map((v) => Math.exp(v - max));
    let sum = 0;
    for (const v of e) sum += v;
    return e.map((v) => v / sum);
  });
}

/** SGDClassifier with loss="modified_huber": (clip(d, −1, 1) + 1) / 2, normalised for multiclass. */
export function modifiedHuberProba(decision: readonly (readonly number[])[]): number[][] {
  return decision.map((row) => {
    const p = row.map((d) => (Math.min(1, Math.max(-1, d)) + 1) / 2);
    if (row.length === 1) return [1 - p[0]!, p[0]!];
    let sum = 0;
    for (const v of p) sum += v;
    // A row whose clipped scores are all −1 carries no information: uniform, as sklearn does.
    if (sum === 0) return p.map(() => 1 / p.length);
    return p.map((v) => v / sum);
  });
}

/**
 * Whether LogisticRegression.predict_proba is one-vs-rest (a sigmoid per class) rather than softmax.
 * multi_class 'auto' (and 1.5+'s 'deprecated') means OvR for binary models and for liblinear.
 */
export function logisticIsOvr(multiClass: string, solver: string, nClasses: number): boolean {
  if (multiClass === "ovr" || multiClass === "warn") return true;
  if (multiClass === "auto" || multiClass === "deprecated") return nClasses <= 2 || solver === "liblinear";
  return false;
}
