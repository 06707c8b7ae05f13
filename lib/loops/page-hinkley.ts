/**
 * Page-Hinkley test for an increase of the mean, as River's `drift.PageHinkley` (spec §5.4).
 *
 * Caveat from the spec: the threshold λ is in the units of the monitored value, accumulated, so it
 * only makes sense on a stream whose scale is known (a normalised error). ADWIN is the default
 * detector; this one exists for comparison and for the §6.2 anchor (one detection, at index 1006).
 */

export interface PageHinkleyState {
  min_instances: number;
  delta: number;
  threshold: number;
  /** Forgetting factor applied to the cumulative sum. */
  alpha: number;
  /** Starts at 1 and grows after each update, as in River; drift needs it ≥ min_instances. */
  sample_count: number;
  mean: number;
  sum: number;
  /** True when the last update flagged drift; the next update starts from a fresh detector. */
  drift_detected: boolean;
}

export interface PageHinkleyOptions {
  min_instances?: number;
  delta?: number;
  threshold?: number;
  alpha?: number;
}

export function createPageHinkley(options: PageHinkleyOptions = {}): PageHinkleyState {
  return {
    min_instances: options.min_instances ?? 30,
    delta: options.delta ?? 0.005,
    threshold: options.threshold ?? 50,
    alpha: options.alpha ?? 1 - 0.0001,
    sample_count: 1,
    mean: 0,
    sum: 0,
    drift_detected: false,
  };
}

function reset(state: PageHinkleyState): void {
  state.sample_count = 1;
  state.mean = 0;
  state.sum = 0;
  state.drift_detected = false;
}

/** Adds x and returns true if a drift (an increase of the mean) is detected at this update. */
export function pageHinkleyUpdate(state: PageHinkleyState, x: number): boolean {
  if (!Number.isFinite(x)) throw new RangeError(`Page-Hinkley: value must be a finite number, got ${x}`);
  // Reset lazily, like ADWIN, so the state right after a detection still shows what triggered it.
  if (state.drift_detected) reset(state);
  // The running mean includes x before the deviation is taken.
  state.mean += (x - state.mean) / state.sample_count;
  state.sum = Math.max(0, state.alpha * state.sum + (x - state.mean - state.delta));
  state.sample_count += 1;
  state.drift_detected = state.sample_count >= state.min_instances && state.sum >= state.threshold;
  return state.drift_detected;
}
