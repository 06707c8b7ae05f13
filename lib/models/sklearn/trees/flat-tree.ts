/**
 * One decision tree compiled into flat typed arrays at load time, so prediction and TreeSHAP walk
 * indices without allocating. Both sklearn `Tree` and HistGradientBoosting `TreePredictor` become this.
 */
import { LoadError } from "../types";

export interface FlatTree {
  nodeCount: number;
  /** Values per node (classes for classifier trees, 1 for regression and boosting trees). */
  nOut: number;
  /** −1 at leaves. */
  left: Int32Array;
  right: Int32Array;
  feature: Int32Array;
  /** Float64, compared with `x <= threshold` (sklearn trees: x already rounded to float32). */
  threshold: Float64Array;
  /** 1 when a NaN input goes left (HistGradientBoosting `missing_go_to_left`). */
  missingLeft: Uint8Array;
  /** Training weight reaching each node: TreeSHAP's cover. */
  cover: Float64Array;
  /** nodeCount × nOut, row-major. */
  value: Float64Array;
  /** Longest root-to-leaf path, in edges. */
  maxDepth: number;
  /** Cover-weighted mean of leaf values (path-dependent E[f]), one per output. */
  expected: Float64Array;
  /** Every split node has positive cover: TreeSHAP's fractions are defined (zero-weight samples can break this). */
  coverOk: boolean;
}

export type TreeArrays = Omit<FlatTree, "maxDepth" | "expected" | "coverOk">;

/**
 * Checks the structure (children after their parent, features in range) so a crafted file cannot make
 * prediction loop or read out of bounds, then computes depth and the expected value.
 */
export function finishTree(t: TreeArrays, nFeatures: number, what: string): FlatTree {
  const bad = (msg: string) => new LoadError("malformed", `${what}: ${msg}`);
  const n = t.nodeCount;
  if (n < 1) throw bad("tree has no nodes");
  if (t.value.length !== n * t.nOut) throw bad("node values do not match the node count");
  const depth = new Int32Array(n);
  let maxDepth = 0;
  let coverOk = true;
  for (let i = 0; i < n; i++) {
    const l = t.left[i]!;
    const r = t.right[i]!;
    if (l < 0 || r < 0) {
      if (l !== -1 || r !== -1) throw bad(`node ${i} has one child`);
      continue;
    }
    // Children always follow their parent in sklearn's depth-first layouts: this rules out cycles.
    if (l <= i || r <= i || l >= n || r >= n) throw bad(`node ${i} has children out of range`);
    const f = t.feature[i]!;
    if (f < 0 || f >= nFeatures) throw bad(`node ${i} splits on feature ${f} of ${nFeatures}`);
    if (!(t.cover[i]! > 0) || !Number.isFinite(t.cover[i]!)) coverOk = false;
    depth[l] = depth[r] = depth[i]! + 1;
    maxDepth = Math.max(maxDepth, depth[i]! + 1);
  }
  return { ...t, maxDepth, coverOk, expected: nodeExpectations(t).slice(0, t.nOut) };
}

/**
 * E[f] at every node: a leaf's value, or the cover-weighted mean of the children's — the path-dependent
 * expectation TreeSHAP's base value is (computed bottom-up; children have larger indices).
 */
function nodeExpectations(t: TreeArrays): Float64Array {
  const k = t.nOut;
  const e = new Float64Array(t.nodeCount * k);
  for (let i = t.nodeCount - 1; i >= 0; i--) {
    const l = t.left[i]!;
    if (l < 0) {
      for (let j = 0; j < k; j++) e[i * k + j] = t.value[i * k + j]!;
      continue;
    }
    const r = t.right[i]!;
    const cl = t.cover[l]!;
    const cr = t.cover[r]!;
    const c = t.cover[i]!;
    for (let j = 0; j < k; j++) e[i * k + j] = (e[l * k + j]! * cl + e[r * k + j]! * cr) / c;
  }
  return e;
}

/** The leaf a prepared row reaches. NaN never compares `<=`, so it follows `missingLeft`. */
export function findLeaf(t: FlatTree, x: Float64Array): number {
  const { left, right, feature, threshold, missingLeft } = t;
  let node = 0;
  let l = left[0]!;
  while (l >= 0) {
    const v = x[feature[node]!]!;
    if (v <= threshold[node]!) node = l;
    else if (v !== v && missingLeft[node] === 1) node = l;
    else node = right[node]!;
    l = left[node]!;
  }
  return node;
}
