import type { TransactionSql } from "postgres";
import { getSql } from "@/db/client";
import type { ApiKeyMode } from "@/db/schema";
import { isUuid } from "@/lib/ids";

/** A request as the store returns it: the row plus its answers in the order they arrived. */
export interface TaskRequestRecord {
  id: string;
  accountId: string;
  mode: ApiKeyMode;
  type: string;
  params: Record<string, unknown>;
  status: "pending" | "complete" | "aborted";
  response: unknown;
  maxCrunchers: number;
  minAgreements: number;
  excludeCrunchers: string[];
  slotsTaken: number;
  hookUrl: string | null;
  createdAt: Date;
  completedAt: Date | null;
  answers: TaskAnswerRecord[];
}

export interface TaskAnswerRecord {
  cruncherId: string;
  answer: unknown;
  answeredAt: Date;
}

export type SqlLike = TransactionSql | ReturnType<typeof getSql>;

/** The NOTIFY channel carrying `<request id>:<status>` whenever a request stops being pending. */
export const TASK_STATUS_CHANNEL = "crucible_task_requests";

export const REQUEST_COLUMNS = `id, account_id, mode, type, params, status, response, max_crunchers, min_agreements,
  exclude_crunchers, slots_taken, hook_url, created_at, completed_at`;

/** The shared client hands timestamps over as text (Drizzle's parsers); one place turns them into Dates. */
export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

// postgres.js returns snake_case columns; one mapping keeps every query's result the same shape.
export function toRecord(row: Record<string, unknown>, answers: TaskAnswerRecord[] = []): TaskRequestRecord {
  return {
    id: row.id as string,
    accountId: row.account_id as string,
    mode: row.mode as ApiKeyMode,
    type: row.type as string,
    params: row.params as Record<string, unknown>,
    status: row.status as TaskRequestRecord["status"],
    response: row.response ?? null,
    maxCrunchers: Number(row.max_crunchers),
    minAgreements: Number(row.min_agreements),
    excludeCrunchers: (row.exclude_crunchers as string[] | null) ?? [],
    slotsTaken: Number(row.slots_taken),
    hookUrl: (row.hook_url as string | null) ?? null,
    createdAt: toDate(row.created_at),
    completedAt: row.completed_at == null ? null : toDate(row.completed_at),
    answers,
  };
}

export async function answersOf(sql: SqlLike, requestId: string): Promise<TaskAnswerRecord[]> {
  const rows = await sql`
    select cruncher_id, answer, answered_at from task_assignments
    where request_id = ${requestId} and state = 'answered' order by answered_at, id`;
  return rows.map((r) => ({ cruncherId: r.cruncher_id as string, answer: r.answer, answeredAt: toDate(r.answered_at) }));
}

export interface NewTaskRequest {
  accountId: string;
  mode: ApiKeyMode;
  type: string;
  params: Record<string, unknown>;
  maxCrunchers: number;
  minAgreements: number;
  excludeCrunchers: string[];
  hookUrl: string | null;
  idempotencyKey: string | null;
  keyId: string | null;
}

const IDEMPOTENCY_WINDOW_HOURS = 24;

/**
 * Stores a new request. With an Idempotency-Key seen in the last 24 h the first request is returned
 * instead (replayed: true); an older use of the key is released so the key can be used again.
 */
export async function createTaskRequest(input: NewTaskRequest): Promise<{ record: TaskRequestRecord; replayed: boolean }> {
  const sql = getSql();
  for (let attempt = 0; attempt < 3; attempt++) {
    const inserted = await sql`
      insert into task_requests (account_id, mode, type, params, max_crunchers, min_agreements, exclude_crunchers,
        hook_url, idempotency_key, key_id)
      values (${input.accountId}, ${input.mode}, ${input.type}, ${JSON.stringify(input.params)}::jsonb, ${input.maxCrunchers},
        ${input.minAgreements}, ${input.excludeCrunchers}, ${input.hookUrl}, ${input.idempotencyKey}, ${input.keyId})
      on conflict (account_id, mode, idempotency_key) do nothing
      returning ${sql.unsafe(REQUEST_COLUMNS)}`;
    if (inserted[0]) {
      await sql`select pg_notify(${TASK_STATUS_CHANNEL}, ${`${inserted[0].id}:created:${input.mode}`})`;
      return { record: toRecord(inserted[0]), replayed: false };
    }
    const [existing] = await sql`
      select ${sql.unsafe(REQUEST_COLUMNS)}, created_at > now() - make_interval(hours => ${IDEMPOTENCY_WINDOW_HOURS}) as fresh
      from task_requests where account_id = ${input.accountId} and mode = ${input.mode} and idempotency_key = ${input.idempotencyKey}`;
    if (existing?.fresh) return { record: toRecord(existing, await answersOf(sql, existing.id as string)), replayed: true };
    if (existing) await sql`update task_requests set idempotency_key = null where id = ${existing.id as string}`;
  }
  throw new Error("could not store the request under its idempotency key");
}

