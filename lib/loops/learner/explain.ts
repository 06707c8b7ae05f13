import type { Contributor, Explanation, LoopSpec } from "../types";
import { CATEGORY, NUMBERS, NUMERIC, PRESENT, type FeatureViews } from "./features";
import { lossOf } from "./losses";
import type { CategoryTable, LearnerState } from "./state";

/**
 * Exact additive explanations (docs/loops-learner.md §4): interventional linear SHAP on the encoded columns, summed per
 * feature. With β the margin at the "average input" (numbers at their mean, categories at their observed
 * frequencies), every margin splits exactly as m = β + Σ_f c_f. All stats are the ones used at predict
 * time.
 *
 * Reported units (§4.2): log-odds for a boolean output; for multiclass, the centred logit of the
 * explained class k, i.e. Σ_r (δ_rk − 1/K)·(raw value of row r), which keeps the sum exact because it is
 * linear; for regression, target units: baseline μ_y + s·β, contributions s·c, margin = ŷ.
 */

/** Fewer labelled examples than this and the explanation is flagged warming_up (§4.4). */
export const WARM_UP_EXAMPLES = 10;

export interface ExplainArgs {
  spec: LoopSpec;
  state: LearnerState;
  views: FeatureViews;
  /** Raw margins per weight row, as the prediction used them. */
  margins: number[];
  /** The row explained: the predicted class for multiclass, 0 otherwise. */
  row: number;
  topK: number;
}

/** Σ_v p_{f,v}·w_{f,v} for one weight row, with p = count / n_learned. */
function categoryBaselineTerm(table: CategoryTable, weights: number[], nLearned: number): number {
  if (nLearned === 0) return 0;
  let sum = 0;
  const slots = table.slots;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    sum += slot.count * weights[slot.col]!;
  }
  return sum / nLearned;
}

/**
 * A table's baseline terms for every weight row, remembered while the state does not change. The terms
 * do not depend on the input, yet cost slots × classes to compute: without the memo a large model
 * (100,000 weights) would cost that much on every predicted row. Weights, counts, slots and classes
 * change only when an example is learned, which moves n_learned, so (n_learned, rows, slots) tells a
 * current memo from a stale one. Small tables are computed each time, as before: cheaper than the lookup.
 */
interface BaselineMemo {
  nLearned: number;
  rows: number;
  slots: number;
  terms: Float64Array;
}
const baselineMemos = new WeakMap<CategoryTable, BaselineMemo>();
const MEMO_MIN_WORK = 256;

function memoisedBaselineTerms(table: CategoryTable, state: LearnerState): Float64Array | null {
  const rows = state.weights.length;
  const slots = table.slots.length;
  if (rows * slots < MEMO_MIN_WORK) return null;
  let memo = baselineMemos.get(table);
  if (memo === undefined || memo.nLearned !== state.n_learned || memo.rows !== rows || memo.slots !== slots) {
    const terms = new Float64Array(rows);
    for (let r = 0; r < rows; r++) terms[r] = categoryBaselineTerm(table, state.weights[r]!, state.n_learned);
    memo = { nLearned: state.n_learned, rows, slots, terms };
    baselineMemos.set(table, memo);
  }
  return memo.terms;
}

/**
 * Per-feature sums, unscaled, in scratch arrays reused across calls (explaining is synchronous): the
 * contribution of the value part (or of the whole feature) and of a list's length part. Contributor
 * objects are built for the listed features only.
 */
let scratchSize = 0;
let contributionOf = new Float64Array(0);
let lenContributionOf = new Float64Array(0);
/** The reported contribution, scale·(c + c_len) + 0, and its magnitude (the sort key). */
let reportedOf = new Float64Array(0);
let impactOf = new Float64Array(0);
let order = new Int32Array(0);
/** The selection's impacts, by position in order[0..k). */
let topImpact = new Float64Array(0);
/** listedStamp[f] === stamp for the listed features of the current call: no clearing pass between calls. */
let listedStamp = new Int32Array(0);
let stamp = 0;

function nextStamp(): number {
  if (stamp === 0x7fffffff) {
    listedStamp.fill(0);
    stamp = 0;
  }
  return ++stamp;
}

function ensureScratch(n: number): void {
  if (n <= scratchSize) return;
  scratchSize = Math.max(n, 2 * scratchSize, 64);
  contributionOf = new Float64Array(scratchSize);
  lenContributionOf = new Float64Array(scratchSize);
  reportedOf = new Float64Array(scratchSize);
  impactOf = new Float64Array(scratchSize);
  order = new Int32Array(scratchSize);
  topImpact = new Float64Array(scratchSize);
  listedStamp = new Int32Array(scratchSize);
  stamp = 0;
}

