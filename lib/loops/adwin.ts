/**
 * ADWIN (Bifet & Gavaldà 2007) in the variant River uses (`river.drift.ADWIN`), docs/loops-learner.md §5.3.
 *
 * The window is an exponential histogram: row i holds up to M buckets, each summarising 2^i
 * consecutive values by their total and their variance (sum of squared deviations). The state is
 * plain JSON (arrays and numbers only) because it is stored in Postgres with the loop.
 *
 * The arithmetic follows River's expression order on purpose, so detections match its anchors
 * bit for bit (§6.2: exactly one detection, at index 1023, on the seed-12345 stream).
 */

/** Checks for a cut only every CLOCK insertions: the scan is O(log |W|) and drift is rarely urgent. */
const CLOCK = 32;
/** Buckets per row; row i gets M + 1 buckets only transiently, before its two oldest merge. */
const MAX_BUCKETS = 5;
/** Both sides of a split need at least this many values. */
const MIN_WINDOW_LENGTH = 5;
/** No check until the window holds more than this many values. */
const GRACE_PERIOD = 10;

/** One row of the histogram; index 0 is the oldest bucket of the row. */
export interface AdwinRow {
  totals: number[];
  variances: number[];
}

export interface AdwinState {
  delta: number;
  /** rows[0] holds single values (the newest); rows[i] holds buckets of 2^i values. */
  rows: AdwinRow[];
  width: number;
  total: number;
  /** Sum of squared deviations from the window mean (not divided by the width). */
  variance: number;
  /** Insertions since the last reset; a check runs when it is a multiple of CLOCK. */
  tick: number;
  /** True when the last update flagged drift; the next update starts from a fresh detector. */
  drift_detected: boolean;
  /** Values (and their total) that the last update cut off the old end of the window; 0 if none. */
  last_cut_width: number;
  last_cut_total: number;
}

export function createAdwin(delta = 0.002): AdwinState {
  return {
    delta,
    rows: [{ totals: [], variances: [] }],
    width: 0,
    total: 0,
    variance: 0,
    tick: 0,
    drift_detected: false,
    last_cut_width: 0,
    last_cut_total: 0,
  };
}

/** Number of values in the window. */
export function adwinWidth(state: AdwinState): number {
  return state.width;
}

/** Mean of the values in the window (0 when it is empty). */
export function adwinEstimation(state: AdwinState): number {
  return state.width === 0 ? 0 : state.total / state.width;
}

/**
 * Adds x to the window and returns true if a drift is detected at this update. As in River, the
 * detector is reset at the start of the update that follows a detection, so the state right after
 * a detection still shows the shrunken window.
 */
export function adwinUpdate(state: AdwinState, x: number): boolean {
  if (!Number.isFinite(x)) throw new RangeError(`ADWIN: value must be a finite number, got ${x}`);
  if (state.drift_detected) Object.assign(state, createAdwin(state.delta));
  state.last_cut_width = 0;
  state.last_cut_total = 0;
  insert(state, x);
  state.drift_detected = detectChange(state);
  return state.drift_detected;
}

const bucketSize = (row: number): number => Math.pow(2, row);

function insert(state: AdwinState, x: number): void {
  const row0 = state.rows[0] ?? (state.rows[0] = { totals: [], variances: [] });
  row0.totals.push(x);
  row0.variances.push(0);
  state.width += 1;
  // Welford-style: the variance grows by (|W| − 1)(x − μ_old)²/|W|, with |W| already counting x.
  if (state.width > 1) {
    const meanOld = state.total / (state.width - 1);
    state.variance += ((state.width - 1) * (x - meanOld) * (x - meanOld)) / state.width;
  }
  state.total += x;
  compress(state);
}

/** A row with M + 1 buckets merges its two oldest into one bucket of the next row; this cascades. */
function compress(state: AdwinState): void {
  for (let i = 0; i < state.rows.length; i++) {
    const row = state.rows[i]!;
    if (row.totals.length !== MAX_BUCKETS + 1) break;
    if (i + 1 === state.rows.length) state.rows.push({ totals: [], variances: [] });
    const next = state.rows[i + 1]!;
    const n1 = bucketSize(i);
    const n2 = bucketSize(i);
    const t1 = row.totals[0]!;
    const t2 = row.totals[1]!;
    const mu1 = t1 / n1;
    const mu2 = t2 / n2;
    const between = (n1 * n2 * (mu1 - mu2) * (mu1 - mu2)) / (n1 + n2);
    next.totals.push(t1 + t2);
    next.variances.push(row.variances[0]! + row.variances[1]! + between);
    row.totals.splice(0, 2);
    row.variances.splice(0, 2);
    if (next.totals.length <= MAX_BUCKETS) break;
  }
}

/** Removes the oldest bucket (the first of the last row) and corrects width, total and variance. */
function deleteOldest(state: AdwinState): void {
  const last = state.rows.length - 1;
  const row = state.rows[last]!;
  const n = bucketSize(last);
  const u = row.totals[0]!;
  const mu = u / n;
  const v = row.variances[0]!;
  state.width -= n;
  state.total -= u;
  const muWindow = state.total / state.width;
  state.variance -= v + (n * state.width * (mu - muWindow) * (mu - muWindow)) / (n + state.width);
  state.last_cut_width += n;
  state.last_cut_total += u;
  row.totals.shift();
  row.variances.shift();
  if (row.totals.length === 0 && last > 0) state.rows.pop();
}

/**
 * Scans the splits from the oldest row down to row 0, oldest bucket first, skipping the newest
 * bucket of each row. On a cut it drops the oldest bucket and rescans from the start.
 */
function detectChange(state: AdwinState): boolean {
  let changed = false;
  state.tick += 1;
  if (state.tick % CLOCK !== 0 || state.width <= GRACE_PERIOD) return false;
  let rescan = true;
  while (rescan) {
    rescan = false;
    let n0 = 0;
    let n1 = state.width;
    let u0 = 0;
    let u1 = state.total;
    scan: for (let i = state.rows.length - 1; i >= 0; i--) {
      const row = state.rows[i]!;
      const size = bucketSize(i);
      for (let k = 0; k < row.totals.length - 1; k++) {
        const t = row.totals[k]!;
        n0 += size;
        n1 -= size;
        u0 += t;
        u1 -= t;
        if (n1 >= MIN_WINDOW_LENGTH && n0 >= MIN_WINDOW_LENGTH && isCut(state, n0, n1, u0 / n0 - u1 / n1)) {
          changed = true;
          rescan = true;
          deleteOldest(state);
          break scan;
        }
      }
    }
  }
  return changed;
}

/** Hoeffding-style bound with the window's variance (Bernstein form), as in River. */
function isCut(state: AdwinState, n0: number, n1: number, deltaMean: number): boolean {
  const deltaPrime = Math.log((2 * Math.log(state.width)) / state.delta);
  const mRecip = 1 / (n0 - MIN_WINDOW_LENGTH + 1) + 1 / (n1 - MIN_WINDOW_LENGTH + 1);
  const varianceInWindow = state.variance / state.width;
  const epsilon = Math.sqrt(2 * mRecip * varianceInWindow * deltaPrime) + (2 / 3) * deltaPrime * mRecip;
  return Math.abs(deltaMean) > epsilon;
}
