import { getSql } from "@/db/client";
import type { ApiErrorDetail } from "@/lib/http/errors";
import { decideConsensus } from "./agreement";
import { validateAnswer } from "./answers";
import { answersOf, REQUEST_COLUMNS, TASK_STATUS_CHANNEL, toDate, toRecord, type SqlLike, type TaskRequestRecord } from "./store";

/**
 * The cruncher side of the queue. A request has maxCrunchers slots; a cruncher leases one with a
 * visibility timeout (an abandoned lease is reclaimed and the slot returns to the queue), answers
 * or skips it, and never gets the same request twice (unique request × cruncher). Rows are locked
 * with FOR UPDATE SKIP LOCKED, so concurrent crunchers never wait on each other or share a slot.
 */

export const DEFAULT_LEASE_SECONDS = 120;

/** The public cruncher id: the account id without dashes (32 hex digits, as the document shows). */
export function cruncherIdOf(accountId: string): string {
  return accountId.replace(/-/g, "").toLowerCase();
}

export interface LeasedTask {
  assignmentId: string;
  leaseUntil: Date;
  request: TaskRequestRecord;
}

/** Returns expired leases' slots to the queue. Cheap: a partial index holds only leased rows. */
export async function reclaimExpiredLeases(sql: SqlLike = getSql()): Promise<number> {
  const rows = await sql`
    with expired as (
      delete from task_assignments where state = 'leased' and lease_until < now() returning request_id
    ), counts as (select request_id, count(*)::int as n from expired group by request_id)
    update task_requests r set slots_taken = greatest(r.slots_taken - counts.n, 0)
    from counts where r.id = counts.request_id returning r.id`;
  return rows.length;
}

/**
 * Leases the next live task this cruncher may take: pending, a free slot, not excluded, not
 * already leased, answered or skipped by them; oldest first. A cruncher holding a live lease gets
 * that one back (a reload of the work page does not take a second slot).
 */
export async function leaseNextTask(cruncherId: string, leaseSeconds = DEFAULT_LEASE_SECONDS): Promise<LeasedTask | null> {
  const sql = getSql();
  await reclaimExpiredLeases(sql);
  const held = await sql`
    select a.id from task_assignments a join task_requests r on r.id = a.request_id
    where a.cruncher_id = ${cruncherId} and a.state = 'leased' and a.lease_until > now() and r.status = 'pending'
    order by a.leased_at limit 1`;
  if (held[0]) return renewLease(cruncherId, held[0].id as string, leaseSeconds);
  return sql.begin(async (tx) => {
    const [row] = await tx`
      select ${tx.unsafe(REQUEST_COLUMNS.replace(/(^|,\s*)(\w+)/g, "$1r.$2"))} from task_requests r
      where r.status = 'pending' and r.mode = 'live' and r.slots_taken < r.max_crunchers
        and not (${cruncherId} = any(r.exclude_crunchers))
        and not exists (select 1 from task_assignments a where a.request_id = r.id and a.cruncher_id = ${cruncherId})
      order by r.created_at, r.id
      limit 1 for update of r skip locked`;
    if (!row) return null;
    return takeSlot(tx, toRecord(row), cruncherId, leaseSeconds);
  });
}

async function takeSlot(tx: SqlLike, request: TaskRequestRecord, cruncherId: string, leaseSeconds: number): Promise<LeasedTask> {
  const [assignment] = await tx`
    insert into task_assignments (request_id, account_id, cruncher_id, lease_until)
    values (${request.id}, ${request.accountId}, ${cruncherId}, now() + make_interval(secs => ${leaseSeconds}))
    returning id, lease_until`;
  await tx`update task_requests set slots_taken = slots_taken + 1 where id = ${request.id}`;
  return { assignmentId: assignment!.id as string, leaseUntil: toDate(assignment!.lease_until), request };
}

/**
 * Takes a slot on one given request (the simulated crunchers of test requests use it); null when
 * the request is not pending, full, or this cruncher already has a slot on it.
 */
export async function leaseSpecificTask(requestId: string, cruncherId: string, leaseSeconds = DEFAULT_LEASE_SECONDS): Promise<LeasedTask | null> {
  return getSql().begin(async (tx) => {
    const [row] = await tx`
      select ${tx.unsafe(REQUEST_COLUMNS)} from task_requests where id = ${requestId} and status = 'pending'
        and slots_taken < max_crunchers and not (${cruncherId} = any(exclude_crunchers)) for update`;
    if (!row) return null;
    const [taken] = await tx`select 1 from task_assignments where request_id = ${requestId} and cruncher_id = ${cruncherId}`;
    if (taken) return null;
    return takeSlot(tx, toRecord(row), cruncherId, leaseSeconds);
  });
}

