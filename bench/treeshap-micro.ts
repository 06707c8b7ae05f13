/**
 * Micro-benchmark for tree-family prediction and TreeSHAP (not a test).
 *
 *   npx tsx bench/treeshap-micro.ts [model.pkl|model.joblib …]
 *
 * Times synthetic forests shaped like real ones (100 trees on 30 features: breast-cancer-sized
 * trees of ~22 leaves, and deep regression trees of ~1,600 leaves), the tree-family fixtures, and any
 * model files given on the command line.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { readModelFile } from "@/lib/models/pickle";
import { registryContext } from "@/lib/models/sklearn";
import type { Estimator, InputRow } from "@/lib/models/sklearn/types";
import { Ensemble } from "@/lib/models/sklearn/trees/ensemble";
import { finishTree, type FlatTree } from "@/lib/models/sklearn/trees/flat-tree";
import { forests } from "@/lib/models/sklearn/trees/forest";
import { gradientBoosting } from "@/lib/models/sklearn/trees/gradient-boosting";
import { probaHead, regressionHead } from "@/lib/models/sklearn/trees/heads";
import { histGradientBoosting } from "@/lib/models/sklearn/trees/hist-gradient-boosting";
import { decisionTrees } from "@/lib/models/sklearn/trees/tree";
import { makeTreeEstimator } from "@/lib/models/sklearn/trees/tree-estimator";
import { mulberry32 } from "@/lib/seeded-random";

/** A random tree with `leaves` leaves, depth ≤ maxDepth, laid out depth-first like sklearn's. */
function syntheticTree(r: () => number, M: number, leaves: number, maxDepth: number, nOut: number): FlatTree {
  const left: number[] = [];
  const right: number[] = [];
  const feature: number[] = [];
  const threshold: number[] = [];
  const cover: number[] = [];
  const value: number[] = [];
  const grow = (n: number, depth: number): number => {
    const id = left.push(-1) - 1;
    right.push(-1);
    feature.push(-2);
    threshold.push(0);
    cover.push(0);
    const v = Array.from({ length: nOut }, () => r());
    const s = v.reduce((a, b) => a + b, 0);
    value.push(...v.map((q) => q / s));
    if (n <= 1 || depth >= maxDepth) {
      cover[id] = 1 + Math.floor(r() * 10);
      return id;
    }
    const cap = 2 ** (maxDepth - depth - 1);
    const nl = Math.min(cap, Math.max(1, n - cap, Math.round(n * (0.3 + 0.4 * r()))));
    feature[id] = Math.floor(r() * M);
    threshold[id] = r();
    const l = grow(nl, depth + 1);
    const rt = grow(n - nl, depth + 1);
    left[id] = l;
    right[id] = rt;
    cover[id] = cover[l]! + cover[rt]!;
    return id;
  };
  grow(leaves, 0);
  const arrays = {
    nodeCount: left.length,
    nOut,
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    missingLeft: new Uint8Array(left.length),
    cover: Float64Array.from(cover),
    value: Float64Array.from(value),
  };
  return finishTree(arrays, M, "synthetic");
}

function syntheticForest(nTrees: number, M: number, leaves: number, maxDepth: number, classes: number): Estimator {
  const r = mulberry32(42);
  const nOut = classes || 1;
  const trees = Array.from({ length: nTrees }, () => syntheticTree(r, M, leaves, maxDepth, nOut));
  const labels = Array.from({ length: classes }, (_, i) => i);
  return makeTreeEstimator({
    className: "synthetic.Forest",
    nFeatures: M,
    featureNames: null,
    classes: classes ? labels : null,
    ensemble: new Ensemble(M, trees, new Int32Array(nTrees), nOut, { kind: "mean" }),
    head: classes ? probaHead(labels) : regressionHead(),
    input: "float32",
  });
}

/** Mean time per call in ms, after a warm-up, over at least `minMs` of calls. */
function time(f: () => void, minMs = 300): number {
  for (let i = 0; i < 20; i++) f();
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) {
    f();
    n++;
    t = performance.now();
  }
  return (t - t0) / n;
}

function bench(label: string, est: Estimator, rows: InputRow[]): void {
  let i = 0;
  const next = () => rows[i++ % rows.length]!;
  const predictOne = time(() => est.predict([next()]));
  const batch = rows.slice(0, 1000);
  const predictBatch = time(() => est.predict(batch)) / batch.length;
  const explain = est.explain ? time(() => est.explain!(next(), {})) : NaN;
  console.log(
    `${label.padEnd(58)} predict ${(predictOne * 1000).toFixed(2).padStart(8)} µs/row (batch ${(predictBatch * 1000).toFixed(2)} µs/row)` +
      `   TreeSHAP ${explain.toFixed(3).padStart(7)} ms/row`,
  );
}

const randomRows = (M: number, n: number): InputRow[] => {
  const r = mulberry32(7);
  return Array.from({ length: n }, () => Array.from({ length: M }, () => r()));
};

bench("synthetic RF classifier: 100 trees × 22 leaves, 30 features", syntheticForest(100, 30, 22, 11, 2), randomRows(30, 1000));
bench("synthetic RF regressor: 100 trees × 1,600 leaves, depth 12", syntheticForest(100, 30, 1600, 12, 0), randomRows(30, 1000));

const TREE_CLASSES = new Set([...decisionTrees, ...forests, ...gradientBoosting, ...histGradientBoosting].map((e) => e.className));
const fixtures = path.resolve(import.meta.dirname, "../lib/models/fixtures");
const expected = JSON.parse(readFileSync(path.join(fixtures, "expected.json"), "utf8")) as {
  models: Record<string, { class: string; X: number[][]; files: Record<string, unknown> }>;
};

function loadPath(p: string): Estimator {
  const read = readModelFile(readFileSync(p));
  if (!read.ok) throw new Error(`${p}: ${read.error.message}`);
  if (!TREE_CLASSES.has(read.className ?? "")) throw new Error(`${p}: ${read.className} is not a tree-family model`);
  return registryContext(null).load(read.value);
}

for (const [name, m] of Object.entries(expected.models)) {
  if (!TREE_CLASSES.has(m.class)) continue;
  bench(`fixture ${name}`, loadPath(path.join(fixtures, m.files.protocol4 as string)), m.X);
}
for (const p of process.argv.slice(2)) {
  const est = loadPath(p);
  bench(`${path.basename(p)} (${est.className.split(".").pop()})`, est, randomRows(est.nFeatures, 1000));
}
