import { and, desc, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { loops } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { forgetLoopEverywhere } from "./loop-cache";

// The loops' trash: a trashed loop (deleted_at set) is skipped by every read of store.ts and
// train-loop.ts, so the API answers 404 for it and its bound keys; restoring brings it back as it
// was, model and all. The scheduled purge (lib/trash/purge.ts) removes it 30 days later.

/** Moves the loop to the trash; false when there is no such live loop. */
export async function trashLoop(db: Database, workspaceId: string, loopId: string, deletedBy: string | null): Promise<boolean> {
  if (!isUuid(loopId)) return false;
  const rows = await db
    .update(loops)
    .set({ deletedAt: sql`now()`, deletedBy })
    .where(and(eq(loops.id, loopId), eq(loops.workspaceId, workspaceId), isNull(loops.deletedAt)))
    .returning({ id: loops.id });
  if (rows.length) await forgetLoopEverywhere(loopId);
  return rows.length > 0;
}

export async function restoreLoop(db: Database, workspaceId: string, loopId: string): Promise<boolean> {
  if (!isUuid(loopId)) return false;
  const rows = await db
    .update(loops)
    .set({ deletedAt: null, deletedBy: null })
    .where(and(eq(loops.id, loopId), eq(loops.workspaceId, workspaceId), isNotNull(loops.deletedAt)))
    .returning({ id: loops.id });
  return rows.length > 0;
}

/** Removes a trashed loop for good, with its logged batches and recent predictions. */
export async function purgeLoop(db: Database, workspaceId: string, loopId: string): Promise<boolean> {
  if (!isUuid(loopId)) return false;
  const rows = await db
    .delete(loops)
    .where(and(eq(loops.id, loopId), eq(loops.workspaceId, workspaceId), isNotNull(loops.deletedAt)))
    .returning({ id: loops.id });
  if (rows.length) await forgetLoopEverywhere(loopId);
  return rows.length > 0;
}

export interface LoopInTrash {
  loopId: string;
  name: string;
  taskType: string | null;
  nSeen: number;
  deletedAt: Date;
  deletedBy: string | null;
}

export async function listTrashedLoops(db: Database, workspaceId: string, limit = 200): Promise<LoopInTrash[]> {
  const rows = await db
    .select({ loopId: loops.id, name: loops.name, taskType: loops.taskType, nSeen: loops.nSeen, deletedAt: loops.deletedAt, deletedBy: loops.deletedBy })
    .from(loops)
    .where(and(eq(loops.workspaceId, workspaceId), isNotNull(loops.deletedAt)))
    .orderBy(desc(loops.deletedAt), desc(loops.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, deletedAt: r.deletedAt! }));
}

/** Loops trashed before the cutoff, across workspaces (the scheduled purge). */
export async function expiredLoops(db: Database, cutoff: Date, limit: number): Promise<{ workspaceId: string; id: string }[]> {
  return db.select({ workspaceId: loops.workspaceId, id: loops.id }).from(loops).where(lt(loops.deletedAt, cutoff)).limit(limit);
}