/** Extends a live lease while the work page is open; null when it has expired or the request ended. */
export async function renewLease(cruncherId: string, assignmentId: string, leaseSeconds = DEFAULT_LEASE_SECONDS): Promise<LeasedTask | null> {
  const sql = getSql();
  const [row] = await sql`
    update task_assignments a set lease_until = now() + make_interval(secs => ${leaseSeconds})
    from task_requests r
    where a.id = ${assignmentId} and a.cruncher_id = ${cruncherId} and a.state = 'leased' and a.lease_until > now()
      and r.id = a.request_id
      and r.status = 'pending'
    returning a.lease_until, a.request_id`;
  if (!row) return null;
  const [request] = await sql`select ${sql.unsafe(REQUEST_COLUMNS)} from task_requests where id = ${row.request_id as string}`;
  return { assignmentId, leaseUntil: toDate(row.lease_until), request: toRecord(request!) };
}

/** Gives the slot back without answering; this cruncher is not offered the request again. */
export async function skipTask(cruncherId: string, assignmentId: string): Promise<boolean> {
  return getSql().begin(async (tx) => {
    const [row] = await tx`
      update task_assignments set state = 'skipped', lease_until = null
      where id = ${assignmentId} and cruncher_id = ${cruncherId} and state = 'leased' returning request_id`;
    if (!row) return false;
    await tx`update task_requests set slots_taken = greatest(slots_taken - 1, 0) where id = ${row.request_id as string}`;
    return true;
  });
}

export type SubmitOutcome =
  | { ok: true; requestStatus: "pending" | "complete"; response: unknown }
  | { ok: false; reason: "not_leased" | "not_pending"; message: string }
  | { ok: false; reason: "invalid"; message: string; errors: ApiErrorDetail[] };

/**
 * Stores one cruncher's answer to the slot they hold, after validating it against the request,
 * and decides the request: complete when enough answers agree (or with a null response when
 * max_crunchers answered without agreement). Completion wakes blocked readers (NOTIFY) and marks
 * the webhook as due in the same transaction, so neither can be lost.
 */
export async function submitAnswer(cruncherId: string, assignmentId: string, answer: unknown): Promise<SubmitOutcome> {
  return getSql().begin(async (tx) => {
    const [assignment] = await tx`
      select request_id, state from task_assignments where id = ${assignmentId} and cruncher_id = ${cruncherId}`;
    if (!assignment || assignment.state !== "leased") {
      return { ok: false, reason: "not_leased", message: "This task is not leased to you (the lease expired or it was answered)." } as const;
    }
    const requestId = assignment.request_id as string;
    const [row] = await tx`select ${tx.unsafe(REQUEST_COLUMNS)} from task_requests where id = ${requestId} for update`;
    const request = toRecord(row!);
    if (request.status !== "pending") {
      return { ok: false, reason: "not_pending", message: `The request is ${request.status}; no more answers are taken.` } as const;
    }
    const checked = validateAnswer(request.type as never, request.params as never, answer);
    if (!checked.ok) return { ok: false, reason: "invalid", message: "The answer does not fit the request.", errors: checked.errors } as const;
    const [still] = await tx`
      update task_assignments set state = 'answered', answer = ${JSON.stringify(checked.answer)}::jsonb, answered_at = now(), lease_until = null
      where id = ${assignmentId} and state = 'leased' returning id`;
    if (!still) return { ok: false, reason: "not_leased", message: "This task is no longer leased to you." } as const;
    const answers = await answersOf(tx, requestId);
    const decision = decideConsensus(
      request.type as never,
      request.params as never,
      answers.map((a) => ({ cruncherId: a.cruncherId, answer: a.answer })) as never,
    );
    if (decision.state === "pending") return { ok: true, requestStatus: "pending", response: null } as const;
    const response = decision.state === "complete" ? decision.response : null;
    await tx`
      update task_requests set status = 'complete', response = ${JSON.stringify(response)}::jsonb, completed_at = now(),
        hook_state = case when hook_url is not null then 'due' end
      where id = ${requestId}`;
    await tx`delete from task_assignments where request_id = ${requestId} and state = 'leased'`;
    await tx`select pg_notify(${TASK_STATUS_CHANNEL}, ${`${requestId}:complete:${request.mode}`})`;
    return { ok: true, requestStatus: "complete", response } as const;
  });
}
