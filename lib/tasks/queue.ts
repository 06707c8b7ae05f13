import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { taskAssignments, taskRequests } from "@/db/schema";
import { goldStanding } from "./gold-store";
import { leaseEnd, queueStatements } from "./queue-statements";
import { requestColumns, toRecord, type DbOrTx, type TaskRequestRecord } from "./store";

/**
 * The cruncher side of the queue. A request has maxCrunchers slots; a cruncher leases one with a
 * visibility timeout (an abandoned lease is reclaimed and the slot returns to the queue), answers
 * or skips it (answers: submit-answer.ts), and never gets the same request twice (unique request ×
 * cruncher). Rows are locked with FOR UPDATE SKIP LOCKED, so concurrent crunchers never wait on
 * each other or share a slot.
 */

export const DEFAULT_LEASE_SECONDS = 120;

/** The public cruncher id: the account id without dashes (32 hex digits, as the document shows). */
export function cruncherIdOf(workspaceId: string): string {
  return workspaceId.replace(/-/g, "").toLowerCase();
}

export interface LeasedTask {
  assignmentId: string;
  leaseUntil: Date;
  request: TaskRequestRecord;
}

/**
 * Leases the next live task of the workspace this cruncher may take: pending, a free slot, not excluded, not
 * already leased, answered or skipped by them; oldest first. Expired leases are reclaimed first. A
 * cruncher holding a live lease gets that one back (a reload of the work page does not take a
 * second slot). Gold questions are mixed in at the workspace's rate (gold-store.ts): when one is
 * due the oldest gold question they have not seen comes first, else the oldest real task; gold is
 * never handed out when no real work waits. A cruncher paused by the workspace's gold rule gets
 * nothing (null; goldStanding tells why).
 */
export async function leaseNextTask(db: Database, workspaceId: string, cruncherId: string, leaseSeconds = DEFAULT_LEASE_SECONDS): Promise<LeasedTask | null> {
  const statements = queueStatements(db);
  await statements.reclaimExpiredLeases.execute();
  const [held] = await statements.heldLease.execute({ cruncherId, workspaceId });
  if (held) return renewLease(db, cruncherId, held.id, leaseSeconds);
  const standing = await goldStanding(db, workspaceId, cruncherId);
  if (standing.paused) return null;
  const lease = async (gold: boolean) => {
    const [leased] = await statements.leaseNext.execute({ cruncherId, workspaceId, leaseSeconds, gold });
    return leased ? { assignmentId: leased.assignmentId, leaseUntil: leased.leaseUntil!, request: toRecord(leased.request) } : null;
  };
  if (standing.goldDue) {
    const hasRealWork = (await statements.anyLeasable.execute({ cruncherId, workspaceId })).length > 0;
    if (hasRealWork) return (await lease(true)) ?? (await lease(false));
  }
  return lease(false);
}

async function takeSlot(tx: DbOrTx, request: TaskRequestRecord, cruncherId: string, leaseSeconds: number): Promise<LeasedTask> {
  const [assignment] = await tx
    .insert(taskAssignments)
    .values({ requestId: request.id, workspaceId: request.workspaceId, cruncherId, leaseUntil: leaseEnd(leaseSeconds) })
    .returning({ id: taskAssignments.id, leaseUntil: taskAssignments.leaseUntil });
  await tx
    .update(taskRequests)
    .set({ slotsTaken: sql`${taskRequests.slotsTaken} + 1` })
    .where(eq(taskRequests.id, request.id));
  return { assignmentId: assignment!.id, leaseUntil: assignment!.leaseUntil!, request };
}

/**
 * Takes a slot on one given request (the simulated crunchers of test requests use it); null when
 * the request is not pending, full, or this cruncher already has a slot on it.
 */
export async function leaseSpecificTask(db: Database, requestId: string, cruncherId: string, leaseSeconds = DEFAULT_LEASE_SECONDS): Promise<LeasedTask | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select(requestColumns)
      .from(taskRequests)
      .where(
        and(
          eq(taskRequests.id, requestId),
          eq(taskRequests.status, "pending"),
          lt(taskRequests.slotsTaken, taskRequests.maxCrunchers),
          sql`not (${cruncherId} = any(${taskRequests.excludeCrunchers}))`,
        ),
      )
      .for("update");
    if (!row) return null;
    const [taken] = await tx
      .select({ id: taskAssignments.id })
      .from(taskAssignments)
      .where(and(eq(taskAssignments.requestId, requestId), eq(taskAssignments.cruncherId, cruncherId)));
    if (taken) return null;
    return takeSlot(tx, toRecord(row), cruncherId, leaseSeconds);
  });
}

/** Extends a live lease while the work page is open; null when it has expired or the request ended. */
export async function renewLease(db: Database, cruncherId: string, assignmentId: string, leaseSeconds = DEFAULT_LEASE_SECONDS): Promise<LeasedTask | null> {
  const [renewed] = await db
    .update(taskAssignments)
    .set({ leaseUntil: leaseEnd(leaseSeconds) })
    .from(taskRequests)
    .where(
      and(
        eq(taskAssignments.id, assignmentId),
        eq(taskAssignments.cruncherId, cruncherId),
        eq(taskAssignments.state, "leased"),
        gt(taskAssignments.leaseUntil, sql`now()`),
        eq(taskRequests.id, taskAssignments.requestId),
        eq(taskRequests.status, "pending"),
      ),
    )
    .returning({ leaseUntil: taskAssignments.leaseUntil, requestId: taskAssignments.requestId });
  if (!renewed) return null;
  const [request] = await db.select(requestColumns).from(taskRequests).where(eq(taskRequests.id, renewed.requestId));
  return { assignmentId, leaseUntil: renewed.leaseUntil!, request: toRecord(request!) };
}

/** Gives the slot back without answering; this cruncher is not offered the request again. */
export async function skipTask(db: Database, cruncherId: string, assignmentId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [skipped] = await tx
      .update(taskAssignments)
      .set({ state: "skipped", leaseUntil: null })
      .where(and(eq(taskAssignments.id, assignmentId), eq(taskAssignments.cruncherId, cruncherId), eq(taskAssignments.state, "leased")))
      .returning({ requestId: taskAssignments.requestId });
    if (!skipped) return false;
    await tx
      .update(taskRequests)
      .set({ slotsTaken: sql`greatest(${taskRequests.slotsTaken} - 1, 0)` })
      .where(eq(taskRequests.id, skipped.requestId));
    return true;
  });
}

/** The workspace an assignment belongs to, or null. */
export async function assignmentWorkspace(db: Database, assignmentId: string): Promise<string | null> {
  const [row] = await db.select({ workspaceId: taskAssignments.workspaceId }).from(taskAssignments).where(eq(taskAssignments.id, assignmentId));
  return row?.workspaceId ?? null;
}
