/**
 * In-process parts of `npm run bench:loops`: prequential accuracy of the default learner beside the
 * running mean / majority baselines, and µs per example of learnOne (predict + explanation + learn).
 */
import { createMajorityClass, createRunningMean, majorityClassLearn, majorityClassPredict, runningMeanLearn, runningMeanPredict } from "@/lib/loops/baselines";
import { createLearnerState, learnOne } from "@/lib/loops/learner";
import { resolveSettings } from "@/lib/loops/settings";
import type { FieldType, LoopSpec } from "@/lib/loops/types";
import type { Stream } from "./loops-data";

export interface Score { accuracy?: number; mae?: number; r2?: number }
export interface AccuracyRow { dataset: string; task: Stream["task"]; runs: number; n: number; crucible: Score; baseline: Score }

export function specOf(s: { task: Stream["task"]; inputSchema: Record<string, FieldType>; output: { name: string; type: FieldType } }): LoopSpec {
  return { task_type: s.task, input_schema: s.inputSchema, output: s.output, settings: resolveSettings({}) };
}

function prequential(stream: Stream, rows: Record<string, unknown>[]): { crucible: Score; baseline: Score } {
  const spec = specOf(stream);
  const state = createLearnerState(spec);
  const y = rows.map((r) => r[stream.output.name]);
  if (stream.task === "classification") {
    const majority = createMajorityClass();
    let correct = 0;
    let base = 0;
    rows.forEach((row, i) => {
      if (learnOne(spec, state, row).prediction.value === y[i]) correct++;
      if (majorityClassPredict(majority) === String(y[i])) base++;
      majorityClassLearn(majority, String(y[i]));
    });
    return { crucible: { accuracy: correct / rows.length }, baseline: { accuracy: base / rows.length } };
  }
  const mean = createRunningMean();
  const predicted: number[] = [];
  const baseline: number[] = [];
  rows.forEach((row, i) => {
    predicted.push(learnOne(spec, state, row).prediction.value as number);
    baseline.push(runningMeanPredict(mean));
    runningMeanLearn(mean, y[i] as number);
  });
  return { crucible: regressionScore(y as number[], predicted), baseline: regressionScore(y as number[], baseline) };
}

function regressionScore(y: number[], p: number[]): Score {
  const mean = y.reduce((s, v) => s + v, 0) / y.length;
  let abs = 0, res = 0, tot = 0;
  y.forEach((v, i) => {
    abs += Math.abs(v - p[i]!);
    res += (v - p[i]!) ** 2;
    tot += (v - mean) ** 2;
  });
  return { mae: abs / y.length, r2: tot > 0 ? 1 - res / tot : 0 };
}

function averageScores(scores: Score[]): Score {
  const out: Score = {};
  for (const key of ["accuracy", "mae", "r2"] as const) {
    if (scores[0]![key] !== undefined) out[key] = scores.reduce((s, x) => s + x[key]!, 0) / scores.length;
  }
  return out;
}

/** File-order streams run once; shuffled ones on each permutation, averaged. `limit` cuts every run to its first N examples. */
export function accuracyOf(stream: Stream, permutations: number[][], limit?: number): AccuracyRow {
  const orders = stream.order === "file" ? [stream.rows.map((_, i) => i)] : permutations;
  const runs = orders.map((order) => prequential(stream, order.slice(0, limit ?? order.length).map((i) => stream.rows[i]!)));
  return {
    dataset: stream.name,
    task: stream.task,
    runs: runs.length,
    n: Math.min(limit ?? Infinity, stream.rows.length),
    crucible: averageScores(runs.map((r) => r.crucible)),
    baseline: averageScores(runs.map((r) => r.baseline)),
  };
}

export interface Timing { p50Us: number; p99Us: number; meanUs: number; n: number }

export function summarise(ns: number[]): Timing {
  const s = [...ns].sort((a, b) => a - b);
  return { p50Us: s[Math.floor(s.length / 2)]! / 1000, p99Us: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]! / 1000, meanUs: s.reduce((a, b) => a + b, 0) / s.length / 1000, n: s.length };
}

/**
 * learnOne per example (it predicts with the explanation, top 10 contributors, then learns), timed with
 * hrtime around each call. `passes` fresh learners over the same rows; the first `warmup` are not counted.
 * Without the per-feature data-health observations (`fields: false`), as /train/ learns: the measured
 * work is learn + predict + explanation.
 */
export function learnerSpeed(spec: LoopSpec, rows: Record<string, unknown>[], passes: number, warmup: number): Timing {
  const ns: number[] = [];
  for (let pass = 0; pass < warmup + passes; pass++) {
    const state = createLearnerState(spec);
    for (const row of rows) {
      const start = process.hrtime.bigint();
      learnOne(spec, state, row, { fields: false });
      if (pass >= warmup) ns.push(Number(process.hrtime.bigint() - start));
    }
  }
  return summarise(ns);
}
