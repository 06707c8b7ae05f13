import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { loops, type LoopRow } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { specOf, type LoopDefinition } from "./definition";
import { createLoopModel, type LoopModel } from "./engine";
import { formatMetric, type LoopMetrics } from "./metrics-summary";
import { cache, listenForVersions, loadedFrom, remember, REVALIDATE_MS, rowWithLog, type LoadedLoop } from "./loop-cache";
import { resolveSettings } from "./settings";
import { storeModel } from "./stored-model";

export { listenForLoopVersions } from "./loop-cache";
export { trainLoop, type Learn, type TrainResult } from "./train-loop";

export type LoopSummary = Omit<LoopRow, "learnerState" | "monitorState" | "metrics" | "stateVersion" | "deletedAt" | "deletedBy">;

/** Not in the trash (trash.ts): every read here skips trashed loops, so the API answers 404. */
export const liveLoop = isNull(loops.deletedAt);

const summaryColumns = {
  id: loops.id,
  workspaceId: loops.workspaceId,
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

/** A loop created in the dashboard, to be defined later through POST /definitions/ with x-loop-id. */
export async function createLoop(db: Database, workspaceId: string, name: string): Promise<LoopSummary> {
  const [row] = await db.insert(loops).values({ workspaceId, name }).returning(summaryColumns);
  return row!;
}

/** Loops with their current metric, for the list page. */
export async function listLoopsWithMetric(db: Database, workspaceId: string): Promise<(LoopSummary & { metric: string | null })[]> {
  const rows = await db
    .select({ ...summaryColumns, metrics: loops.metrics })
    .from(loops)
    .where(and(eq(loops.workspaceId, workspaceId), liveLoop))
    .orderBy(desc(loops.createdAt));
  return rows.map(({ metrics, ...row }) => ({ ...row, metric: formatMetric(metrics as LoopMetrics | null) }));
}

export async function getLoop(db: Database, workspaceId: string, loopId: string): Promise<LoopSummary | null> {
  if (!isUuid(loopId)) return null;
  const [row] = await db.select(summaryColumns).from(loops).where(and(eq(loops.id, loopId), eq(loops.workspaceId, workspaceId), liveLoop));
  return row ?? null;
}

export type DefineResult = { ok: true; loop: LoopSummary } | { ok: false; reason: "not_found" | "already_defined" };

/** Defines a new loop, or the given not-yet-defined loop of the account, with a fresh model. */
export async function defineLoop(db: Database, workspaceId: string, loopId: string | null, definition: LoopDefinition): Promise<DefineResult> {
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
    const [row] = await db.insert(loops).values({ workspaceId, ...values }).returning(summaryColumns);
    return { ok: true, loop: row! };
  }
  if (!isUuid(loopId)) return { ok: false, reason: "not_found" };
  const [row] = await db
    .update(loops)
    .set(values)
    .where(and(eq(loops.id, loopId), eq(loops.workspaceId, workspaceId), isNull(loops.taskType), liveLoop))
    .returning(summaryColumns);
  if (row) return { ok: true, loop: row };
  return { ok: false, reason: (await getLoop(db, workspaceId, loopId)) ? "already_defined" : "not_found" };
}

export type LoadResult = { ok: true; loop: LoadedLoop & { id: string } } | { ok: false; reason: "not_found" | "not_defined" };

/**
 * The loop's model for reading, from the cache when it is current. `db` may be given as a function, so
 * that a cache hit (the /predict/ hot path) does not even look the pool up.
 */
export async function loadLoop(database: Database | (() => Database), workspaceId: string, id: string): Promise<LoadResult> {
  if (!isUuid(id)) return { ok: false, reason: "not_found" };
  const loopId = id.toLowerCase(); // as Postgres spells it, and so do the cache and NOTIFY
  listenForVersions();
  const entry = cache.entries.get(loopId);
  if (entry && entry.loaded.workspaceId === workspaceId && Date.now() - entry.checkedAt < REVALIDATE_MS) {
    return { ok: true, loop: { id: loopId, ...entry.loaded } };
  }
  const db = typeof database === "function" ? database() : database;
  const [head] = await db
    .select({ version: loops.version, taskType: loops.taskType })
    .from(loops)
    .where(and(eq(loops.id, loopId), eq(loops.workspaceId, workspaceId), liveLoop));
  if (!head) return { ok: false, reason: "not_found" };
  if (!head.taskType) return { ok: false, reason: "not_defined" };
  if (entry && entry.loaded.version === head.version) {
    entry.checkedAt = Date.now();
    return { ok: true, loop: { id: loopId, ...entry.loaded } };
  }
  const [row] = await db.select(rowWithLog()).from(loops).where(eq(loops.id, loopId));
  const loaded = await loadedFrom(row!);
  remember(loopId, loaded);
  return { ok: true, loop: { id: loopId, ...loaded } };
}

/** The loop's row and, once it is defined, its model as stored (batches logged since its states learned again), for the model download. */
export async function modelDocument(db: Database, workspaceId: string, loopId: string): Promise<{ row: LoopRow; model: LoopModel | null } | null> {
  if (!isUuid(loopId)) return null;
  const [row] = await db.select(rowWithLog()).from(loops).where(and(eq(loops.id, loopId), eq(loops.workspaceId, workspaceId), liveLoop));
  if (!row) return null;
  return { row, model: row.taskType ? (await loadedFrom(row)).model : null };
}
