/**
 * Prequential metrics (spec §5.1): every labelled example is scored before it is learned, and the
 * scores are kept cumulatively and over rolling windows of the last 200 and 1,000 examples.
 *
 * State is plain JSON. Each tracker keeps a ring buffer of its last `capacity` examples (the largest
 * window), stored column by column as arrays; a window drops the example that leaves it by reading
 * it back from the ring, so an update costs O(1) (O(classes) to add a new class). Float sums over a
 * window are rebuilt from the ring every `size` updates (amortised O(1)) so add/subtract rounding
 * never accumulates over a long-lived loop.
 */

export const ROLLING_WINDOWS: readonly number[] = [200, 1000];

/** Probabilities are clipped before the log so a confident miss costs ≈ 34.5, not Infinity. */
export const LOG_LOSS_CLIP = 1e-15;

export function logLoss(pTrue: number): number {
  return -Math.log(Math.min(Math.max(pTrue, LOG_LOSS_CLIP), 1 - LOG_LOSS_CLIP));
}

/** Slot of the 0-based example `index` in a ring of `capacity`. */
const slotOf = (index: number, capacity: number): number => index % capacity;

function checkWindows(windows: readonly number[]): number {
  for (const w of windows) if (!Number.isInteger(w) || w < 1) throw new RangeError(`bad window size ${w}`);
  return Math.max(1, ...windows);
}

// ---------------------------------------------------------------- classification

interface ClassificationAggregate {
  n: number;
  correct: number;
  /** Examples that came with probabilities; log-loss is averaged over these only. */
  n_log_loss: number;
  log_loss_sum: number;
  /** Per class index: true positives, false positives, false negatives. */
  tp: number[];
  fp: number[];
  fn: number[];
}

export interface ClassificationMetricsState {
  task_type: "classification";
  /** Labels (as strings) in first-seen order; the columns below hold indexes into it. */
  classes: string[];
  /** Examples scored so far. */
  count: number;
  capacity: number;
  /** Ring of the last `capacity` examples: true class, predicted class (−1 = none), log-loss (null = no probabilities). */
  true_class: number[];
  predicted_class: number[];
  log_loss: (number | null)[];
  cumulative: ClassificationAggregate;
  windows: (ClassificationAggregate & { size: number })[];
}

export interface ClassificationMetrics {
  n: number;
  accuracy: number | null;
  log_loss: number | null;
  /** Mean F1 over the classes present (as truth or prediction) in the cumulative data or window. */
  macro_f1: number | null;
}

const emptyClassificationAggregate = (classes: number): ClassificationAggregate => ({
  n: 0,
  correct: 0,
  n_log_loss: 0,
  log_loss_sum: 0,
  tp: new Array<number>(classes).fill(0),
  fp: new Array<number>(classes).fill(0),
  fn: new Array<number>(classes).fill(0),
});

export function createClassificationMetrics(windows: readonly number[] = ROLLING_WINDOWS): ClassificationMetricsState {
  return {
    task_type: "classification",
    classes: [],
    count: 0,
    capacity: checkWindows(windows),
    true_class: [],
    predicted_class: [],
    log_loss: [],
    cumulative: emptyClassificationAggregate(0),
    windows: windows.map((size) => ({ size, ...emptyClassificationAggregate(0) })),
  };
}

function classIndex(state: ClassificationMetricsState, label: string): number {
  let i = state.classes.indexOf(label);
  if (i < 0) {
    i = state.classes.push(label) - 1;
    for (const agg of [state.cumulative, ...state.windows]) {
      agg.tp.push(0);
      agg.fp.push(0);
      agg.fn.push(0);
    }
  }
  return i;
}

/** sign = +1 adds an example to the aggregate, −1 takes it out again. */
function applyClassification(agg: ClassificationAggregate, t: number, p: number, ll: number | null, sign: 1 | -1): void {
  agg.n += sign;
  if (t === p) {
    agg.correct += sign;
    agg.tp[t]! += sign;
  } else {
    agg.fn[t]! += sign;
    if (p >= 0) agg.fp[p]! += sign;
  }
  if (ll !== null) {
    agg.n_log_loss += sign;
    agg.log_loss_sum += sign * ll;
    if (agg.n_log_loss === 0) agg.log_loss_sum = 0;
  }
}

/**
 * Scores one prediction. `predicted` is null when the model had no class to offer (it counts as
 * wrong, and as a false negative only). `pTrue` is the probability the model gave the true class
 * (0 if the class was unknown to it), or null when it gave no probabilities (no log-loss then).
 */
export function updateClassificationMetrics(
  state: ClassificationMetricsState,
  actual: string,
  predicted: string | null,
  pTrue: number | null,
): void {
  const t = classIndex(state, actual);
  const p = predicted === null ? -1 : classIndex(state, predicted);
  const ll = pTrue === null || !Number.isFinite(pTrue) ? null : logLoss(pTrue);
  const index = state.count;
  // Evict before writing: the largest window's leaving example sits in the slot about to be reused.
  for (const w of state.windows) {
    if (index >= w.size) {
      const s = slotOf(index - w.size, state.capacity);
      applyClassification(w, state.true_class[s]!, state.predicted_class[s]!, state.log_loss[s] ?? null, -1);
    }
  }
  const slot = slotOf(index, state.capacity);
  state.true_class[slot] = t;
  state.predicted_class[slot] = p;
  state.log_loss[slot] = ll;
  state.count += 1;
  applyClassification(state.cumulative, t, p, ll, 1);
  for (const w of state.windows) {
    applyClassification(w, t, p, ll, 1);
    if (state.count % w.size === 0) {
      // Rebuild the only float sum from the ring (counts are integers, hence exact).
      let sum = 0;
      for (let i = state.count - w.size; i < state.count; i++) sum += state.log_loss[slotOf(i, state.capacity)] ?? 0;
      w.log_loss_sum = sum;
    }
  }
}

