import { getBlobStore } from "@/lib/blobs/store";
import { readModelFile } from "../pickle";
import { readFailureMessage } from "../estimator";
import { loadEstimator, type Estimator, type InputRow } from "../sklearn";
import { backgroundBytes, backgroundFromCsv } from "./background";
import type { FeatureSpec } from "./features";
import { SizedLru } from "./lru";
import type { StoredFile } from "./store";
import { processSlot } from "@/lib/process-singleton";

// Loaded estimators keyed by their file's sha256 (a model file deployed many times, or by several
// accounts, is loaded once) and explainer backgrounds keyed by their data file, in one LRU bounded by
// CRUCIBLE_MODEL_CACHE_MB. Everything here can be rebuilt from the blob store, so any process can
// serve any deployment; evicting only costs a reload. One cache per process (lib/process-singleton.ts).

type CacheValue = { kind: "model"; estimator: Estimator } | { kind: "background"; rows: InputRow[] | null };
export type EstimatorOutcome = { ok: true; estimator: Estimator } | { ok: false; reason: string };

interface CacheState {
  lru: SizedLru<CacheValue>;
  inflight: Map<string, Promise<unknown>>;
  loads: number;
}

/** Loaded objects take more memory than their pickles (JS arrays, per-node objects): a rough factor. */
export const MEMORY_PER_FILE_BYTE = 3;
/** Data files are read up to this size for the background; the rest is not needed for a mean or a sample. */
const MAX_BACKGROUND_FILE_BYTES = 32 * 1024 * 1024;

export function modelCacheBytes(): number {
  const mb = Number(process.env.CRUCIBLE_MODEL_CACHE_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : 512) * 1024 * 1024;
}

const cache = processSlot<CacheState>("deployments.modelCache");
const freshCache = (maxBytes: number): CacheState => ({ lru: new SizedLru(maxBytes), inflight: new Map(), loads: 0 });

function state(): CacheState {
  let current = cache.get();
  if (!current) cache.set((current = freshCache(modelCacheBytes())));
  return current;
}

/** Empties the cache, as in a freshly started process (tests; maxBytes overrides the budget). */
export function resetModelCache(maxBytes = modelCacheBytes()): void {
  cache.set(freshCache(maxBytes));
}

export function modelCacheStats(): { entries: number; bytes: number; maxBytes: number; evictions: number; loads: number; keys: string[] } {
  const { lru, loads } = state();
  return { entries: lru.size, bytes: lru.bytes, maxBytes: lru.maxBytes, evictions: lru.evictions, loads, keys: lru.keys() };
}

/** One load per key at a time: concurrent callers share the promise. */
function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  const { inflight } = state();
  const pending = inflight.get(key) as Promise<T> | undefined;
  if (pending) return pending;
  const promise = load().finally(() => inflight.delete(key));
  inflight.set(key, promise);
  return promise;
}


/** The file's estimator if it is loaded now (marks it recently used), without loading it. */
export function loadedEstimator(sha256: string): Estimator | undefined {
  const hit = state().lru.get(`model:${sha256}`);
  return hit?.kind === "model" ? hit.estimator : undefined;
}

/** The file's estimator, loaded from the blob store on a miss; the reason when it cannot be served. */
export function estimatorFor(file: StoredFile): Promise<EstimatorOutcome> {
  const key = `model:${file.sha256}`;
  const hit = state().lru.get(key);
  if (hit?.kind === "model") return Promise.resolve({ ok: true, estimator: hit.estimator });
  return once(key, async (): Promise<EstimatorOutcome> => {
    const bytes = await getBlobStore().get(file.sha256);
    if (!bytes) return { ok: false, reason: `the model file's bytes (sha256 ${file.sha256.slice(0, 12)}…) are missing from the blob store` };
    // Yield once so a caller that just answered 201 sends its response before this synchronous work.
    await new Promise((resolve) => setImmediate(resolve));
    const read = readModelFile(bytes);
    if (!read.ok) return { ok: false, reason: `the model file could not be read: ${readFailureMessage(read.error.code, read.error.message, read.className, read.sklearnVersion)}` };
    const loaded = loadEstimator(read.value, read.sklearnVersion ?? null);
    if (!loaded.ok) return { ok: false, reason: `not servable: ${loaded.message}` };
    const s = state();
    s.loads++;
    s.lru.set(key, { kind: "model", estimator: loaded.estimator }, bytes.length * MEMORY_PER_FILE_BYTE);
    return { ok: true, estimator: loaded.estimator };
  });
}

function specKey(spec: FeatureSpec): string {
  return JSON.stringify([spec.nFeatures, spec.names, spec.types]);
}

/** The background rows from a data file, cut to the model's input columns; null when it does not fit. */
export function backgroundFor(file: StoredFile, spec: FeatureSpec): Promise<InputRow[] | null> {
  const key = `background:${file.sha256}:${specKey(spec)}`;
  const hit = state().lru.get(key);
  if (hit?.kind === "background") return Promise.resolve(hit.rows);
  return once(key, async () => {
    const bytes = await getBlobStore().get(file.sha256);
    let rows: InputRow[] | null = null;
    if (bytes) {
      let text = bytes.subarray(0, MAX_BACKGROUND_FILE_BYTES).toString("utf8");
      if (bytes.length > MAX_BACKGROUND_FILE_BYTES) text = text.slice(0, text.lastIndexOf("\n") + 1);
      rows = backgroundFromCsv(text, spec);
    }
    state().lru.set(key, { kind: "background", rows }, backgroundBytes(rows));
    return rows;
  });
}
