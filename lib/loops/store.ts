import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getSql, type Database } from "@/db/client";
import { loops, type LoopRow } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { specOf, type LoopDefinition } from "./definition";
import { createLoopModel, type LoopModel } from "./engine";
import { compactMetrics, formatMetric, type LoopMetrics } from "./metrics-summary";
import { cloneModel } from "./model-codec";
import { EventLoopPacer, isLargeModel } from "./pacer";
import { resolveSettings } from "./settings";
import { loadModel, storeModel } from "./stored-model";
import type { LoopSpec } from "./types";
import { processSingleton } from "@/lib/process-singleton";

/** A defined loop's spec and model at one version. Never mutated once cached. */
interface LoadedLoop {
  accountId: string;
  version: number;
  nSeen: number;
  spec: LoopSpec;
  model: LoopModel;
}

// Predictions read this cache; a training batch works on a copy and replaces the entry after its
// commit, so no reader ever sees a half-applied update. Another process's commit sends NOTIFY with
// the new version, which evicts the entry here; as a safety net an entry is re-checked against the
// row's version at most once per REVALIDATE_MS, so /predict/ costs no query on the hot path.
interface CacheEntry {
  loaded: LoadedLoop;
  checkedAt: number;
}
interface LoopCache {
  entries: Map<string, CacheEntry>;
  listening: Promise<unknown> | null;
  /** Per loop, the tail of this process's queue of training batches (see trainLoop). */
  training: Map<string, Promise<void>>;
}
const cache = processSingleton<LoopCache>("loops.cache", () => ({ entries: new Map(), listening: null, training: new Map() }));
const training = cache.training;
const CACHE_LIMIT = 500;
const REVALIDATE_MS = 1000;
const CHANNEL = "crucible_loop_versions";

function remember(id: string, loaded: LoadedLoop): void {
  if (cache.entries.size >= CACHE_LIMIT && !cache.entries.has(id)) cache.entries.delete(cache.entries.keys().next().value!);
  cache.entries.set(id, { loaded, checkedAt: Date.now() });
}

/** Starts (once) and returns this process's LISTEN for other processes' loop versions. */
export function listenForLoopVersions(): Promise<unknown> {
  listenForVersions();
  return cache.listening ?? Promise.resolve();
}

function listenForVersions(): void {
  if (cache.listening) return;
  cache.listening = getSql()
    .listen(CHANNEL, (payload) => {
      const [id, version] = payload.split(":");
      const entry = cache.entries.get(id!);
      if (entry && entry.loaded.version < Number(version)) cache.entries.delete(id!);
    })
    .catch(() => {
      cache.listening = null;
    });
}

export type LoopSummary = Omit<LoopRow, "learnerState" | "monitorState" | "metrics">;

const summaryColumns = {
  id: loops.id,
  accountId: loops.accountId,
  name: loops.name,
  taskType: loops.taskType,
  inputSchema: loops.inputSchema,
  outputSchema: loops.outputSchema,
  settings: loops.settings,
  nSeen: loops.nSeen,
  version: loops.version,
  createdAt: loops.createdAt,
  definedAt: loops.definedAt,
  lastTrainedAt: loops.lastTrainedAt,
};

function specOfRow(row: Pick<LoopRow, "taskType" | "inputSchema" | "outputSchema" | "settings">): LoopSpec | null {
  if (!row.taskType || !row.inputSchema || !row.outputSchema) return null;
  return specOf(
    { task_type: row.taskType, input_schema: row.inputSchema as LoopSpec["input_schema"], output_schema: row.outputSchema as LoopSpec["input_schema"] },
    resolveSettings(row.settings ?? {}),
  );
}

/** A loop created in the dashboard, to be defined later through POST /definitions/ with x-loop-id. */
export async function createLoop(db: Database, accountId: string, name: string): Promise<LoopSummary> {
  const [row] = await db.insert(loops).values({ accountId, name }).returning(summaryColumns);
  return row!;
}

/** Loops with their current metric, for the list page. */
export async function listLoopsWithMetric(db: Database, accountId: string): Promise<(LoopSummary & { metric: string | null })[]> {
  const rows = await db
    .select({ ...summaryColumns, metrics: loops.metrics })
    .from(loops)
    .where(eq(loops.accountId, accountId))
    .orderBy(desc(loops.createdAt));
  return rows.map(({ metrics, ...row }) => ({ ...row, metric: formatMetric(metrics as LoopMetrics | null) }));
}

export async function getLoop(db: Database, accountId: string, loopId: string): Promise<LoopSummary | null> {
  if (!isUuid(loopId)) return null;
  const [row] = await db.select(summaryColumns).from(loops).where(and(eq(loops.id, loopId), eq(loops.accountId, accountId)));
  return row ?? null;
}

export type DefineResult = { ok: true; loop: LoopSummary } | { ok: false; reason: "not_found" | "already_defined" };

