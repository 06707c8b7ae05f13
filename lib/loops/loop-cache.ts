import { randomBytes } from "node:crypto";
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { getSql } from "@/db/client";
import { loopExamples, loops, type LoopRow } from "@/db/schema";
import { processSingleton } from "@/lib/process-singleton";
import { specOf } from "./definition";
import type { LoopModel } from "./engine";
import type { LoopMonitorState } from "./monitor";
import { resolveSettings } from "./settings";
import { NOTHING_LOGGED, replayLog, type SinceCheckpoint } from "./loop-log";
import { loadModel, StoredStateError } from "./stored-model";
import type { LoopSpec } from "./types";

/** A defined loop's spec and model at one version. Never mutated once cached. */
export interface LoadedLoop {
  workspaceId: string;
  version: number;
  nSeen: number;
  spec: LoopSpec;
  model: LoopModel;
  /** The batches after the stored states, kept in loop_examples (loop-log.ts). */
  logged: SinceCheckpoint;
  /**
   * A second monitor in the same state as `model.monitor`, for the next training group of this
   * process to learn on in place (train-loop.ts): copying the monitor (~100 kB of JSON) for every
   * group cost more than learning a single example ten times over. Taken by the group that uses it.
   */
  spareMonitor?: LoopMonitorState;
}

// Predictions read this cache; a training group works on a copy and replaces the entry after its
// commit, so no reader ever sees a half-applied update. Another process's commit sends NOTIFY with
// the new version, which evicts the entry here; as a safety net an entry is re-checked against the
// row's version at most once per REVALIDATE_MS, so /predict/ costs no query on the hot path.
export interface CacheEntry {
  loaded: LoadedLoop;
  checkedAt: number;
}
interface LoopCache {
  entries: Map<string, CacheEntry>;
  listening: Promise<unknown> | null;
}
export const cache = processSingleton<LoopCache>("loops.cache", () => ({ entries: new Map(), listening: null }));
const CACHE_LIMIT = 500;
export const REVALIDATE_MS = 1000;
export const CHANNEL = "crucible_loop_versions";

/**
 * This process's mark on the versions it commits (`id:version:origin`). A process's own commits reach
 * its own listener too, often before the statement's answer reaches the writer: unmarked, each one
 * evicted the entry the writer was about to replace, and the next request read the loop back from its
 * row and learned its log again. The writer publishes its own versions (train-loop.ts).
 */
export const ORIGIN = processSingleton("loops.notify-origin", () => randomBytes(6).toString("hex"));

/** One committed version as the listener reads it: `id:version:origin`. */
const noticeOf = (id: SQL, version: SQL) => sql`${id}::text || ':' || ${version}::text || ':' || ${ORIGIN}`;

/** The NOTIFY of a committed version, as SQL over the row's id and version. */
export const versionNotice = (id: SQL, version: SQL) => sql`pg_notify(${CHANNEL}, ${noticeOf(id, version)})`;

/** One NOTIFY for many committed versions (an aggregate over the rows of id and version): `a:1:o,b:7:o`. */
export const versionsNotice = (id: SQL, version: SQL) => sql`pg_notify(${CHANNEL}, string_agg(${noticeOf(id, version)}, ','))`;

/** Caches a committed version; never replaces a newer one (a slow read may finish after a commit here). */
export function remember(id: string, loaded: LoadedLoop): void {
  const known = cache.entries.get(id);
  if (known && known.loaded.version > loaded.version) return;
  if (cache.entries.size >= CACHE_LIMIT && !cache.entries.has(id)) cache.entries.delete(cache.entries.keys().next().value!);
  cache.entries.set(id, { loaded, checkedAt: Date.now() });
}

/** Starts (once) and returns this process's LISTEN for other processes' loop versions. */
export function listenForLoopVersions(): Promise<unknown> {
  listenForVersions();
  return cache.listening ?? Promise.resolve();
}

export function listenForVersions(): void {
  if (cache.listening) return;
  cache.listening = getSql()
    .listen(CHANNEL, (payload) => {
      for (const notice of payload.split(",")) {
        const [id, version, origin] = notice.split(":");
        if (origin === ORIGIN) continue;
        const entry = cache.entries.get(id!);
        if (entry && entry.loaded.version < Number(version)) cache.entries.delete(id!);
      }
    })
    .catch(() => {
      cache.listening = null;
    });
}

export function specOfRow(row: Pick<LoopRow, "taskType" | "inputSchema" | "outputSchema" | "settings">): LoopSpec | null {
  if (!row.taskType || !row.inputSchema || !row.outputSchema) return null;
  return specOf(
    { task_type: row.taskType, input_schema: row.inputSchema as LoopSpec["input_schema"], output_schema: row.outputSchema as LoopSpec["input_schema"] },
    resolveSettings(row.settings ?? {}),
  );
}

/**
 * A loop's row with the batches logged since its states (loop-log.ts), read in one statement so that
 * both come from one snapshot: a checkpoint committed in between cannot remove batches from under it.
 */
export function rowWithLog() {
  return {
    ...getTableColumns(loops),
    log: sql<string[] | null>`(select json_agg(e.entries order by e.version) from ${loopExamples} e where e.loop_id = ${loops.id} and e.version > ${loops.stateVersion})`,
  };
}

/** A defined loop's row: its stored texts read into a model, and the batches logged since learned again. */
export async function loadedFrom(row: LoopRow & { log: string[] | null }): Promise<LoadedLoop> {
  const spec = specOfRow(row)!;
  const model = loadModel({ learnerState: row.learnerState!, monitorState: row.monitorState! });
  const log = row.log ?? [];
  if (log.length !== row.version - row.stateVersion) {
    throw new StoredStateError(`The loop is at version ${row.version}, its stored states at ${row.stateVersion}, and ${log.length} batches are kept between them.`);
  }
  const logged = log.length ? await replayLog(spec, model, log) : NOTHING_LOGGED;
  return { workspaceId: row.workspaceId, version: row.version, nSeen: row.nSeen, spec, model, logged };
}

/**
 * Drops a loop from every process's cache (trashed, reset or purged): here at once, elsewhere by
 * NOTIFY with a version no cached entry can reach, so the next read goes to the row.
 */
export async function forgetLoopEverywhere(id: string): Promise<void> {
  const loopId = id.toLowerCase();
  cache.entries.delete(loopId);
  await getSql().notify(CHANNEL, `${loopId}:${Number.MAX_SAFE_INTEGER}`);
}
