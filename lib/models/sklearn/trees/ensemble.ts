/**
 * A list of flat trees and how their leaf values combine into raw outputs, in sklearn's order:
 * - "mean" (decision trees, forests): raw = (Σ_t value_t) / n_trees, summed from zero in tree order
 *   (BaseForest accumulates `out += tree.predict_proba(X)`, then divides);
 * - "stagewise" (gradient boosting): raw_k = init_k, then += weight · value for each tree of column k,
 *   stage by stage (GradientBoosting: weight = learning_rate; HistGradientBoosting: 1, shrinkage is
 *   already folded into leaf values).
 * The same combination applied to per-tree TreeSHAP gives the ensemble's φ and base value.
 */
import { LoadError } from "../types";
import type { FlatTree } from "./flat-tree";
import { findLeaf } from "./flat-tree";
import { treeShap, TreeShapWorkspace } from "./tree-shap";

export type Combine = { kind: "mean" } | { kind: "stagewise"; init: Float64Array; weight: number };

export interface ShapResult {
  /** E[raw] per column. */
  base: Float64Array;
  /** nFeatures × nCols, row-major: phi[f · nCols + c]. */
  phi: Float64Array;
}

export class Ensemble {
  readonly nCols: number;
  readonly shapSupported: boolean;
  private readonly ws = new TreeShapWorkspace();
  private readonly base: Float64Array;

  /**
   * @param column the raw column each tree adds to (its values fill columns column..column+nOut−1)
   */
  constructor(
    readonly nFeatures: number,
    readonly trees: readonly FlatTree[],
    readonly column: Int32Array,
    nCols: number,
    readonly combine: Combine,
  ) {
    this.nCols = nCols;
    if (trees.length === 0) throw new LoadError("malformed", "the ensemble has no trees");
    trees.forEach((t, i) => {
      if (column[i]! < 0 || column[i]! + t.nOut > nCols) throw new LoadError("malformed", `tree ${i} does not fit the outputs`);
    });
    if (combine.kind === "stagewise" && combine.init.length !== nCols) throw new LoadError("malformed", "init does not fit the outputs");
    this.shapSupported = trees.every((t) => t.coverOk);
    this.ws.ensure(trees.reduce((m, t) => Math.max(m, t.maxDepth), 0));
    // Base value: the same combination of the trees' expected values, summed in tree order.
    const acc = new Float64Array(nCols);
    trees.forEach((t, i) => t.expected.forEach((e, j) => (acc[column[i]! + j]! += e)));
    this.base = combine.kind === "mean" ? acc.map((v) => v / trees.length) : acc.map((v, c) => combine.init[c]! + combine.weight * v);
  }

  /** Raw outputs for one prepared row, written into `out` (length nCols). */
  raw(x: Float64Array, out: Float64Array): Float64Array {
    const { trees, column } = this;
    if (this.combine.kind === "mean") {
      out.fill(0);
      for (let i = 0; i < trees.length; i++) {
        const t = trees[i]!;
        const leaf = findLeaf(t, x);
        const c = column[i]!;
        for (let j = 0; j < t.nOut; j++) out[c + j]! += t.value[leaf * t.nOut + j]!;
      }
      for (let c = 0; c < out.length; c++) out[c]! /= trees.length;
      return out;
    }
    const { init, weight } = this.combine;
    out.set(init);
    for (let i = 0; i < trees.length; i++) {
      const t = trees[i]!;
      const leaf = findLeaf(t, x);
      const c = column[i]!;
      for (let j = 0; j < t.nOut; j++) out[c + j]! += weight * t.value[leaf * t.nOut + j]!;
    }
    return out;
  }

  /** Exact path-dependent TreeSHAP of every raw column. */
  shap(x: Float64Array): ShapResult {
    const phi = new Float64Array(this.nFeatures * this.nCols);
    const { trees, column, nCols, ws } = this;
    for (let i = 0; i < trees.length; i++) treeShap(trees[i]!, x, phi, nCols, column[i]!, 1, ws);
    if (this.combine.kind === "mean") {
      for (let i = 0; i < phi.length; i++) phi[i]! /= trees.length;
    } else if (this.combine.weight !== 1) {
      const w = this.combine.weight;
      for (let i = 0; i < phi.length; i++) phi[i]! *= w;
    }
    return { base: this.base.slice(), phi };
  }
}