/** Defines a new loop, or the given not-yet-defined loop of the account, with a fresh model. */
export async function defineLoop(db: Database, accountId: string, loopId: string | null, definition: LoopDefinition): Promise<DefineResult> {
  const settings = resolveSettings(definition.settings);
  const spec = specOf(definition, settings);
  const values = {
    name: definition.name,
    taskType: definition.task_type,
    inputSchema: definition.input_schema,
    outputSchema: definition.output_schema,
    settings: { ...settings },
    ...storeModel(createLoopModel(spec)),
    definedAt: sql`now()`,
  };
  if (!loopId) {
    const [row] = await db.insert(loops).values({ accountId, ...values }).returning(summaryColumns);
    return { ok: true, loop: row! };
  }
  if (!isUuid(loopId)) return { ok: false, reason: "not_found" };
  const [row] = await db
    .update(loops)
    .set(values)
    .where(and(eq(loops.id, loopId), eq(loops.accountId, accountId), isNull(loops.taskType)))
    .returning(summaryColumns);
  if (row) return { ok: true, loop: row };
  return { ok: false, reason: (await getLoop(db, accountId, loopId)) ? "already_defined" : "not_found" };
}

export type LoadResult = { ok: true; loop: LoadedLoop & { id: string } } | { ok: false; reason: "not_found" | "not_defined" };

/**
 * The loop's model for reading, from the cache when it is current. `db` may be given as a function, so
 * that a cache hit (the /predict/ hot path) does not even look the pool up.
 */
export async function loadLoop(database: Database | (() => Database), accountId: string, loopId: string): Promise<LoadResult> {
  if (!isUuid(loopId)) return { ok: false, reason: "not_found" };
  listenForVersions();
  const entry = cache.entries.get(loopId);
  if (entry && entry.loaded.accountId === accountId && Date.now() - entry.checkedAt < REVALIDATE_MS) {
    return { ok: true, loop: { id: loopId, ...entry.loaded } };
  }
  const db = typeof database === "function" ? database() : database;
  const [head] = await db
    .select({ version: loops.version, taskType: loops.taskType })
    .from(loops)
    .where(and(eq(loops.id, loopId), eq(loops.accountId, accountId)));
  if (!head) return { ok: false, reason: "not_found" };
  if (!head.taskType) return { ok: false, reason: "not_defined" };
  if (entry && entry.loaded.version === head.version) {
    entry.checkedAt = Date.now();
    return { ok: true, loop: { id: loopId, ...entry.loaded } };
  }
  const [row] = await db.select().from(loops).where(eq(loops.id, loopId));
  const loaded = loadedFrom(row!);
  remember(loopId, loaded);
  return { ok: true, loop: { id: loopId, ...loaded } };
}

function loadedFrom(row: LoopRow): LoadedLoop {
  return {
    accountId: row.accountId,
    version: row.version,
    nSeen: row.nSeen,
    spec: specOfRow(row)!,
    model: loadModel({ learnerState: row.learnerState!, monitorState: row.monitorState! }),
  };
}

export type TrainResult<T> = { ok: true; result: T; nSeen: number; version: number } | { ok: false; reason: "not_found" | "not_defined" };

/**
 * Runs `learn` on a copy of the loop's model, stores it and publishes it to readers. Learning is
 * serialised per loop, so that no batch is lost:
 * - in this process, batches for one loop wait in a queue and run one after another;
 * - across processes, by compare-and-set on the version: the UPDATE applies only if the row is still at
 *   the version the batch learned from (one statement, so one round trip, committed on its own, whose
 *   RETURNING also sends the NOTIFY that other processes receive at commit). If another process got
 *   there first, the batch is learned again from the row as it now is; after OPTIMISTIC_ATTEMPTS such
 *   conflicts it takes the row lock (SELECT … FOR UPDATE in a transaction) instead.
 * `learn` must therefore be repeatable: it gets a fresh copy each time. The state is stored packed
 * (model-codec.ts). Copying, learning and packing are each bounded (limits.ts) and `learn` gets the
 * request's pacer, so the event loop is given back between them and between rows.
 */
export async function trainLoop<T extends { trained: number }>(
  db: Database,
  accountId: string,
  loopId: string,
  learn: Learn<T>,
): Promise<TrainResult<T>> {
  if (!isUuid(loopId)) return { ok: false, reason: "not_found" };
  const previous = training.get(loopId) ?? Promise.resolve();
  const run = previous.then(() => trainNow(db, accountId, loopId, learn));
  const tail = run.then(
    () => {},
    () => {},
  );
  training.set(loopId, tail);
  void tail.then(() => {
    if (training.get(loopId) === tail) training.delete(loopId);
  });
  return run;
}

/** A batch's learning on a copy of the model; it may give the event loop back through the pacer. */
export type Learn<T> = (spec: LoopSpec, model: LoopModel, pacer: EventLoopPacer) => Promise<T>;

const OPTIMISTIC_ATTEMPTS = 3;

