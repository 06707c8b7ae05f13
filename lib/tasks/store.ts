import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { taskAssignments, taskBatches, taskRequests, type ApiKeyMode } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import type { Answer, RequestParams, RequestType } from "./request-types";

// Task requests: every query is scoped by the owning account and space (live or test), except the
// *Internal reads the workers use. The queue (queue.ts) leases and answers them.

/** A database or an open transaction: the stores run inside the queue's transactions too. */
export type DbOrTx = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

/** A request as the store returns it: the row plus its answers in the order they arrived. */
export interface TaskRequestRecord {
  id: string;
  workspaceId: string;
  mode: ApiKeyMode;
  type: RequestType;
  /** As parseRequestBody returned them (validated, defaults applied). */
  params: RequestParams;
  status: "pending" | "complete" | "aborted";
  /** The agreed answer; null while pending, when aborted, and when complete without agreement. */
  response: Answer | null;
  maxCrunchers: number;
  minAgreements: number;
  excludeCrunchers: string[];
  slotsTaken: number;
  hookUrl: string | null;
  /** A gold (control) question (params.gold holds its known answer). */
  gold: boolean;
  /** Dawid–Skene requests: the chosen answer's posterior and the answers it is based on. */
  consensus: { probability: number | null; answers: number } | null;
  /** params.batch, as its own column for the batch lists. */
  batch: string | null;
  /** When it was archived (left out of the default lists); null when it is not. */
  archivedAt: Date | null;
  createdAt: Date;
  completedAt: Date | null;
  answers: TaskAnswerRecord[];
}

export interface TaskAnswerRecord {
  cruncherId: string;
  answer: Answer;
  answeredAt: Date;
}

/** The NOTIFY channel carrying `<request id>:<status>[:<mode>]` when a request is created or stops being pending. */
export const TASK_STATUS_CHANNEL = "crucible_task_requests";

type StatusChange = "created" | "complete" | "aborted";

/** pg_notify of `<request id>:<status>:<mode>` on TASK_STATUS_CHANNEL, to select or return with a write. */
export const notificationOf = (requestId: string, status: StatusChange, mode: ApiKeyMode) =>
  sql`pg_notify(${TASK_STATUS_CHANNEL}, ${`${requestId}:${status}:${mode}`})`;

/** Sends the notification; inside a transaction it is delivered on commit. */
async function notifyTaskStatus(db: DbOrTx, requestId: string, status: StatusChange, mode: ApiKeyMode): Promise<void> {
  await db.execute(sql`select ${notificationOf(requestId, status, mode)}`);
}

/** The columns of a request read (everything but the webhook outbox and idempotency bookkeeping). */
export const requestColumns = {
  id: taskRequests.id,
  workspaceId: taskRequests.workspaceId,
  mode: taskRequests.mode,
  type: taskRequests.type,
  params: taskRequests.params,
  status: taskRequests.status,
  response: taskRequests.response,
  maxCrunchers: taskRequests.maxCrunchers,
  minAgreements: taskRequests.minAgreements,
  excludeCrunchers: taskRequests.excludeCrunchers,
  slotsTaken: taskRequests.slotsTaken,
  hookUrl: taskRequests.hookUrl,
  gold: taskRequests.gold,
  consensus: taskRequests.consensus,
  batch: taskRequests.batch,
  archivedAt: taskRequests.archivedAt,
  createdAt: taskRequests.createdAt,
  completedAt: taskRequests.completedAt,
};
type RequestRow = Awaited<ReturnType<typeof selectRequests>>[number];
const selectRequests = (db: DbOrTx) => db.select(requestColumns).from(taskRequests);

/** Type, params and answers were validated before they were stored; this is where they are trusted again. */
export function toRecord(row: RequestRow, answers: TaskAnswerRecord[] = []): TaskRequestRecord {
  return { ...row, type: row.type as RequestType, params: row.params as RequestParams, response: (row.response ?? null) as Answer | null, answers };
}

/** The request's answers, in the order they arrived. */
export async function answersOf(db: DbOrTx, requestId: string): Promise<TaskAnswerRecord[]> {
  const rows = await db
    .select({ cruncherId: taskAssignments.cruncherId, answer: taskAssignments.answer, answeredAt: taskAssignments.answeredAt })
    .from(taskAssignments)
    .where(and(eq(taskAssignments.requestId, requestId), eq(taskAssignments.state, "answered")))
    .orderBy(asc(taskAssignments.answeredAt), asc(taskAssignments.id))
    .prepare("tasks_answers_of") // read for every answer stored: parsed and planned once per connection
    .execute();
  // An answered assignment always has its answer and answered_at.
  return rows.map((r) => ({ cruncherId: r.cruncherId, answer: r.answer as Answer, answeredAt: r.answeredAt! }));
}

async function withAnswers(db: DbOrTx, row: RequestRow | undefined): Promise<TaskRequestRecord | null> {
  return row ? toRecord(row, await answersOf(db, row.id)) : null;
}

export interface NewTaskRequest {
  workspaceId: string;
  mode: ApiKeyMode;
  type: RequestType;
  params: RequestParams;
  maxCrunchers: number;
  minAgreements: number;
  excludeCrunchers: string[];
  hookUrl: string | null;
  gold?: boolean;
  idempotencyKey: string | null;
  keyId: string | null;
}

