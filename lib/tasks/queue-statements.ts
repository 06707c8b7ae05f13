import { and, asc, eq, gt, lt, notExists, sql, type Placeholder } from "drizzle-orm";
import type { Database } from "@/db/client";
import { taskAssignments, taskRequests } from "@/db/schema";
import { requestColumns, type DbOrTx } from "./store";

// The statements every lease and answer runs, built once per database and prepared, so neither
// Drizzle's query building nor Postgres's parsing and planning is repeated per task. Status, mode
// and state are literals so the partial indexes (queue, expiry) match in any plan.

export const leaseEnd = (seconds: number | Placeholder) => sql`now() + make_interval(secs => ${seconds})`;

/** Live requests of the workspace this cruncher may take a slot on: pending, a free slot, not excluded, never leased by them before. */
export function leasableBy(db: DbOrTx, workspaceId: string | Placeholder, cruncherId: string | Placeholder) {
  const theirs = db
    .select({ one: sql`1` })
    .from(taskAssignments)
    .where(and(eq(taskAssignments.requestId, taskRequests.id), eq(taskAssignments.cruncherId, cruncherId)));
  return and(
    eq(taskRequests.workspaceId, workspaceId),
    eq(taskRequests.status, sql`'pending'`),
    eq(taskRequests.mode, sql`'live'`),
    lt(taskRequests.slotsTaken, taskRequests.maxCrunchers),
    sql`not (${cruncherId} = any(${taskRequests.excludeCrunchers}))`,
    notExists(theirs),
  );
}

/** Returns expired leases' slots to the queue, in one statement. */
function reclaimExpiredLeases(db: Database) {
  const expired = db.$with("expired").as(
    db
      .delete(taskAssignments)
      .where(and(eq(taskAssignments.state, sql`'leased'`), lt(taskAssignments.leaseUntil, sql`now()`)))
      .returning({ requestId: taskAssignments.requestId }),
  );
  const counts = db.$with("counts").as(
    db.select({ requestId: expired.requestId, n: sql<number>`count(*)::int`.as("n") }).from(expired).groupBy(expired.requestId),
  );
  return db
    .with(expired, counts)
    .update(taskRequests)
    .set({ slotsTaken: sql`greatest(${taskRequests.slotsTaken} - ${counts.n}, 0)` })
    .from(counts)
    .where(eq(taskRequests.id, counts.requestId))
    .prepare("tasks_reclaim_expired_leases");
}

/** The cruncher's live lease on a pending request of the workspace, if they hold one. */
function heldLease(db: Database) {
  return db
    .select({ id: taskAssignments.id })
    .from(taskAssignments)
    .innerJoin(taskRequests, eq(taskRequests.id, taskAssignments.requestId))
    .where(
      and(
        eq(taskAssignments.cruncherId, sql.placeholder("cruncherId")),
        eq(taskAssignments.workspaceId, sql.placeholder("workspaceId")),
        eq(taskAssignments.state, sql`'leased'`),
        gt(taskAssignments.leaseUntil, sql`now()`),
        eq(taskRequests.status, sql`'pending'`),
      ),
    )
    .orderBy(asc(taskAssignments.leasedAt))
    .limit(1)
    .prepare("tasks_held_lease");
}

/**
 * Takes a slot on the oldest request the cruncher may take, in one statement: the row is locked
 * with FOR UPDATE SKIP LOCKED (concurrent crunchers pass over it rather than wait), its slot count
 * goes up and the assignment is inserted — or, when nothing is left, nothing happens.
 */
