/*
 * Dawid–Skene (1979): each worker has a confusion matrix π[true][given], items have a latent true
 * class with prior ρ, and EM alternates the posterior of each item's class (E) with the counts that
 * re-estimate π and ρ (M). Plain data in and out, no I/O, no randomness: the same answers give the
 * same result to the bit.
 *
 * The update order follows crowd-kit's DawidSkene (Toloka): soft majority vote → M → (E → M)×n, the
 * returned posteriors being those of the last E-step. With `smoothing: 0, shrinkage: 0` the counts are only
 * clipped at 1e-10 as crowd-kit does, so its published step-by-step fixtures are reproduced
 * (crowd-kit.test.ts). The defaults add pseudo-counts instead: a little everywhere, so a worker with
 * few answers never gets a zero that would veto a class outright, and a few answers' worth of the
 * whole crowd's pooled matrix, so such a worker is not taken at their few answers' word.
 *
 * Items may offer fewer classes than the model (a 3-choice question in a history of 3–5-choice ones:
 * classes are choice positions, so an "always the first choice" spammer shows up in one column).
 * Such an item's posterior lives on its own classes only.
 */

/** Bounds of one fit, so a workspace's history cannot make it run away with memory or time. */
export const DAWID_SKENE_LIMITS = {
  classes: 101,
  answers: 2_000_000,
  /** workers × classes², the size of all confusion matrices together. */
  confusionCells: 10_000_000,
  iterations: 1_000,
} as const;

/** One answer: worker `worker` gave class `label` (0-based) to item `item`. */
export interface LabelledAnswer {
  item: string;
  worker: string;
  label: number;
}

export interface DawidSkeneInput {
  /** K: labels are 0 … K−1. */
  classes: number;
  answers: readonly LabelledAnswer[];
  /** Items offering fewer than K classes (0 … n−1); absent items offer all K. */
  itemClasses?: Readonly<Record<string, number>>;
  /** Known true classes (gold questions): these items' posteriors are clamped to them throughout. */
  gold?: Readonly<Record<string, number>>;
}

export interface DawidSkeneOptions {
  /** Most EM rounds after the majority-vote start (0 = majority start and one M-step). Default 100. */
  maxIterations?: number;
  /** Stop when the mean log-likelihood per answer changes by less than this. Default 1e-6. */
  tolerance?: number;
  /** Pseudo-count added to every confusion cell (and prior) before normalising; 0 = crowd-kit's clip. Default 0.01. */
  smoothing?: number;
  /**
   * Pseudo-answers per row drawn towards the whole crowd's pooled matrix (empirical Bayes): a
   * cruncher with few answers looks like the average cruncher rather than like a random one, which
   * keeps posteriors calibrated for adaptive overlap (bench/crowd.ts: 2 beat 0 at every budget
   * and seed tried). Default 2; 0 with smoothing 0 is crowd-kit's update.
   */
  shrinkage?: number;
}

export interface DawidSkeneItem {
  id: string;
  /** P(true class = k | answers), over the item's classes (later classes are 0). */
  posterior: number[];
  /** The most probable class (the lowest on ties). */
  label: number;
}

export interface DawidSkeneWorker {
  id: string;
  /** confusion[true][given] = P(the worker answers `given` | the true class is `true`); rows sum to 1. */
  confusion: number[][];
  /** Σ_k ρ_k π_kk: how often the worker is expected to be right on an item drawn from the priors. */
  accuracy: number;
  answers: number;
}

export interface DawidSkeneResult {
  /** In order of first appearance in the answers. */
  items: DawidSkeneItem[];
  workers: DawidSkeneWorker[];
  /** ρ_k, the share of items of each class. */
  priors: number[];
  /** EM rounds run. */
  iterations: number;
  converged: boolean;
  /** Mean log-likelihood per answer at each round's E-step (non-decreasing up to the smoothing's prior). */
  logLikelihood: number[];
}

const CLIP = 1e-10;

interface Indexed {
  itemIds: string[];
  workerIds: string[];
  /** Per answer: item index, worker index, label. */
  item: Int32Array;
  worker: Int32Array;
  label: Int32Array;
  /** Classes offered by each item. */
  offered: Int32Array;
  /** Gold class per item, −1 when unknown. */
  gold: Int32Array;
}

