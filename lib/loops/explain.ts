import type { FeatureView } from "./encoding";
import type { CategoryTable, LearnerState } from "./learner-state";
import { outputKind, targetScale } from "./output-model";
import type { Contributor, Explanation, LoopSpec } from "./types";

/**
 * Exact additive explanations (§4): interventional linear SHAP on the encoded columns, summed per
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
  views: FeatureView[];
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
  for (const slot of table.slots) sum += slot.count * weights[slot.col]!;
  return sum / nLearned;
}

export function explain({ spec, state, views, margins, row, topK }: ExplainArgs): Explanation {
  const kind = outputKind(spec);
  const rows = state.weights.length;
  const coef = new Array<number>(rows);
  for (let r = 0; r < rows; r++) coef[r] = (r === row ? 1 : 0) - (kind === "multiclass" ? 1 / rows : 0);
  const { offset, scale } = kind === "regression" ? targetScale(spec, state) : { offset: 0, scale: 1 };

  const baselineRaw = state.bias.slice(0, rows);
  let warming = state.n_learned < WARM_UP_EXAMPLES || rows === 0;
  const all: Contributor[] = [];
  for (const view of views) {
    let contribution = 0;
    let weight = 0;
    let lenContribution = 0;
    let lenWeight = 0;
    for (let r = 0; r < rows; r++) {
      const w = state.weights[r]!;
      const a = coef[r]!;
      if (view.kind === "category") {
        let active = 0;
        for (const col of view.active) active += w[col]!;
        const base = view.table === null ? 0 : categoryBaselineTerm(view.table, w, state.n_learned);
        baselineRaw[r] = baselineRaw[r]! + base;
        contribution += a * (active - base);
        weight += a * active;
      } else if (view.kind === "numeric" || view.kind === "numbers") {
        // parts[0] is the value (numeric) or the length (numbers); parts[1] the mean of a list.
        for (let i = 0; i < view.parts.length; i++) {
          const part = view.parts[i]!;
          const wi = part.col >= 0 ? w[part.col]! : 0;
          const c = a * wi * part.z;
          const unit = part.std > 0 ? (a * wi) / part.std : 0;
          if (view.kind === "numbers" && i === 0) {
            lenContribution += c;
            lenWeight += unit;
          } else {
            contribution += c;
            weight += unit;
          }
        }
      }
    }
    if (view.presence === "present") {
      // σ = 0 on a present numeric input means the model cannot use it yet (a list's constant length does not count).
      const valuePart = view.kind === "numeric" ? view.parts[0] : view.kind === "numbers" ? view.parts[1] : undefined;
      if (valuePart !== undefined && valuePart.present && !(valuePart.std > 0)) warming = true;
    }
    // "+ 0" turns −0 (a missing input times a negative weight) into 0.
    const entry: Contributor = { feature: view.feature, contribution: scale * (contribution + lenContribution) + 0, weight: scale * weight + 0, value: view.value };
    if (view.kind === "numeric" && view.parts[0]!.col >= 0) entry.mean = view.parts[0]!.mean;
    if (view.kind === "category" && view.unseen) entry.unseen = true;
    if (view.kind === "numbers") {
      entry.parts = {
        len: { contribution: scale * lenContribution, weight: scale * lenWeight },
        mean: { contribution: scale * contribution, weight: scale * weight },
      };
    }
    all.push(entry);
  }

  let baseline = 0;
  let margin = 0;
  for (let r = 0; r < rows; r++) {
    baseline += coef[r]! * baselineRaw[r]!;
    margin += coef[r]! * margins[r]!;
  }

  all.sort(byImpact);
  const listed = all.slice(0, Math.max(0, Math.floor(topK)));
  let other = 0;
  for (let i = listed.length; i < all.length; i++) other += all[i]!.contribution;
  return {
    top_contributors: listed,
    baseline: offset + scale * baseline,
    margin: offset + scale * margin,
    units: kind === "regression" ? "target" : kind === "binary" ? "log_odds" : "centred_logit",
    other,
    status: warming ? "warming_up" : "ok",
    n_seen: state.n_learned,
  };
}

/** |contribution| descending, ties by feature name (code-unit order, locale-independent). */
function byImpact(a: Contributor, b: Contributor): number {
  const d = Math.abs(b.contribution) - Math.abs(a.contribution);
  if (d !== 0) return d;
  return a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0;
}
