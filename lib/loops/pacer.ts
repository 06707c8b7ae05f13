import { performance } from "node:perf_hooks";

/**
 * Gives the event loop back during a long request. A request's work runs in slices: the engine asks
 * `due()` before each row and, once a slice has run for SLICE_MS, awaits `pause()`, which lets timers,
 * I/O and other requests run before it goes on. Rows are never split, so the learner's shared scratch
 * buffers (valid from one row's start to its end) are never seen half-used by another request.
 *
 * Cheap on the common small request: the clock is first read at the first check, so a single row
 * costs nothing; each later check is one clock read (about 60 ns, against at least 3 µs for a row);
 * no await unless a pause is due. What ran before the first check (one row, at most a few
 * milliseconds within the limits) is not counted in the first slice.
 */
export const SLICE_MS = 20;

export class EventLoopPacer {
  /** When the current slice started; NaN until the first check. */
  private sliceStart = Number.NaN;
  private first = true;

  /** Before a row: has the current slice run for SLICE_MS? (Never before the first row.) */
  due(): boolean {
    if (this.first) {
      this.first = false;
      return false;
    }
    return this.dueNow();
  }

  /** Before a large step (copying or packing a model): has the current slice run for SLICE_MS? */
  dueNow(): boolean {
    const now = performance.now();
    if (Number.isNaN(this.sliceStart)) this.sliceStart = now;
    return now - this.sliceStart >= SLICE_MS;
  }

  /** Lets the event loop run everything that is waiting, then starts a new slice. */
  async pause(): Promise<void> {
    await giveBackEventLoop();
    this.sliceStart = performance.now();
  }
}

const nextImmediate = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Resolves after one full turn of the event loop, timers and I/O included. One setImmediate is not
 * enough from a request's own I/O callback: its turn comes right after the I/O phase, before timers.
 */
export async function giveBackEventLoop(): Promise<void> {
  await nextImmediate();
  await nextImmediate();
}

/**
 * Bodies from this size on take milliseconds to parse (about 20 ms per MiB of rows), in one piece,
 * before the handler runs: the handler then gives the event loop back before its own work.
 */
export const LARGE_BODY_BYTES = 256 * 1024;

/**
 * A model from this many weights (or columns) on takes milliseconds to copy or to pack for storage
 * (about 25 ms each at the limits): each of those steps then gets a slice of its own.
 */
const LARGE_MODEL_WEIGHTS = 20_000;
const LARGE_MODEL_COLUMNS = 2000;

export function isLargeModel(learner: { n_columns: number; weights: unknown[] }): boolean {
  return learner.n_columns >= LARGE_MODEL_COLUMNS || learner.n_columns * learner.weights.length >= LARGE_MODEL_WEIGHTS;
}
