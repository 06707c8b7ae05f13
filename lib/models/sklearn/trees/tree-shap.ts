/**
 * Exact path-dependent TreeSHAP: Lundberg, Erion & Lee 2018, "Consistent individualized feature
 * attribution for tree ensembles", Algorithm 2 (EXTEND / UNWIND over the unique feature path), in
 * O(leaves · depth²) per tree. It gives the Shapley values of v(S) = E[f(x) | x_S], where a split on a
 * feature outside S sends the row down both children weighted by cover. Laid out like the reference
 * C++ (shap's treeshap.h) with the path in flat typed arrays: each recursion level copies its parent's
 * path to the next free slot, so nothing is allocated per call once the workspace is sized.
 */
import type { FlatTree } from "./flat-tree";

export class TreeShapWorkspace {
  private capacity = -1;
  feature = new Int32Array(0);
  zero = new Float64Array(0);
  one = new Float64Array(0);
  weight = new Float64Array(0);

  /** Grows (never shrinks) to hold the nested path copies of a tree of this depth. */
  ensure(maxDepth: number): void {
    if (maxDepth <= this.capacity) return;
    const d = maxDepth + 2;
    const size = (d * (d + 1)) / 2 + d;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
    this.capacity = maxDepth;
  }
}

/**
 * Adds scale × φ(tree, x) into phi: the contribution of feature f to output j goes to
 * phi[f · stride + offset + j]. x is the row as the tree compares it (float32-rounded for sklearn trees).
 */
export function treeShap(
  tree: FlatTree,
  x: Float64Array,
  phi: Float64Array,
  stride: number,
  offset: number,
  scale: number,
  ws: TreeShapWorkspace,
): void {
  ws.ensure(tree.maxDepth);
  const run = new Run(tree, x, phi, stride, offset, scale, ws);
  run.recurse(0, 0, 0, 1, 1, -1);
}

class Run {
  private readonly F: Int32Array;
  private readonly Z: Float64Array;
  private readonly O: Float64Array;
  private readonly W: Float64Array;

  constructor(
    private readonly t: FlatTree,
    private readonly x: Float64Array,
    private readonly phi: Float64Array,
    private readonly stride: number,
    private readonly offset: number,
    private readonly scale: number,
    ws: TreeShapWorkspace,
  ) {
    this.F = ws.feature;
    this.Z = ws.zero;
    this.O = ws.one;
    this.W = ws.weight;
  }

  /**
   * `depth` is where this node's path element goes (the unique path length so far); the parent's path
   * starts at `parentStart` and this node's copy right after the part of it in use.
   */
  recurse(node: number, depth: number, parentStart: number, zeroFraction: number, oneFraction: number, feature: number): void {
    const { F, Z, O, W, t } = this;
    const p = parentStart + depth + 1;
    // Plain loops: paths are short, and copyWithin's call overhead dominates at these lengths.
    for (let i = 0; i <= depth; i++) {
      F[p + i] = F[parentStart + i]!;
      Z[p + i] = Z[parentStart + i]!;
      O[p + i] = O[parentStart + i]!;
      W[p + i] = W[parentStart + i]!;
    }
    this.extend(p, depth, zeroFraction, oneFraction, feature);

    const left = t.left[node]!;
    if (left < 0) {
      const k = t.nOut;
      const v = node * k;
      for (let i = 1; i <= depth; i++) {
        const s = this.scale * this.unwoundSum(p, depth, i) * (O[p + i]! - Z[p + i]!);
        const out = F[p + i]! * this.stride + this.offset;
        for (let j = 0; j < k; j++) this.phi[out + j]! += s * t.value[v + j]!;
      }
      return;
    }

    const split = t.feature[node]!;
    const right = t.right[node]!;
    const xv = this.x[split]!;
    const goLeft = xv <= t.threshold[node]! || (xv !== xv && t.missingLeft[node] === 1);
    const hot = goLeft ? left : right;
    const cold = goLeft ? right : left;
    const c = t.cover[node]!;
    const hotZero = t.cover[hot]! / c;
    const coldZero = t.cover[cold]! / c;
    let inZero = 1;
    let inOne = 1;

    // A feature already on the path is unwound and re-extended with both splits' fractions combined.
    let k = 0;
    while (k <= depth && F[p + k] !== split) k++;
    let d = depth;
    if (k <= depth) {
      inZero = Z[p + k]!;
      inOne = O[p + k]!;
      this.unwind(p, d, k);
      d -= 1;
    }
    // A branch whose zero and one fractions are both 0 carries no weight; recursing into it would divide 0 by 0.
    if (hotZero * inZero !== 0 || inOne !== 0) this.recurse(hot, d + 1, p, hotZero * inZero, inOne, split);
    if (coldZero * inZero !== 0) this.recurse(cold, d + 1, p, coldZero * inZero, 0, split);
  }

  private extend(p: number, depth: number, zero: number, one: number, feature: number): void {
    const { F, Z, O, W } = this;
    F[p + depth] = feature;
    Z[p + depth] = zero;
    O[p + depth] = one;
    W[p + depth] = depth === 0 ? 1 : 0;
    const n1 = depth + 1;
    for (let i = depth - 1; i >= 0; i--) {
      W[p + i + 1]! += (one * W[p + i]! * (i + 1)) / n1;
      W[p + i] = (zero * W[p + i]! * (depth - i)) / n1;
    }
  }

  private unwind(p: number, depth: number, index: number): void {
    const { F, Z, O, W } = this;
    const one = O[p + index]!;
    const zero = Z[p + index]!;
    const n1 = depth + 1;
    let next = W[p + depth]!;
    for (let i = depth - 1; i >= 0; i--) {
      if (one !== 0) {
        const tmp = W[p + i]!;
        W[p + i] = (next * n1) / ((i + 1) * one);
        next = tmp - (W[p + i]! * zero * (depth - i)) / n1;
      } else {
        W[p + i] = (W[p + i]! * n1) / (zero * (depth - i));
      }
    }
    for (let i = index; i < depth; i++) {
      F[p + i] = F[p + i + 1]!;
      Z[p + i] = Z[p + i + 1]!;
      O[p + i] = O[p + i + 1]!;
    }
  }

  /** The total permutation weight if path element `index` were unwound (without modifying the path). */
  private unwoundSum(p: number, depth: number, index: number): number {
    const { Z, O, W } = this;
    const one = O[p + index]!;
    const zero = Z[p + index]!;
    let next = W[p + depth]!;
    let total = 0;
    if (one !== 0) {
      for (let i = depth - 1; i >= 0; i--) {
        const tmp = next / ((i + 1) * one);
        total += tmp;
        next = W[p + i]! - tmp * zero * (depth - i);
      }
    } else {
      for (let i = depth - 1; i >= 0; i--) total += W[p + i]! / (zero * (depth - i));
    }
    return total * (depth + 1);
  }
}
