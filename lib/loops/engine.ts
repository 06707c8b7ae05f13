import { createLearnerState, learnOne, predictOne, resetOptimizer, type LearnerState } from "./learner";
import { createMonitor, observe, type LoopMonitorState } from "./monitor";
import type { LoopSpec, Prediction } from "./types";
import { validateExample } from "./validate-example";

/** Everything a loop learns: the learner and its prequential monitor. Plain JSON data. */
export interface LoopModel {
  learner: LearnerState;
  monitor: LoopMonitorState;
}

export function createLoopModel(spec: LoopSpec): LoopModel {
  return { learner: createLearnerState(spec), monitor: createMonitor(spec.task_type) };
}

const isRow = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `data` may be one object or an array of them; labels in errors follow what was sent. */
export function rowsOf(data: unknown): { rows: unknown[]; label: (i: number) => string } {
  return Array.isArray(data) ? { rows: data, label: (i) => `data[${i}]` } : { rows: [data], label: () => "data" };
}

function rowProblems(spec: LoopSpec, row: unknown, requireOutput: boolean): string[] {
  if (!isRow(row)) return ["must be an object of field values"];
  return validateExample(spec, row, { requireOutput }).map((p) => `${p.field}: ${p.message}`);
}

export interface TrainOutcome {
  trained: number;
  failed: number;
  errors: string[];
  drift: boolean;
}

/**
 * Learns the valid rows in order, one update each, scoring each before it is learned. Invalid rows
 * are reported and never touch the state.
 */
export function trainRows(spec: LoopSpec, model: LoopModel, data: unknown, at: string): TrainOutcome {
  const { rows, label } = rowsOf(data);
  const outcome: TrainOutcome = { trained: 0, failed: 0, errors: [], drift: false };
  rows.forEach((row, i) => {
    const problems = rowProblems(spec, row, true);
    if (problems.length) {
      outcome.failed++;
      outcome.errors.push(...problems.map((p) => `${label(i)}: ${p}`));
      return;
    }
    const { prediction, y } = learnOne(spec, model.learner, row as Record<string, unknown>, { explain: false });
    const regression = spec.task_type === "regression";
    const signal = observe(model.monitor, {
      y,
      predicted: prediction.value,
      probabilities: prediction.probabilities,
      yNumber: regression ? Number(y) : undefined,
      predictedNumber: regression ? Number(prediction.value) : undefined,
      at,
    });
    if (signal.drift && spec.settings.reset_on_drift) resetOptimizer(model.learner);
    outcome.drift ||= signal.drift;
    outcome.trained++;
  });
  return outcome;
}

export interface PredictOutcome {
  predictions: { index: number; prediction: Prediction }[];
  failed: number;
  errors: string[];
}

/** Predicts every valid row; never changes the model. */
export function predictRows(spec: LoopSpec, model: LoopModel, data: unknown, topK: number): PredictOutcome {
  const { rows, label } = rowsOf(data);
  const outcome: PredictOutcome = { predictions: [], failed: 0, errors: [] };
  rows.forEach((row, index) => {
    const problems = rowProblems(spec, row, false);
    if (problems.length) {
      outcome.failed++;
      outcome.errors.push(...problems.map((p) => `${label(index)}: ${p}`));
    } else outcome.predictions.push({ index, prediction: predictOne(spec, model.learner, row as Record<string, unknown>, { topK }) });
  });
  return outcome;
}
