import type { Metric } from "./metric";

/**
 * Metrics over every example scored (cumulative) and over rolling windows of the last examples, after
 * River's utils.Rolling: each window keeps its own state of every metric, updated with each example and
 * reverted with the example that leaves it. The examples are kept in a ring of the largest window's
 * length, column by column, so an update costs O(1) whatever the windows. Metrics whose states hold
 * float sums (Metric.rebuilt) get each window's state rebuilt from the ring every window length, so
 * add/revert rounding never accumulates over a long-lived loop.
 *
 * Plain JSON. A metric added to the registry after a loop started has no state in it yet: completeRolling
 * builds it from the examples still in the ring (its all-time value then covers those only).
 */

export const ROLLING_WINDOWS: readonly number[] = [200, 1000];

export interface RollingWindow {
  size: number;
  /** Metric name → its state over the window. */
  metrics: Record<string, unknown>;
}

export interface RollingState {
  /** Examples scored so far. */
  count: number;
  /** The ring's length: the largest window. */
  capacity: number;
  /** Metric name → its state over every example scored. */
  cumulative: Record<string, unknown>;
  windows: RollingWindow[];
}

/** How a metric set keeps its examples in the ring: the ring columns are the set's own (JSON arrays). */
export interface ExampleRing<S, O> {
  write(state: S, slot: number, o: O): void;
  read(state: S, slot: number, into: O): void;
  /** A scratch observation for reading the ring back (updating is synchronous). */
  readonly scratch: O;
}

// A registry lists metrics of different state types: their states are only ever handed back to them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMetric<O> = Metric<any, O>;

/** Values by metric name, and how many examples they are over. */
export type MetricValues = { n: number } & Record<string, number | null>;

/** Slot of the 0-based example `index` in a ring of `capacity`. */
const slotOf = (index: number, capacity: number): number => index % capacity;

export function createRolling<O>(metrics: readonly AnyMetric<O>[], windows: readonly number[]): RollingState {
  for (const w of windows) if (!Number.isInteger(w) || w < 1) throw new RangeError(`bad window size ${w}`);
  const states = () => Object.fromEntries(metrics.map((m) => [m.name, m.create()]));
  return { count: 0, capacity: Math.max(1, ...windows), cumulative: states(), windows: windows.map((size) => ({ size, metrics: states() })) };
}

/**
 * The metric states of a rolling state as arrays in the registry's order, so that scoring an example
 * looks no metric up by name. Remembered per state object, weakly: a training batch works on a copy of
 * the monitor, and holding the copies of past batches would move them into the old generation, where
 * collecting them costs full garbage collections. A state read from storage is a new object and is
 * resolved again.
 */
interface Resolved {
  cumulative: Record<string, unknown>;
  states: unknown[];
  windows: unknown[][];
}
const resolvedStates = new WeakMap<RollingState, Resolved>();

function resolve<O>(state: RollingState, metrics: readonly AnyMetric<O>[]): Resolved {
  const known = resolvedStates.get(state);
  if (known && known.cumulative === state.cumulative) return known;
  const resolved: Resolved = {
    cumulative: state.cumulative,
    states: metrics.map((m) => state.cumulative[m.name]),
    windows: state.windows.map((w) => metrics.map((m) => w.metrics[m.name])),
  };
  resolvedStates.set(state, resolved);
  return resolved;
}

/** Scores one example: into the ring, the cumulative states and every window (evicting its oldest first). */
export function updateRolling<S extends RollingState, O>(state: S, metrics: readonly AnyMetric<O>[], ring: ExampleRing<S, O>, o: O): void {
  const index = state.count;
  const { capacity, windows } = state;
  const { states, windows: windowStates } = resolve(state, metrics);
  const k = metrics.length;
  // Evict before writing: the largest window's leaving example sits in the slot about to be reused.
  for (let w = 0; w < windows.length; w++) {
    const size = windows[w]!.size;
    if (index < size) continue;
    ring.read(state, slotOf(index - size, capacity), ring.scratch);
    const ws = windowStates[w]!;
    for (let i = 0; i < k; i++) metrics[i]!.revert(ws[i], ring.scratch);
  }
  ring.write(state, slotOf(index, capacity), o);
  const count = index + 1;
  state.count = count;
  for (let i = 0; i < k; i++) metrics[i]!.update(states[i], o);
  for (let w = 0; w < windows.length; w++) {
    const ws = windowStates[w]!;
    for (let i = 0; i < k; i++) metrics[i]!.update(ws[i], o);
    const size = windows[w]!.size;
    if (count % size === 0) rebuild(state, metrics, ring, ws, count - size, count);
  }
}

/** Rebuilds the window states of the metrics that need it (Metric.rebuilt) from the examples [from, to), in one pass over the ring. */
function rebuild<S extends RollingState, O>(state: S, metrics: readonly AnyMetric<O>[], ring: ExampleRing<S, O>, ws: unknown[], from: number, to: number): void {
  const fresh = metrics.map((m) => (m.rebuilt ? (m.create() as unknown) : null));
  for (let j = from; j < to; j++) {
    ring.read(state, slotOf(j, state.capacity), ring.scratch);
    for (let i = 0; i < metrics.length; i++) if (fresh[i] !== null) metrics[i]!.update(fresh[i], ring.scratch);
  }
  // In place: the window keeps its state objects.
  for (let i = 0; i < metrics.length; i++) if (fresh[i] !== null) Object.assign(ws[i] as object, fresh[i]);
}

/** A fresh state of the metric over the examples [from, to) (all still in the ring). */
function replayed<S extends RollingState, O>(state: S, metric: AnyMetric<O>, ring: ExampleRing<S, O>, from: number, to: number): unknown {
  const fresh: unknown = metric.create();
  for (let i = from; i < to; i++) {
    ring.read(state, slotOf(i, state.capacity), ring.scratch);
    metric.update(fresh, ring.scratch);
  }
  return fresh;
}

/** Cumulative values (window undefined), or those over the rolling window of that size. */
export function rollingValues<O>(state: RollingState, metrics: readonly AnyMetric<O>[], window?: number): MetricValues {
  let n = state.count;
  let states = state.cumulative;
  if (window !== undefined) {
    const w = state.windows.find((x) => x.size === window);
    if (!w) throw new RangeError(`no rolling window of size ${window}`);
    n = Math.min(state.count, w.size);
    states = w.metrics;
  }
  const values: MetricValues = { n };
  for (const m of metrics) values[m.name] = m.value(states[m.name]);
  return values;
}

/** Gives every metric a state: one the state has none of is built from the examples in the ring. */
export function completeRolling<S extends RollingState, O>(state: S, metrics: readonly AnyMetric<O>[], ring: ExampleRing<S, O>): void {
  const kept = Math.max(0, state.count - state.capacity);
  resolvedStates.delete(state);
  for (const m of metrics) {
    if (Object.hasOwn(state.cumulative, m.name)) continue;
    state.cumulative[m.name] = replayed(state, m, ring, kept, state.count);
    for (const w of state.windows) w.metrics[m.name] = replayed(state, m, ring, Math.max(0, state.count - w.size), state.count);
  }
}
