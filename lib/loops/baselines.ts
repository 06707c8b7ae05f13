/**
 * Trivial predictors that a loop's model must beat (docs/loops-learner.md §5.2). They are scored on the same
 * labelled examples at the same moment as the model: predict first, then learn the label.
 * Plain JSON state, like everything stored with a loop.
 */

/** Majority class so far. Its probabilities are the class frequencies so far (the prior). */
export interface MajorityClassState {
  /** Labels in first-seen order, so ties go to the class seen first (as for the model). */
  labels: string[];
  counts: number[];
  n: number;
}

export function createMajorityClass(): MajorityClassState {
  return { labels: [], counts: [], n: 0 };
}

/** The most frequent label so far, ties to the first seen; null before any label. */
export function majorityClassPredict(state: MajorityClassState): string | null {
  let best = -1;
  state.counts.forEach((count, i) => {
    if (best < 0 || count > state.counts[best]!) best = i;
  });
  return best < 0 ? null : state.labels[best]!;
}

/** Frequency of `label` so far; 0 for a label not seen yet (log-loss then clips it). */
export function majorityClassProbability(state: MajorityClassState, label: string): number {
  const i = state.labels.indexOf(label);
  return i < 0 || state.n === 0 ? 0 : state.counts[i]! / state.n;
}

export function majorityClassLearn(state: MajorityClassState, label: string): void {
  const i = state.labels.indexOf(label);
  if (i < 0) {
    state.labels.push(label);
    state.counts.push(1);
  } else state.counts[i]! += 1;
  state.n += 1;
}

/** Last class seen: strong on streams where the label persists (River's Elec2: 0.853). */
export interface LastClassState {
  label: string | null;
}

export function createLastClass(): LastClassState {
  return { label: null };
}

export function lastClassPredict(state: LastClassState): string | null {
  return state.label;
}

export function lastClassLearn(state: LastClassState, label: string): void {
  state.label = label;
}

/** Running mean of the previous targets; it predicts 0 before the first (as River's mean does). */
export interface RunningMeanState {
  n: number;
  mean: number;
}

export function createRunningMean(): RunningMeanState {
  return { n: 0, mean: 0 };
}

export function runningMeanPredict(state: RunningMeanState): number {
  return state.mean;
}

export function runningMeanLearn(state: RunningMeanState, y: number): void {
  state.n += 1;
  state.mean += (y - state.mean) / state.n;
}