function indexAnswers(input: DawidSkeneInput): Indexed {
  const { classes: K, answers } = input;
  if (!Number.isInteger(K) || K < 2 || K > DAWID_SKENE_LIMITS.classes) throw new RangeError(`classes must be 2…${DAWID_SKENE_LIMITS.classes}.`);
  if (answers.length > DAWID_SKENE_LIMITS.answers) throw new RangeError(`At most ${DAWID_SKENE_LIMITS.answers} answers per fit.`);
  const itemIndex = new Map<string, number>();
  const workerIndex = new Map<string, number>();
  const item = new Int32Array(answers.length);
  const worker = new Int32Array(answers.length);
  const label = new Int32Array(answers.length);
  answers.forEach((a, n) => {
    if (!Number.isInteger(a.label) || a.label < 0 || a.label >= K) throw new RangeError(`Answer ${n}: label ${a.label} is not a class 0…${K - 1}.`);
    let i = itemIndex.get(a.item);
    if (i === undefined) itemIndex.set(a.item, (i = itemIndex.size));
    let w = workerIndex.get(a.worker);
    if (w === undefined) workerIndex.set(a.worker, (w = workerIndex.size));
    item[n] = i;
    worker[n] = w;
    label[n] = a.label;
  });
  if (workerIndex.size * K * K > DAWID_SKENE_LIMITS.confusionCells) throw new RangeError("Too many workers × classes² for one fit.");
  const itemIds = [...itemIndex.keys()];
  const offered = Int32Array.from(itemIds, (id) => {
    const n = Object.hasOwn(input.itemClasses ?? {}, id) ? input.itemClasses![id]! : K;
    if (!Number.isInteger(n) || n < 1 || n > K) throw new RangeError(`Item ${id}: itemClasses must be 1…${K}.`);
    return n;
  });
  const gold = Int32Array.from(itemIds, (id, i) => {
    if (!Object.hasOwn(input.gold ?? {}, id)) return -1;
    const k = input.gold![id]!;
    if (!Number.isInteger(k) || k < 0 || k >= offered[i]!) throw new RangeError(`Item ${id}: gold class ${k} is not one it offers.`);
    return k;
  });
  for (let n = 0; n < answers.length; n++) {
    if (label[n]! >= offered[item[n]!]!) throw new RangeError(`Answer ${n}: label ${label[n]} is beyond its item's classes.`);
  }
  return { itemIds, workerIds: [...workerIndex.keys()], item, worker, label, offered, gold };
}

/** Posteriors as one flat array, item-major: q[i·K + k]. */
type Posteriors = Float64Array;

function clampGold(data: Indexed, K: number, q: Posteriors): void {
  data.gold.forEach((k, i) => {
    if (k < 0) return;
    q.fill(0, i * K, (i + 1) * K);
    q[i * K + k] = 1;
  });
}

/** Vote shares per item (crowd-kit's MajorityVote probabilities), gold clamped. */
function majorityStart(data: Indexed, K: number): Posteriors {
  const q = new Float64Array(data.itemIds.length * K);
  const votes = new Float64Array(data.itemIds.length);
  for (let n = 0; n < data.item.length; n++) {
    q[data.item[n]! * K + data.label[n]!]! += 1;
    votes[data.item[n]!]! += 1;
  }
  for (let i = 0; i < votes.length; i++) for (let k = 0; k < K; k++) q[i * K + k]! /= votes[i]!;
  clampGold(data, K, q);
  return q;
}

interface Parameters {
  priors: Float64Array;
  /** log π, flat: worker-major, then true class, then given label. */
  logConfusion: Float64Array;
  confusion: Float64Array;
}

function mStep(data: Indexed, K: number, q: Posteriors, smoothing: number, shrinkage: number): Parameters {
  const W = data.workerIds.length;
  const items = data.itemIds.length;
  const counts = new Float64Array(W * K * K);
  for (let n = 0; n < data.item.length; n++) {
    const base = data.worker[n]! * K * K + data.label[n]!;
    const qi = data.item[n]! * K;
    for (let k = 0; k < K; k++) counts[base + k * K]! += q[qi + k]!;
  }
  const pooled = new Float64Array(K * K);
  if (shrinkage > 0) {
    for (let c = 0; c < W * K * K; c++) pooled[c % (K * K)]! += counts[c]!;
    for (let k = 0; k < K; k++) {
      let sum = 0;
      for (let l = 0; l < K; l++) sum += pooled[k * K + l]!;
      for (let l = 0; l < K; l++) pooled[k * K + l] = sum > 0 ? (shrinkage * pooled[k * K + l]!) / sum : shrinkage / K;
    }
  }
  const confusion = new Float64Array(W * K * K);
  for (let row = 0; row < W * K; row++) {
    let sum = 0;
    const prior = (row % K) * K;
    for (let l = 0; l < K; l++) sum += confusion[row * K + l] = Math.max(CLIP, counts[row * K + l]! + smoothing + pooled[prior + l]!);
    for (let l = 0; l < K; l++) confusion[row * K + l]! /= sum;
  }
  const priors = new Float64Array(K);
  for (let i = 0; i < items; i++) for (let k = 0; k < K; k++) priors[k]! += q[i * K + k]!;
  let total = 0;
  for (let k = 0; k < K; k++) total += priors[k] = Math.max(CLIP, priors[k]! + smoothing);
  for (let k = 0; k < K; k++) priors[k]! /= total;
  return { priors, confusion, logConfusion: confusion.map(Math.log) };
}