function leaseNext(db: Database) {
  const cruncherId = sql.placeholder("cruncherId");
  const picked = db.$with("picked").as(
    db
      .select(requestColumns)
      .from(taskRequests)
      .where(and(leasableBy(db, sql.placeholder("workspaceId"), cruncherId), eq(taskRequests.gold, sql.placeholder("gold"))))
      .orderBy(asc(taskRequests.createdAt), asc(taskRequests.id))
      .limit(1)
      .for("update", { of: taskRequests, skipLocked: true }),
  );
  const bumped = db.$with("bumped").as(
    db
      .update(taskRequests)
      .set({ slotsTaken: sql`${taskRequests.slotsTaken} + 1` })
      .from(picked)
      .where(eq(taskRequests.id, picked.id)),
  );
  // Drizzle's INSERT … SELECT names every column, so the column defaults are spelled out.
  const assignment = db
    .select({
      id: sql`gen_random_uuid()`.as("id"),
      requestId: picked.id,
      workspaceId: picked.workspaceId,
      cruncherId: sql`${cruncherId}`.as("cruncher_id"),
      state: sql`'leased'::task_assignment_state`.as("state"),
      leaseUntil: leaseEnd(sql.placeholder("leaseSeconds")).as("lease_until"),
      answer: sql`null::jsonb`.as("answer"),
      leasedAt: sql`now()`.as("leased_at"),
      answeredAt: sql`null::timestamptz`.as("answered_at"),
      goldCorrect: sql`null::boolean`.as("gold_correct"),
    })
    .from(picked);
  const assigned = db.$with("assigned").as(
    db.insert(taskAssignments).select(assignment).returning({ id: taskAssignments.id, leaseUntil: taskAssignments.leaseUntil }),
  );
  const { id, workspaceId, mode, type, params, status, response, maxCrunchers, minAgreements, excludeCrunchers, slotsTaken, hookUrl, gold, consensus, batch, archivedAt, createdAt, completedAt } =
    picked;
  const request = { id, workspaceId, mode, type, params, status, response, maxCrunchers, minAgreements, excludeCrunchers, slotsTaken, hookUrl, gold, consensus, batch, archivedAt, createdAt, completedAt };
  return db
    .with(picked, bumped, assigned)
    .select({ request, assignmentId: assigned.id, leaseUntil: assigned.leaseUntil })
    .from(picked)
    .crossJoin(assigned)
    .prepare("tasks_lease_next");
}

/** The slot an answer is for, with what checking the answer needs (read before the request is locked). */
function answeredSlot(db: Database) {
  return db
    .select({
      requestId: taskAssignments.requestId,
      state: taskAssignments.state,
      type: taskRequests.type,
      params: taskRequests.params,
      mode: taskRequests.mode,
      gold: taskRequests.gold,
      workspaceId: taskRequests.workspaceId,
    })
    .from(taskAssignments)
    .innerJoin(taskRequests, eq(taskRequests.id, taskAssignments.requestId))
    .where(and(eq(taskAssignments.id, sql.placeholder("assignmentId")), eq(taskAssignments.cruncherId, sql.placeholder("cruncherId"))))
    .prepare("tasks_answered_slot");
}

/** Whether any real (not gold) task waits for this cruncher: gold is mixed into work, never handed out alone. */
function anyLeasable(db: Database) {
  return db
    .select({ one: sql`1` })
    .from(taskRequests)
    .where(and(leasableBy(db, sql.placeholder("workspaceId"), sql.placeholder("cruncherId")), eq(taskRequests.gold, false)))
    .limit(1)
    .prepare("tasks_any_leasable");
}

function prepare(db: Database) {
  return {
    reclaimExpiredLeases: reclaimExpiredLeases(db),
    heldLease: heldLease(db),
    leaseNext: leaseNext(db),
    anyLeasable: anyLeasable(db),
    answeredSlot: answeredSlot(db),
  };
}

const prepared = new WeakMap<Database, ReturnType<typeof prepare>>();

/** The prepared statements of this database (a new pool, e.g. another test database, gets its own). */
export function queueStatements(db: Database): ReturnType<typeof prepare> {
  let statements = prepared.get(db);
  if (!statements) prepared.set(db, (statements = prepare(db)));
  return statements;
}
