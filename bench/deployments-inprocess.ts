/**
 * In-process part of `npm run bench:deployments`: the pickles read and loaded exactly as a deployment
 * loads them (readModelFile → loadEstimator), then single-row predict, predict + predict_proba (what
 * a served classifier computes) and the explanation a deployment answers with (explainWithFallback:
 * exact TreeSHAP for trees), each timed per call with process.hrtime.
 */
import { readFileSync } from "node:fs";
import { readModelFile } from "@/lib/models/pickle";
import { loadEstimator, type Estimator, type Explanation, type InputRow } from "@/lib/models/sklearn";
import { explainWithFallback } from "@/lib/models/sklearn/explain";

export interface Timing { p50Us: number; p99Us: number; meanUs: number; n: number }

export interface InProcessResult {
  model: string;
  className: string;
  loadMs: number;
  predict: Timing;
  /** predict + predict_proba for classifiers (the serving path's work); equal to predict otherwise. */
  served: Timing;
  explain: Timing;
  explainMethod: Explanation["method"];
  maxResidual: number;
}

export function loadPickle(file: string): Estimator {
  const read = readModelFile(readFileSync(file));
  if (!read.ok) throw new Error(`${file}: ${read.error.code}: ${read.error.message}`);
  const loaded = loadEstimator(read.value, read.sklearnVersion ?? null);
  if (!loaded.ok) throw new Error(`${file}: ${loaded.code}: ${loaded.message}`);
  return loaded.estimator;
}

function summarise(ns: number[]): Timing {
  const sorted = [...ns].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]! / 1000;
  return { p50Us: at(0.5), p99Us: at(0.99), meanUs: sorted.reduce((s, v) => s + v, 0) / sorted.length / 1000, n: sorted.length };
}

/** Nanoseconds per call of `work(row)`, over `passes` passes of the rows after `warmup` untimed passes. */
function timePerRow(rows: InputRow[], warmup: number, passes: number, work: (row: InputRow) => unknown): number[] {
  for (let p = 0; p < warmup; p++) for (const row of rows) work(row);
  const ns: number[] = [];
  for (let p = 0; p < passes; p++) {
    for (const row of rows) {
      const t = process.hrtime.bigint();
      work(row);
      ns.push(Number(process.hrtime.bigint() - t));
    }
  }
  return ns;
}

export function measureInProcess(model: string, file: string, rows: InputRow[], passes: number): InProcessResult {
  const started = performance.now();
  const estimator = loadPickle(file);
  const loadMs = performance.now() - started;
  const warmup = Math.max(2, Math.ceil(passes / 4));
  const predict = timePerRow(rows, warmup, passes, (row) => estimator.predict([row]));
  const { predictProba } = estimator;
  const served = predictProba
    ? timePerRow(rows, warmup, passes, (row) => [estimator.predict([row]), predictProba.call(estimator, [row])])
    : predict;
  let maxResidual = 0;
  let method: Explanation["method"] = "linear";
  // A sampling explainer spends its whole budget (200 ms) per row: one pass over 16 rows says enough.
  const exact = explainWithFallback(estimator, rows[0]!, { background: null, seed: 0, budgetMs: 200 }).exact;
  const explainRows = exact ? rows : rows.slice(0, 16);
  const explain = timePerRow(explainRows, exact ? warmup : 0, exact ? passes : 1, (row) => {
    const e = explainWithFallback(estimator, row, { background: null, seed: 0, budgetMs: 200 });
    maxResidual = Math.max(maxResidual, e.residual);
    method = e.method;
  });
  return { model, className: estimator.className, loadMs, predict: summarise(predict), served: summarise(served), explain: summarise(explain), explainMethod: method, maxResidual };
}