/** One request of this account in this space (live or test); null when it is not theirs or unknown. */
export async function getTaskRequest(accountId: string, mode: ApiKeyMode, id: string): Promise<TaskRequestRecord | null> {
  if (!isUuid(id)) return null;
  const sql = getSql();
  const [row] = await sql`
    select ${sql.unsafe(REQUEST_COLUMNS)} from task_requests where id = ${id} and account_id = ${accountId} and mode = ${mode}`;
  return row ? toRecord(row, await answersOf(sql, id)) : null;
}

/** A request by id alone, for the workers (webhooks, simulation); never for an API caller. */
export async function getTaskRequestInternal(id: string): Promise<TaskRequestRecord | null> {
  const sql = getSql();
  const [row] = await sql`select ${sql.unsafe(REQUEST_COLUMNS)} from task_requests where id = ${id}`;
  return row ? toRecord(row, await answersOf(sql, id)) : null;
}

export type AbortOutcome = { ok: true } | { ok: false; reason: "not_found" | "complete" | "aborted" };

/** Aborts a pending request: it leaves every cruncher's queue at once and blocked readers wake up. */
export async function abortTaskRequest(accountId: string, mode: ApiKeyMode, id: string): Promise<AbortOutcome> {
  if (!isUuid(id)) return { ok: false, reason: "not_found" };
  return getSql().begin(async (tx) => {
    const [row] = await tx`
      select status from task_requests where id = ${id} and account_id = ${accountId} and mode = ${mode} for update`;
    if (!row) return { ok: false, reason: "not_found" } as const;
    if (row.status !== "pending") return { ok: false, reason: row.status as "complete" | "aborted" } as const;
    await tx`update task_requests set status = 'aborted', completed_at = now() where id = ${id}`;
    await tx`delete from task_assignments where request_id = ${id} and state = 'leased'`;
    await tx`select pg_notify(${TASK_STATUS_CHANNEL}, ${`${id}:aborted:${mode}`})`;
    return { ok: true } as const;
  });
}

/** A file a cruncher uploaded as the answer to an image, video or audio request. */
export interface TaskFileRecord {
  id: string;
  accountId: string;
  requestId: string;
  cruncherId: string;
  filename: string;
  contenttype: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

function toFileRecord(row: Record<string, unknown>): TaskFileRecord {
  return {
    id: row.id as string,
    accountId: row.account_id as string,
    requestId: row.request_id as string,
    cruncherId: row.cruncher_id as string,
    filename: row.filename as string,
    contenttype: row.contenttype as string,
    size: Number(row.size),
    sha256: row.sha256 as string,
    createdAt: toDate(row.created_at),
  };
}

/** The request behind a slot this cruncher holds right now (leased, not expired); null otherwise. */
export async function leasedRequestOf(cruncherId: string, assignmentId: string): Promise<TaskRequestRecord | null> {
  if (!isUuid(assignmentId)) return null;
  const sql = getSql();
  const [row] = await sql`
    select ${sql.unsafe(REQUEST_COLUMNS.replace(/(^|,\s*)(\w+)/g, "$1r.$2"))} from task_assignments a join task_requests r on r.id = a.request_id
    where a.id = ${assignmentId} and a.cruncher_id = ${cruncherId} and a.state = 'leased' and a.lease_until > now()`;
  return row ? toRecord(row) : null;
}

/** Records an uploaded file under the requesting account (its tenant); the bytes are in the blob store. */
export async function insertTaskFile(file: Omit<TaskFileRecord, "id" | "createdAt">): Promise<TaskFileRecord> {
  const [row] = await getSql()`
    insert into task_files (account_id, request_id, cruncher_id, filename, contenttype, size, sha256)
    values (${file.accountId}, ${file.requestId}, ${file.cruncherId}, ${file.filename}, ${file.contenttype}, ${file.size}, ${file.sha256})
    returning *`;
  return toFileRecord(row!);
}

/** A stored file by its id alone: file URLs are public (the id is unguessable), like the answers that carry them. */
export async function getTaskFile(id: string): Promise<TaskFileRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await getSql()`select * from task_files where id = ${id}`;
  return row ? toFileRecord(row) : null;
}