/** A copy of the loop to learn on; a large model's is taken in a slice of its own. */
async function copyToLearn(base: LoadedLoop, pacer: EventLoopPacer): Promise<LoadedLoop> {
  const large = isLargeModel(base.model.learner);
  if (large || pacer.dueNow()) await pacer.pause();
  const current: LoadedLoop = { ...base, model: cloneModel(base.model) };
  if (large || pacer.dueNow()) await pacer.pause();
  return current;
}

/** Before packing the learned model for storage: a large model's is packed in a slice of its own. */
async function beforePacking(current: LoadedLoop, pacer: EventLoopPacer): Promise<void> {
  if (isLargeModel(current.model.learner) || pacer.dueNow()) await pacer.pause();
}

async function trainNow<T extends { trained: number }>(db: Database, accountId: string, loopId: string, learn: Learn<T>): Promise<TrainResult<T>> {
  const pacer = new EventLoopPacer();
  for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
    const cached = attempt === 0 ? cache.entries.get(loopId)?.loaded : undefined;
    let base: LoadedLoop;
    if (cached && cached.accountId === accountId) base = cached;
    else {
      const read = await readLoop(db, accountId, loopId);
      if (!read.ok) return read;
      base = read.loop;
    }
    const current = await copyToLearn(base, pacer);
    const result = await learn(current.spec, current.model, pacer);
    if (!result.trained) return { ok: true, result, nSeen: current.nSeen, version: current.version };
    await beforePacking(current, pacer);
    const [saved] = await db
      .update(loops)
      .set(storedChanges(current, result.trained))
      .where(and(eq(loops.id, loopId), eq(loops.accountId, accountId), eq(loops.version, current.version)))
      .returning(savedColumns(loopId));
    if (saved) {
      remember(loopId, { ...current, nSeen: saved.nSeen, version: saved.version });
      return { ok: true, result, nSeen: saved.nSeen, version: saved.version };
    }
    cache.entries.delete(loopId); // another process moved the row on
  }
  return trainLocked(db, accountId, loopId, learn);
}

/** The row's state after learning `trained` more examples. */
function storedChanges(current: LoadedLoop, trained: number) {
  return {
    ...storeModel(current.model),
    metrics: { ...compactMetrics(current.model.monitor) },
    nSeen: sql`${loops.nSeen} + ${trained}`,
    version: sql`${loops.version} + 1`,
    lastTrainedAt: sql`now()`,
  };
}

/** RETURNING of a stored batch: pg_notify sees the new version and is delivered at commit. */
function savedColumns(loopId: string) {
  return { nSeen: loops.nSeen, version: loops.version, notified: sql<string>`pg_notify(${CHANNEL}, ${loopId}::text || ':' || ${loops.version}::text)` };
}

async function readLoop(db: Database, accountId: string, loopId: string): Promise<{ ok: true; loop: LoadedLoop } | { ok: false; reason: "not_found" | "not_defined" }> {
  const [row] = await db.select().from(loops).where(and(eq(loops.id, loopId), eq(loops.accountId, accountId)));
  if (!row) return { ok: false, reason: "not_found" };
  if (!row.taskType) return { ok: false, reason: "not_defined" };
  return { ok: true, loop: loadedFrom(row) };
}

/** The pessimistic path, after repeated conflicts: the row lock, held while learning. */
async function trainLocked<T extends { trained: number }>(db: Database, accountId: string, loopId: string, learn: Learn<T>): Promise<TrainResult<T>> {
  const pacer = new EventLoopPacer();
  const published: { loop: LoadedLoop | null } = { loop: null };
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(loops)
      .where(and(eq(loops.id, loopId), eq(loops.accountId, accountId)))
      .for("update");
    if (!row) return { ok: false as const, reason: "not_found" as const };
    if (!row.taskType) return { ok: false as const, reason: "not_defined" as const };
    const current = loadedFrom(row); // a fresh copy already: nobody else holds it
    if (pacer.dueNow()) await pacer.pause();
    const result = await learn(current.spec, current.model, pacer);
    if (!result.trained) return { ok: true as const, result, nSeen: current.nSeen, version: current.version };
    await beforePacking(current, pacer);
    const [saved] = await tx.update(loops).set(storedChanges(current, result.trained)).where(eq(loops.id, loopId)).returning(savedColumns(loopId));
    published.loop = { ...current, nSeen: saved!.nSeen, version: saved!.version };
    return { ok: true as const, result, nSeen: saved!.nSeen, version: saved!.version };
  });
  if (published.loop) remember(loopId, published.loop);
  return outcome;
}

/** The stored model row, for the model download (its states are stored text: read them with loadModel). */
export async function modelDocument(db: Database, accountId: string, loopId: string): Promise<LoopRow | null> {
  if (!isUuid(loopId)) return null;
  const [row] = await db.select().from(loops).where(and(eq(loops.id, loopId), eq(loops.accountId, accountId)));
  return row ?? null;
}
