import { createLearnerState, learnRead, newClassProblem, predictRead, resetOptimizer, type LearnerState } from "./learner";
import { MAX_ANSWER_ENTRIES } from "./limits";
import { createMonitor, observe, type LoopMonitorState, type Observation } from "./monitor";
import { EventLoopPacer } from "./pacer";
import type { FieldProblem, LoopSpec, Prediction } from "./types";
import { readExample, type ExampleRead } from "./validate-example";

/** Everything a loop learns: the learner and its prequential monitor. Plain JSON data. */
export interface LoopModel {
  learner: LearnerState;
  monitor: LoopMonitorState;
  /**
   * When set, every observation the monitor is given is also appended here, in order, so that another
   * copy of the monitor can be brought to the same state by observing them again (train-loop.ts).
   * Never stored.
   */
  journal?: Observation[];
}

export function createLoopModel(spec: LoopSpec): LoopModel {
  return { learner: createLearnerState(spec), monitor: createMonitor(spec.task_type) };
}

const isRow = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `data` may be one object or an array of them; labels in errors follow what was sent. */
export function rowsOf(data: unknown): { rows: unknown[]; label: (i: number) => string } {
  return Array.isArray(data) ? { rows: data, label: (i) => `data[${i}]` } : { rows: [data], label: () => "data" };
}

/** A row read and validated once; its problems as messages (none: the read can be learned or predicted). */
function readRow(spec: LoopSpec, row: unknown, requireOutput: boolean): { problems: string[]; read: ExampleRead | null } {
  if (!isRow(row)) return { problems: ["must be an object of field values"], read: null };
  const read = readExample(spec, row, { requireOutput });
  return { problems: read.problems.length ? read.problems.map(problemLine) : NONE, read };
}

/** "field: message", or the message alone for a problem of the whole row. */
const problemLine = (p: FieldProblem) => (p.field ? `${p.field}: ${p.message}` : p.message);

const NONE: string[] = [];

export interface TrainOutcome {
  trained: number;
  failed: number;
  errors: string[];
  drift: boolean;
}

/**
 * Learns the valid rows in order, one update each, scoring each before it is learned. Invalid rows
 * are reported and never touch the state; so is a row whose label would be a class past the loop's
 * limits. Between rows the event loop is given back when `pacer` says so (pacer.ts): the state is
 * the same as if the rows were learned in one go.
 */
export async function trainRows(spec: LoopSpec, model: LoopModel, data: unknown, at: string, pacer = new EventLoopPacer()): Promise<TrainOutcome> {
  const { rows, label } = rowsOf(data);
  const outcome: TrainOutcome = { trained: 0, failed: 0, errors: [], drift: false };
  const regression = spec.task_type === "regression";
  for (let i = 0; i < rows.length; i++) {
    if (pacer.due()) await pacer.pause();
    const { problems, read } = readRow(spec, rows[i], true);
    const classProblem = problems.length ? null : newClassProblem(spec, model.learner, read!.output);
    if (problems.length || classProblem !== null) {
      outcome.failed++;
      if (classProblem !== null) outcome.errors.push(`${label(i)}: ${spec.output.name}: ${classProblem}`);
      else for (const p of problems) outcome.errors.push(`${label(i)}: ${p}`);
      continue;
    }
    const { prediction, y } = learnRead(spec, model.learner, read!, { explain: false, fields: false });
    const observation: Observation = {
      y,
      predicted: prediction.value,
      probabilities: prediction.probabilities,
      yNumber: regression ? Number(y) : undefined,
      predictedNumber: regression ? Number(prediction.value) : undefined,
      at,
    };
    const signal = observe(model.monitor, observation);
    model.journal?.push(observation);
    if (signal.drift && spec.settings.reset_on_drift) resetOptimizer(model.learner, spec.settings);
    outcome.drift ||= signal.drift;
    outcome.trained++;
  }
  return outcome;
}

export interface PredictOutcome {
  predictions: { index: number; prediction: Prediction }[];
  failed: number;
  errors: string[];
  /**
   * Set when the answer passed MAX_ANSWER_ENTRIES (class probabilities plus listed contributors, over
   * all rows) at row `row`: predicting stopped there, and the request should fail.
   */
  tooLarge: { row: number; rows: number } | null;
}

/** Predicts every valid row; never changes the model. Gives the event loop back between rows, as trainRows. */
export async function predictRows(spec: LoopSpec, model: LoopModel, data: unknown, topK: number, pacer = new EventLoopPacer()): Promise<PredictOutcome> {
  const { rows, label } = rowsOf(data);
  const outcome: PredictOutcome = { predictions: [], failed: 0, errors: [], tooLarge: null };
  const classes = model.learner.classes.length; // the length of every prediction's probabilities
  let entries = 0;
  for (let index = 0; index < rows.length; index++) {
    if (pacer.due()) await pacer.pause();
    const { problems, read } = readRow(spec, rows[index], false);
    if (problems.length) {
      outcome.failed++;
      for (const p of problems) outcome.errors.push(`${label(index)}: ${p}`);
      continue;
    }
    const prediction = predictRead(spec, model.learner, read!, { topK });
    entries += prediction.explanation.top_contributors.length + (prediction.probabilities === undefined ? 0 : classes);
    if (entries > MAX_ANSWER_ENTRIES) {
      outcome.tooLarge = { row: index, rows: rows.length };
      break;
    }
    outcome.predictions.push({ index, prediction });
  }
  return outcome;
}
