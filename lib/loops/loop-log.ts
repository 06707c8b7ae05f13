import { trainRows, type LoopModel } from "./engine";
import type { LoopSpec } from "./types";

/**
 * Writes in proportion to what changed. Storing a loop's whole state (tens of kB) for every small
 * training batch is what single-example traffic costs most: instead, a batch may be stored as its
 * requests (the bodies as sent and the time each was learned at), in the same statement that moves the
 * loop's version, and the states are stored now and then as a checkpoint. Whoever reads the states
 * learns the batches since the checkpoint again, in order: the learner is deterministic, so the model
 * is the one that answered (golden.test.ts holds it to that bit for bit). A body is kept as its text
 * because JSON text read again gives exactly the values the request had (−0 included).
 *
 * The batches kept are bounded so that reading stays cheap: past LOG_BYTES of bodies, or LOG_LEARN_MS
 * of learning since the checkpoint (what learning them again costs), the next batch stores the states.
 */
export const LOG_BYTES = 1024 * 1024;
export const LOG_LEARN_MS = 25;

/**
 * A group whose bodies are larger than this stores the states instead: a state is tens of kB, and a
 * 1,000-row batch is ~400 kB of body (escaped once more inside the entries' JSON), so logging it would
 * write ten times what it saves and halve batch throughput. Single examples (under 1 kB each) log.
 */
export const LOG_GROUP_BYTES = 32 * 1024;

/** One request of a logged batch. */
export interface LoggedRequest {
  /** The /train/ body as sent. */
  text: string;
  /** The time it was learned at (the monitor's series keep it). */
  at: string;
}

/** What a cached model has kept in the log since its states were stored. */
export interface SinceCheckpoint {
  bytes: number;
  learnMs: number;
}

export const NOTHING_LOGGED: SinceCheckpoint = { bytes: 0, learnMs: 0 };

export const entriesText = (requests: LoggedRequest[]) => JSON.stringify(requests);

/** Learns the logged batches (their `entries`, in version order) again on `model`; what it kept. */
export async function replayLog(spec: LoopSpec, model: LoopModel, log: string[]): Promise<SinceCheckpoint> {
  const started = performance.now();
  let bytes = 0;
  for (const entries of log) {
    bytes += entries.length;
    for (const request of JSON.parse(entries) as LoggedRequest[]) {
      await trainRows(spec, model, (JSON.parse(request.text) as { data: unknown }).data, request.at);
    }
  }
  return { bytes, learnMs: performance.now() - started };
}