function classificationValuesOf(agg: ClassificationAggregate): ClassificationMetrics {
  let f1Sum = 0;
  let present = 0;
  agg.tp.forEach((tp, c) => {
    const denominator = 2 * tp + agg.fp[c]! + agg.fn[c]!;
    if (denominator > 0) {
      f1Sum += (2 * tp) / denominator;
      present += 1;
    }
  });
  return {
    n: agg.n,
    accuracy: agg.n === 0 ? null : agg.correct / agg.n,
    log_loss: agg.n_log_loss === 0 ? null : agg.log_loss_sum / agg.n_log_loss,
    macro_f1: present === 0 ? null : f1Sum / present,
  };
}

/** Cumulative metrics, or those of the rolling window of the given size. */
export function classificationMetrics(state: ClassificationMetricsState, window?: number): ClassificationMetrics {
  if (window === undefined) return classificationValuesOf(state.cumulative);
  const w = state.windows.find((x) => x.size === window);
  if (!w) throw new RangeError(`no rolling window of size ${window}`);
  return classificationValuesOf(w);
}

// ---------------------------------------------------------------- regression

interface RegressionAggregate {
  n: number;
  abs_sum: number;
  sq_sum: number;
  /** Welford stats of the scored targets: SST = y_m2. */
  y_mean: number;
  y_m2: number;
}

export interface RegressionMetricsState {
  task_type: "regression";
  count: number;
  capacity: number;
  /** Ring of the last `capacity` examples: target and signed residual y − ŷ. */
  y: number[];
  residual: number[];
  cumulative: RegressionAggregate;
  windows: (RegressionAggregate & { size: number })[];
}

export interface RegressionMetrics {
  n: number;
  mae: number | null;
  rmse: number | null;
  /** 1 − SSE/SST with SST around the mean of the scored targets; null while SST = 0. */
  r2: number | null;
}

const emptyRegressionAggregate = (): RegressionAggregate => ({ n: 0, abs_sum: 0, sq_sum: 0, y_mean: 0, y_m2: 0 });

export function createRegressionMetrics(windows: readonly number[] = ROLLING_WINDOWS): RegressionMetricsState {
  return {
    task_type: "regression",
    count: 0,
    capacity: checkWindows(windows),
    y: [],
    residual: [],
    cumulative: emptyRegressionAggregate(),
    windows: windows.map((size) => ({ size, ...emptyRegressionAggregate() })),
  };
}

function addRegression(agg: RegressionAggregate, y: number, r: number): void {
  agg.n += 1;
  agg.abs_sum += Math.abs(r);
  agg.sq_sum += r * r;
  const d = y - agg.y_mean;
  agg.y_mean += d / agg.n;
  agg.y_m2 += d * (y - agg.y_mean);
}

/** Exact inverse of addRegression up to rounding; this form keeps a constant window at SST = 0. */
function removeRegression(agg: RegressionAggregate, y: number, r: number): void {
  agg.n -= 1;
  if (agg.n === 0) {
    Object.assign(agg, emptyRegressionAggregate());
    return;
  }
  agg.abs_sum -= Math.abs(r);
  agg.sq_sum -= r * r;
  const meanBefore = agg.y_mean;
  agg.y_mean -= (y - meanBefore) / agg.n;
  agg.y_m2 = Math.max(0, agg.y_m2 - (y - meanBefore) * (y - agg.y_mean));
}

/** Scores one regression prediction: the target y and the model's prediction ŷ (finite numbers). */
export function updateRegressionMetrics(state: RegressionMetricsState, y: number, predicted: number): void {
  if (!Number.isFinite(y) || !Number.isFinite(predicted)) throw new RangeError("regression metrics need finite numbers");
  const r = y - predicted;
  const index = state.count;
  for (const w of state.windows) {
    if (index >= w.size) {
      const s = slotOf(index - w.size, state.capacity);
      removeRegression(w, state.y[s]!, state.residual[s]!);
    }
  }
  const slot = slotOf(index, state.capacity);
  state.y[slot] = y;
  state.residual[slot] = r;
  state.count += 1;
  addRegression(state.cumulative, y, r);
  for (const w of state.windows) {
    addRegression(w, y, r);
    if (state.count % w.size === 0) {
      const fresh = emptyRegressionAggregate();
      for (let i = state.count - w.size; i < state.count; i++) {
        const s = slotOf(i, state.capacity);
        addRegression(fresh, state.y[s]!, state.residual[s]!);
      }
      Object.assign(w, fresh);
    }
  }
}

function regressionValuesOf(agg: RegressionAggregate): RegressionMetrics {
  if (agg.n === 0) return { n: 0, mae: null, rmse: null, r2: null };
  return {
    n: agg.n,
    mae: Math.max(0, agg.abs_sum) / agg.n,
    rmse: Math.sqrt(Math.max(0, agg.sq_sum) / agg.n),
    r2: agg.y_m2 > 0 ? 1 - Math.max(0, agg.sq_sum) / agg.y_m2 : null,
  };
}

/** Cumulative metrics, or those of the rolling window of the given size. */
export function regressionMetrics(state: RegressionMetricsState, window?: number): RegressionMetrics {
  if (window === undefined) return regressionValuesOf(state.cumulative);
  const w = state.windows.find((x) => x.size === window);
  if (!w) throw new RangeError(`no rolling window of size ${window}`);
  return regressionValuesOf(w);
}