export function explain({ spec, state, views, margins, row, topK }: ExplainArgs): Explanation {
  const loss = lossOf(spec);
  const rows = state.weights.length;
  const coef = new Array<number>(rows);
  for (let r = 0; r < rows; r++) coef[r] = (r === row ? 1 : 0) - (loss.perClass ? 1 / rows : 0);
  const { offset, scale } = loss.reportScale(state, spec.settings);

  const n = views.n;
  ensureScratch(n);
  const baselineRaw = state.bias.slice(0, rows);
  let warming = state.n_learned < WARM_UP_EXAMPLES || rows === 0;
  const { kind: kindOf, col: colOf, z: zOf, lenCol: lenColOf, lenZ: lenZOf, activeStart, activeEnd, activeCols } = views;
  const { presence, present, std } = views;
  // One weight row (regression, boolean output): numeric features need no loop over rows.
  const single = rows === 1 ? state.weights[0]! : null;
  const a0 = rows === 1 ? coef[0]! : 0;
  let nan = false;
  for (let f = 0; f < n; f++) {
    const featureKind = kindOf[f]!;
    let contribution = 0;
    let lenContribution = 0;
    if (featureKind === NUMERIC && single !== null) {
      const col = colOf[f]!;
      contribution += a0 * (col >= 0 ? single[col]! : 0) * zOf[f]!;
      if (presence[f] === PRESENT && present[f] === 1 && !(std[f]! > 0)) warming = true;
    } else if (featureKind === CATEGORY) {
      const table = views.table[f]!;
      const start = activeStart[f]!;
      const end = activeEnd[f]!;
      const memo = table === null ? null : memoisedBaselineTerms(table, state);
      for (let r = 0; r < rows; r++) {
        const w = state.weights[r]!;
        let active = 0;
        for (let i = start; i < end; i++) active += w[activeCols[i]!]!;
        const base = table === null ? 0 : memo !== null ? memo[r]! : categoryBaselineTerm(table, w, state.n_learned);
        baselineRaw[r] = baselineRaw[r]! + base;
        contribution += coef[r]! * (active - base);
      }
    } else if (featureKind === NUMERIC || featureKind === NUMBERS) {
      const col = colOf[f]!;
      const z = zOf[f]!;
      for (let r = 0; r < rows; r++) {
        const w = state.weights[r]!;
        const a = coef[r]!;
        if (featureKind === NUMBERS) {
          // The length part first, as the margin adds it.
          const lenCol = lenColOf[f]!;
          lenContribution += a * (lenCol >= 0 ? w[lenCol]! : 0) * lenZOf[f]!;
        }
        contribution += a * (col >= 0 ? w[col]! : 0) * z;
      }
      // σ = 0 on a present numeric input means the model cannot use it yet (a list's constant length does not count).
      if (views.presence[f] === PRESENT && views.present[f] === 1 && !(views.std[f]! > 0)) warming = true;
    }
    contributionOf[f] = contribution;
    lenContributionOf[f] = lenContribution;
    // "+ 0" turns −0 (a missing input times a negative weight) into 0.
    const reported = scale * (contribution + lenContribution) + 0;
    reportedOf[f] = reported;
    const impact = Math.abs(reported);
    impactOf[f] = impact;
    nan ||= impact !== impact;
  }

  let baseline = 0;
  let margin = 0;
  for (let r = 0; r < rows; r++) {
    baseline += coef[r]! * baselineRaw[r]!;
    margin += coef[r]! * margins[r]!;
  }

  const k = Math.floor(topK);
  const listedCount = k > 0 ? Math.min(n, k) : 0;
  let other = 0;
  if (nan) {
    // Never with finite weights and inputs: sort everything, as the comparator defines the order.
    for (let f = 0; f < n; f++) order[f] = f;
    sortByImpact(views, n);
    for (let i = listedCount; i < n; i++) other += reportedOf[order[i]!]!;
  } else {
    // Only the listed features need an order: selecting them costs a fraction of sorting all n.
    selectTopByImpact(views, n, listedCount);
    const current = nextStamp();
    for (let i = 0; i < listedCount; i++) listedStamp[order[i]!] = current;
    // Adding 0 for a listed feature leaves the sum as it is (it is never −0), without a branch to mispredict.
    for (let f = 0; f < n; f++) other += listedStamp[f] !== current ? reportedOf[f]! : 0;
  }
  const listed = new Array<Contributor>(listedCount);
  for (let i = 0; i < listedCount; i++) listed[i] = contributor(views, order[i]!, state, coef, scale);
  return {
    top_contributors: listed,
    baseline: offset + scale * baseline,
    margin: offset + scale * margin,
    units: loss.units,
    other,
    status: warming ? "warming_up" : "ok",
    n_seen: state.n_learned,
  };
}

/**
 * The response entry of feature f (§4.3). Weights (per raw unit) are only reported, so they are summed
 * here, for the listed features, in the same row order as the contributions.
 */