/** New posteriors and the mean log-likelihood per answer of the parameters. */
function eStep(data: Indexed, K: number, p: Parameters): { q: Posteriors; logLikelihood: number } {
  const items = data.itemIds.length;
  const log = new Float64Array(items * K);
  const logPriors = p.priors.map(Math.log);
  for (let i = 0; i < items; i++) for (let k = 0; k < K; k++) log[i * K + k] = k < data.offered[i]! ? logPriors[k]! : -Infinity;
  // Compensated (Neumaier) sums: a symmetric crowd stays exactly symmetric instead of drifting
  // apart by rounding, which EM would amplify (crowd-kit's overlap test; pandas sums the same way).
  const carry = new Float64Array(items * K);
  for (let n = 0; n < data.item.length; n++) {
    const base = data.worker[n]! * K * K + data.label[n]!;
    const li = data.item[n]! * K;
    for (let k = 0; k < K; k++) {
      const sum = log[li + k]!;
      const term = p.logConfusion[base + k * K]!;
      const next = sum + term;
      carry[li + k]! += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
      log[li + k] = next;
    }
  }
  for (let c = 0; c < carry.length; c++) if (Number.isFinite(log[c]!)) log[c]! += carry[c]!;
  // Shift each row by its maximum before exponentiating, so long products do not underflow.
  const q = new Float64Array(items * K);
  let logLikelihood = 0;
  for (let i = 0; i < items; i++) {
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, log[i * K + k]!);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += q[i * K + k] = Math.exp(log[i * K + k]! - max);
    for (let k = 0; k < K; k++) q[i * K + k]! /= sum;
    logLikelihood += max + Math.log(sum);
  }
  clampGold(data, K, q);
  return { q, logLikelihood: logLikelihood / Math.max(1, data.item.length) };
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k]! > values[best]!) best = k;
  return best;
}

/** Fits the model by EM (module comment). Throws RangeError on malformed input or beyond DAWID_SKENE_LIMITS. */
export function dawidSkene(input: DawidSkeneInput, options: DawidSkeneOptions = {}): DawidSkeneResult {
  const { maxIterations = 100, tolerance = 1e-6, smoothing = 0.01, shrinkage = 2 } = options;
  if (!Number.isInteger(maxIterations) || maxIterations < 0 || maxIterations > DAWID_SKENE_LIMITS.iterations) {
    throw new RangeError(`maxIterations must be 0…${DAWID_SKENE_LIMITS.iterations}.`);
  }
  if (!(smoothing >= 0) || !(tolerance >= 0) || !(shrinkage >= 0)) throw new RangeError("smoothing, shrinkage and tolerance must be ≥ 0.");
  const K = input.classes;
  const data = indexAnswers(input);
  let q = majorityStart(data, K);
  let params = mStep(data, K, q, smoothing, shrinkage);
  const history: number[] = [];
  let converged = false;
  for (let round = 0; round < maxIterations && !converged; round++) {
    const e = eStep(data, K, params);
    q = e.q;
    params = mStep(data, K, q, smoothing, shrinkage);
    const previous = history.at(-1);
    history.push(e.logLikelihood);
    converged = previous !== undefined && Math.abs(e.logLikelihood - previous) < tolerance;
  }
  const priors = Array.from(params.priors);
  const workerAnswers = new Int32Array(data.workerIds.length);
  data.worker.forEach((w) => workerAnswers[w]!++);
  return {
    items: data.itemIds.map((id, i) => {
      const posterior = Array.from(q.subarray(i * K, (i + 1) * K));
      return { id, posterior, label: argmax(posterior) };
    }),
    workers: data.workerIds.map((id, w) => {
      const confusion = Array.from({ length: K }, (_, k) => Array.from(params.confusion.subarray((w * K + k) * K, (w * K + k + 1) * K)));
      return { id, confusion, accuracy: priors.reduce((sum, rho, k) => sum + rho * confusion[k]![k]!, 0), answers: workerAnswers[w]! };
    }),
    priors,
    iterations: history.length,
    converged,
    logLikelihood: history,
  };
}
