import { describe, expect, it } from "vitest";
import { Ensemble } from "./ensemble";
import { finishTree, type FlatTree } from "./flat-tree";
import { regressionHead } from "./heads";
import { makeTreeEstimator } from "./tree-estimator";
import { treeShap, TreeShapWorkspace } from "./tree-shap";
import { bruteShapley, near, treeExpectation } from "./testing";
import { mulberry32 } from "@/lib/seeded-random";


/**
 * A random tree over few features (so features repeat along paths, the case UNWIND exists for), with
 * nOut values per node, depth-first layout like sklearn's, and some zero-cover leaves.
 */
function randomTree(seed: number, M: number, nOut: number, maxDepth: number, zeroLeaves = false): FlatTree {
  const r = mulberry32(seed);
  const left: number[] = [];
  const right: number[] = [];
  const feature: number[] = [];
  const threshold: number[] = [];
  const missing: number[] = [];
  const cover: number[] = [];
  const value: number[] = [];
  const grow = (depth: number): number => {
    const id = left.length;
    left.push(-1);
    right.push(-1);
    feature.push(-2);
    threshold.push(0);
    missing.push(r() < 0.5 ? 1 : 0);
    cover.push(0);
    for (let j = 0; j < nOut; j++) value.push(r() * 10 - 5);
    if (depth < maxDepth && (depth < 2 || r() < 0.75)) {
      feature[id] = Math.floor(r() * M);
      threshold[id] = r();
      const l = grow(depth + 1);
      const rt = grow(depth + 1);
      left[id] = l;
      right[id] = rt;
      cover[id] = cover[l]! + cover[rt]!;
      if (cover[id] === 0) cover[id] = 1;
    } else {
      cover[id] = zeroLeaves && r() < 0.2 ? 0 : 1 + Math.floor(r() * 20);
    }
    return id;
  };
  grow(0);
  const n = left.length;
  return finishTree(
    {
      nodeCount: n,
      nOut,
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      feature: Int32Array.from(feature),
      threshold: Float64Array.from(threshold),
      missingLeft: Uint8Array.from(missing),
      cover: Float64Array.from(cover),
      value: Float64Array.from(value),
    },
    M,
    "random tree",
  );
}

function randomRow(r: () => number, M: number, nanRate = 0): Float64Array {
  return Float64Array.from({ length: M }, () => (r() < nanRate ? NaN : r()));
}

describe("treeShap (Algorithm 2) against 2^M enumeration", () => {
  const ws = new TreeShapWorkspace();
  const cases: [number, number, number, number, boolean][] = [];
  for (let seed = 1; seed <= 40; seed++) cases.push([seed, 2 + (seed % 5), 1 + (seed % 3), 3 + (seed % 6), seed % 4 === 0]);

  it.each(cases)("seed %i: M=%i, outputs=%i, depth ≤ %i, zero-cover leaves %s", (seed, M, nOut, depth, zeroLeaves) => {
    const tree = randomTree(seed, M, nOut, depth, zeroLeaves);
    const r = mulberry32(seed * 7919);
    for (let rep = 0; rep < 3; rep++) {
      const x = randomRow(r, M, rep === 2 ? 0.3 : 0);
      const phi = new Float64Array(M * nOut);
      treeShap(tree, x, phi, nOut, 0, 1, ws);
      for (let j = 0; j < nOut; j++) {
        const { base, phi: ref } = bruteShapley(M, (mask) => treeExpectation(tree, x, (f) => (mask & (1 << f)) !== 0, j));
        expect(near(tree.expected[j]!, base)).toBe(true);
        ref.forEach((p, f) => expect(near(phi[f * nOut + j]!, p), `output ${j} feature ${f}`).toBe(true));
      }
    }
  });

  it("writes into the requested column with the requested scale and leaves other columns alone", () => {
    const tree = randomTree(99, 4, 1, 6);
    const x = randomRow(mulberry32(5), 4);
    const alone = new Float64Array(4);
    treeShap(tree, x, alone, 1, 0, 1, ws);
    const wide = new Float64Array(4 * 3);
    treeShap(tree, x, wide, 3, 2, 0.5, ws);
    for (let f = 0; f < 4; f++) {
      expect(wide[f * 3 + 2]).toBeCloseTo(alone[f]! * 0.5, 14);
      expect(wide[f * 3]).toBe(0);
      expect(wide[f * 3 + 1]).toBe(0);
    }
  });

  it("one workspace serves trees of growing depth", () => {
    const small = new TreeShapWorkspace();
    for (const depth of [2, 9, 4, 14]) {
      const tree = randomTree(depth, 6, 1, depth);
      const x = randomRow(mulberry32(depth), 6);
      const phi = new Float64Array(6);
      treeShap(tree, x, phi, 1, 0, 1, small);
      const fx = treeExpectation(tree, x, () => true, 0);
      expect(Math.abs(fx - tree.expected[0]! - phi.reduce((a, b) => a + b, 0))).toBeLessThan(1e-9);
    }
  });
});

describe("estimators whose trees have a zero-cover split node", () => {
  it("offer no exact explainer, so the caller falls back to sampling", () => {
    const t = randomTree(3, 3, 1, 3);
    t.cover[0] = 0;
    const tree = finishTree(t, 3, "t");
    expect(tree.coverOk).toBe(false);
    const est = makeTreeEstimator({
      className: "x.Tree",
      nFeatures: 3,
      featureNames: null,
      classes: null,
      ensemble: new Ensemble(3, [tree], Int32Array.of(0), 1, { kind: "mean" }),
      head: regressionHead(),
      input: "float32",
    });
    expect(est.explain).toBeUndefined();
    expect(est.predict([[0.1, 0.2, 0.3]])).toHaveLength(1);
  });
});
