import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { taskBatches, taskRequests, type ApiKeyMode } from "@/db/schema";
import { listTaskRequests } from "./list";
import type { TaskRequestRecord } from "./store";

// Batches: requests created with the same `batch` (a name of the caller's, or an upload's id) in one
// workspace's space (live or test). task_batches holds one row per name, so the list pages through
// batches without grouping every request; counts are read for one page of batches at a time along
// task_requests_batch_idx. Gold questions are left out, as in the request list.

export interface BatchCounts {
  /** Every request of the batch (archived ones included). */
  requests: number;
  pending: number;
  complete: number;
  aborted: number;
  archived: number;
}

export interface BatchSummary extends BatchCounts {
  name: string;
  createdAt: Date;
}

const noCounts = (): BatchCounts => ({ requests: 0, pending: 0, complete: 0, aborted: 0, archived: 0 });

/** Counts per batch for the named batches. */
async function countsOf(db: Database, workspaceId: string, mode: ApiKeyMode, names: string[]): Promise<Map<string, BatchCounts>> {
  const out = new Map<string, BatchCounts>(names.map((name) => [name, noCounts()]));
  if (!names.length) return out;
  const rows = await db
    .select({
      batch: taskRequests.batch,
      requests: sql<number>`count(*)::int`,
      pending: sql<number>`(count(*) filter (where ${taskRequests.status} = 'pending'))::int`,
      complete: sql<number>`(count(*) filter (where ${taskRequests.status} = 'complete'))::int`,
      aborted: sql<number>`(count(*) filter (where ${taskRequests.status} = 'aborted'))::int`,
      archived: sql<number>`(count(*) filter (where ${taskRequests.archivedAt} is not null))::int`,
    })
    .from(taskRequests)
    .where(and(eq(taskRequests.workspaceId, workspaceId), eq(taskRequests.mode, mode), eq(taskRequests.gold, false), inArray(taskRequests.batch, names)))
    .groupBy(taskRequests.batch);
  for (const { batch, ...counts } of rows) if (batch !== null) out.set(batch, counts);
  return out;
}

/** The space's batches, newest first, keyset-paginated on (created_at, name); the cursor is the last batch's name. */
export async function listBatches(
  db: Database,
  workspaceId: string,
  mode: ApiKeyMode,
  page: { cursor?: string; limit: number },
): Promise<{ items: BatchSummary[]; nextCursor: string | null }> {
  const rows = await db
    .select({ name: taskBatches.name, createdAt: taskBatches.createdAt })
    .from(taskBatches)
    .where(
      and(
        eq(taskBatches.workspaceId, workspaceId),
        eq(taskBatches.mode, mode),
        page.cursor === undefined
          ? undefined
          : sql`(${taskBatches.createdAt}, ${taskBatches.name}) < (select b.created_at, b.name from ${taskBatches} b where b.workspace_id = ${workspaceId} and b.mode = ${mode} and b.name = ${page.cursor})`,
      ),
    )
    .orderBy(sql`${taskBatches.createdAt} desc nulls last`, sql`${taskBatches.name} desc nulls last`)
    .limit(page.limit + 1);
  const shown = rows.slice(0, page.limit);
  const counts = await countsOf(db, workspaceId, mode, shown.map((r) => r.name));
  const items = shown.map((r) => ({ ...r, ...counts.get(r.name)! }));
  return { items, nextCursor: rows.length > page.limit ? shown[shown.length - 1]!.name : null };
}

/** One batch with a page of its requests (newest first, archived included); null when the space has no such batch. */
export async function getBatch(
  db: Database,
  workspaceId: string,
  mode: ApiKeyMode,
  name: string,
  page: { cursor?: string; limit: number },
): Promise<{ batch: BatchSummary; requests: TaskRequestRecord[]; nextCursor: string | null } | null> {
  const [row] = await db
    .select({ name: taskBatches.name, createdAt: taskBatches.createdAt })
    .from(taskBatches)
    .where(and(eq(taskBatches.workspaceId, workspaceId), eq(taskBatches.mode, mode), eq(taskBatches.name, name)));
  if (!row) return null;
  const [counts, list] = await Promise.all([
    countsOf(db, workspaceId, mode, [name]),
    listTaskRequests(db, workspaceId, mode, { batch: name, archived: "all", cursor: page.cursor, limit: page.limit }),
  ]);
  return { batch: { ...row, ...counts.get(name)! }, requests: list.items, nextCursor: list.nextCursor };
}