const IDEMPOTENCY_WINDOW_HOURS = 24;

/**
 * Stores a new request. With an Idempotency-Key seen in the last 24 h the first request is returned
 * instead (replayed: true); an older use of the key is released so the key can be used again.
 */
export async function createTaskRequest(db: DbOrTx, input: NewTaskRequest): Promise<{ record: TaskRequestRecord; replayed: boolean }> {
  const fresh = sql<boolean>`${taskRequests.createdAt} > now() - make_interval(hours => ${IDEMPOTENCY_WINDOW_HOURS})`;
  const batch = input.params.batch ?? null;
  // The batch's row first: a batch is listed from the moment its first request exists.
  if (batch !== null) await db.insert(taskBatches).values({ workspaceId: input.workspaceId, mode: input.mode, name: batch }).onConflictDoNothing();
  for (let attempt = 0; attempt < 3; attempt++) {
    const [inserted] = await db
      .insert(taskRequests)
      .values({ ...input, batch })
      .onConflictDoNothing({ target: [taskRequests.workspaceId, taskRequests.mode, taskRequests.idempotencyKey] })
      .returning(requestColumns);
    if (inserted) {
      await notifyTaskStatus(db, inserted.id, "created", input.mode);
      return { record: toRecord(inserted), replayed: false };
    }
    if (input.idempotencyKey === null) break; // only a key can conflict
    const [existing] = await db
      .select({ row: requestColumns, fresh })
      .from(taskRequests)
      .where(and(eq(taskRequests.workspaceId, input.workspaceId), eq(taskRequests.mode, input.mode), eq(taskRequests.idempotencyKey, input.idempotencyKey)));
    if (existing?.fresh) return { record: (await withAnswers(db, existing.row))!, replayed: true };
    if (existing) await db.update(taskRequests).set({ idempotencyKey: null }).where(eq(taskRequests.id, existing.row.id));
  }
  throw new Error("could not store the request under its idempotency key");
}

/** One request of this account in this space (live or test); null when it is not theirs or unknown. */
export async function getTaskRequest(db: DbOrTx, workspaceId: string, mode: ApiKeyMode, id: string): Promise<TaskRequestRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await selectRequests(db).where(and(eq(taskRequests.id, id), eq(taskRequests.workspaceId, workspaceId), eq(taskRequests.mode, mode)));
  return withAnswers(db, row);
}

/** A request by id alone, for the workers (webhooks, simulation); never for an API caller. */
export async function getTaskRequestInternal(db: DbOrTx, id: string): Promise<TaskRequestRecord | null> {
  const [row] = await selectRequests(db).where(eq(taskRequests.id, id));
  return withAnswers(db, row);
}

export type AbortOutcome = { ok: true } | { ok: false; reason: "not_found" | "complete" | "aborted" };

/** Aborts a pending request: it leaves every cruncher's queue at once and blocked readers wake up. */
export async function abortTaskRequest(db: Database, workspaceId: string, mode: ApiKeyMode, id: string): Promise<AbortOutcome> {
  if (!isUuid(id)) return { ok: false, reason: "not_found" };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: taskRequests.status })
      .from(taskRequests)
      .where(and(eq(taskRequests.id, id), eq(taskRequests.workspaceId, workspaceId), eq(taskRequests.mode, mode)))
      .for("update");
    if (!row) return { ok: false, reason: "not_found" } as const;
    if (row.status !== "pending") return { ok: false, reason: row.status } as const;
    await tx.update(taskRequests).set({ status: "aborted", completedAt: sql`now()` }).where(eq(taskRequests.id, id));
    await tx.delete(taskAssignments).where(and(eq(taskAssignments.requestId, id), eq(taskAssignments.state, "leased")));
    await notifyTaskStatus(tx, id, "aborted", mode);
    return { ok: true } as const;
  });
}

/**
 * Archives a request of this workspace's space, whatever its status: it leaves the default lists
 * (and nothing else changes: a pending one is still answered). Idempotent: the first time is kept.
 * Null when the request is not theirs or unknown.
 */
export async function archiveTaskRequest(db: DbOrTx, workspaceId: string, mode: ApiKeyMode, id: string): Promise<TaskRequestRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .update(taskRequests)
    .set({ archivedAt: sql`coalesce(${taskRequests.archivedAt}, now())` })
    .where(and(eq(taskRequests.id, id), eq(taskRequests.workspaceId, workspaceId), eq(taskRequests.mode, mode)))
    .returning(requestColumns);
  return withAnswers(db, row);
}

/** The request behind a slot this cruncher holds right now (leased, not expired); null otherwise. */
export async function leasedRequestOf(db: DbOrTx, cruncherId: string, assignmentId: string): Promise<TaskRequestRecord | null> {
  if (!isUuid(assignmentId)) return null;
  const [row] = await selectRequests(db)
    .innerJoin(taskAssignments, eq(taskAssignments.requestId, taskRequests.id))
    .where(
      and(
        eq(taskAssignments.id, assignmentId),
        eq(taskAssignments.cruncherId, cruncherId),
        eq(taskAssignments.state, "leased"),
        gt(taskAssignments.leaseUntil, sql`now()`),
      ),
    );
  return row ? toRecord(row) : null;
}