function contributor(views: FeatureViews, f: number, state: LearnerState, coef: number[], scale: number): Contributor {
  const featureKind = views.kind[f]!;
  const rows = coef.length;
  let weight = 0;
  let lenWeight = 0;
  if (featureKind === CATEGORY) {
    for (let r = 0; r < rows; r++) {
      const w = state.weights[r]!;
      let active = 0;
      for (let i = views.activeStart[f]!; i < views.activeEnd[f]!; i++) active += w[views.activeCols[i]!]!;
      weight += coef[r]! * active;
    }
  } else if (featureKind === NUMERIC || featureKind === NUMBERS) {
    const col = views.col[f]!;
    const std = views.std[f]!;
    const lenCol = views.lenCol[f]!;
    const lenStd = views.lenStd[f]!;
    for (let r = 0; r < rows; r++) {
      const w = state.weights[r]!;
      const a = coef[r]!;
      if (featureKind === NUMBERS) lenWeight += lenStd > 0 ? (a * (lenCol >= 0 ? w[lenCol]! : 0)) / lenStd : 0;
      weight += std > 0 ? (a * (col >= 0 ? w[col]! : 0)) / std : 0;
    }
  }
  const feature = views.feature[f]!;
  const contribution = reportedOf[f]!;
  const value = views.value[f];
  // One literal per shape (keys in the response's order), rather than keys added afterwards.
  if (featureKind === NUMERIC && views.col[f]! >= 0) return { feature, contribution, weight: scale * weight + 0, value, mean: views.mean[f]! };
  if (featureKind === CATEGORY && views.unseen[f] === 1) return { feature, contribution, weight: scale * weight + 0, value, unseen: true };
  const entry: Contributor = { feature, contribution, weight: scale * weight + 0, value };
  if (featureKind === NUMBERS) {
    entry.parts = {
      len: { contribution: scale * lenContributionOf[f]!, weight: scale * lenWeight },
      mean: { contribution: scale * contributionOf[f]!, weight: scale * weight },
    };
  }
  return entry;
}

/**
 * Puts the k most important features in order[0..k), in the order sortByImpact gives them (|contribution|
 * descending, ties by feature name): each feature is compared with the current k-th and, when it
 * beats it, inserted into the short sorted list. impactOf stays indexed by feature.
 */
function selectTopByImpact(views: FeatureViews, n: number, k: number): void {
  if (k === 0) return;
  const feature = views.feature;
  let count = 0;
  for (let f = 0; f < n; f++) {
    const key = impactOf[f]!;
    if (count === k) {
      const lastKey = topImpact[k - 1]!;
      if (key < lastKey || (key === lastKey && !(feature[f]! < feature[order[k - 1]!]!))) continue;
      count--; // the k-th drops out
    }
    let j = count - 1;
    while (j >= 0) {
      const previous = topImpact[j]!;
      if (previous > key || (previous === key && !(feature[f]! < feature[order[j]!]!))) break;
      topImpact[j + 1] = previous;
      order[j + 1] = order[j]!;
      j--;
    }
    topImpact[j + 1] = key;
    order[j + 1] = f;
    count++;
  }
}

/**
 * Sorts order[0..n) by impact: |contribution| descending, ties by feature name (code-unit order,
 * locale-independent), stable, as the comparator byImpact below defines it. For the usual few dozen
 * features, an insertion sort that carries the keys along (impactOf is permuted with order, so the inner
 * loop reads one array sequentially, with no comparator calls); Array.prototype.sort with byImpact past
 * that, or if a magnitude is NaN (never, with finite weights and inputs). The listed features and the
 * summation order of `other` are the same either way. Used only when a magnitude is NaN; otherwise
 * selectTopByImpact lists the same features in the same order and `other` is summed in feature order.
 */
function sortByImpact(views: FeatureViews, n: number): void {
  const feature = views.feature;
  let nan = false;
  for (let i = 0; i < n; i++) nan ||= impactOf[i] !== impactOf[i];
  if (n > 64 || nan) {
    const byImpact = (a: number, b: number): number => {
      const d = impactOf[b]! - impactOf[a]!;
      if (d !== 0) return d;
      return feature[a]! < feature[b]! ? -1 : feature[a]! > feature[b]! ? 1 : 0;
    };
    order.set(Array.from(order.subarray(0, n)).sort(byImpact));
    return;
  }
  for (let i = 1; i < n; i++) {
    const f = order[i]!;
    const key = impactOf[i]!;
    let j = i - 1;
    while (j >= 0) {
      const previous = impactOf[j]!;
      if (previous > key || (previous === key && !(feature[f]! < feature[order[j]!]!))) break;
      impactOf[j + 1] = previous;
      order[j + 1] = order[j]!;
      j--;
    }
    impactOf[j + 1] = key;
    order[j + 1] = f;
  }
}
