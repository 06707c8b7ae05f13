import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deploymentOperations, deployments, type DeploymentOperationRow } from "@/db/schema";
import { isUuid } from "@/lib/ids";

// The operations log: every prediction served, and inferences recorded from elsewhere. Scoped by
// account like every query; listed newest first by keyset on the bigserial id.

export interface NewOperation {
  deploymentRowId: string;
  ownerid: string;
  source: "predict" | "external";
  input: unknown;
  output: unknown;
  explanation: unknown;
  latencyMs: number | null;
}

export async function insertOperation(db: Database, accountId: string, op: NewOperation): Promise<DeploymentOperationRow> {
  await flushOperations(); // keeps the log in arrival order
  const [row] = await db
    .insert(deploymentOperations)
    .values({ accountId, ...op, output: op.output ?? null, explanation: op.explanation ?? null })
    .returning();
  return row!;
}

// Predictions are logged in batches: one multi-row INSERT every FLUSH_MS (or every MAX_PENDING
// rows) instead of a commit per request, which would cost more than the prediction itself. Reads
// of the log in this process flush first; a crash loses at most FLUSH_MS of the log.
const FLUSH_MS = 50;
const MAX_PENDING = 500;
interface PendingOperations {
  rows: (NewOperation & { accountId: string })[];
  db: Database | null;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void>;
}
const holder = globalThis as typeof globalThis & { __crucibleOperationBuffer?: PendingOperations };
const pending = (holder.__crucibleOperationBuffer ??= { rows: [], db: null, timer: null, flushing: Promise.resolve() });

/** Queues a served prediction for the operations log. */
export function recordOperationSoon(db: Database, accountId: string, op: NewOperation): void {
  pending.rows.push({ accountId, ...op });
  pending.db = db;
  if (pending.rows.length >= MAX_PENDING) void flushOperations();
  else pending.timer ??= setTimeout(() => void flushOperations(), FLUSH_MS);
}

/** Writes every queued operation; resolves when they are committed. */
export function flushOperations(): Promise<void> {
  if (pending.timer) clearTimeout(pending.timer);
  pending.timer = null;
  const rows = pending.rows.splice(0);
  const db = pending.db;
  pending.flushing = pending.flushing.then(async () => {
    if (!rows.length || !db) return;
    await db
      .insert(deploymentOperations)
      .values(rows.map((op) => ({ ...op, output: op.output ?? null, explanation: op.explanation ?? null })))
      .catch((error: unknown) => console.error(`[deployments] logging ${rows.length} operations failed`, error));
  });
  return pending.flushing;
}

/** An operation with the document's ids of its deployment and model. */
export interface OperationWithIds {
  operation: DeploymentOperationRow;
  deploymentId: string;
  modelId: string;
}

export interface OperationsPage {
  skip: number;
  limit: number;
  /** Keyset: only operations with a smaller id (older). */
  cursor?: number;
}

/** Operations newest first, by owner (the document's opos list) or by deployment row (the page's log). */
export async function listOperations(
  db: Database,
  accountId: string,
  by: { ownerid: string } | { deploymentRowId: string },
  page: OperationsPage,
): Promise<OperationWithIds[]> {
  await flushOperations();
  const conditions = [eq(deploymentOperations.accountId, accountId)];
  if ("ownerid" in by) conditions.push(eq(deploymentOperations.ownerid, by.ownerid));
  else {
    if (!isUuid(by.deploymentRowId)) return [];
    conditions.push(eq(deploymentOperations.deploymentRowId, by.deploymentRowId));
  }
  if (page.cursor !== undefined) conditions.push(lt(deploymentOperations.id, page.cursor));
  const rows = await db
    .select({ operation: deploymentOperations, deploymentId: deployments.deploymentId, modelId: deployments.modelId })
    .from(deploymentOperations)
    .innerJoin(deployments, eq(deployments.id, deploymentOperations.deploymentRowId))
    .where(and(...conditions))
    .orderBy(desc(deploymentOperations.id))
    .offset(page.skip)
    .limit(page.limit);
  return rows;
}

/** Operations per minute over the last `minutes` minutes (minutes without any are left out). */
export async function operationsPerMinute(db: Database, accountId: string, deploymentRowId: string, minutes: number): Promise<{ minute: Date; count: number }[]> {
  await flushOperations();
  const minute = sql<Date>`date_trunc('minute', ${deploymentOperations.createdAt})`;
  const rows = await db
    .select({ minute, count: sql<number>`count(*)::int` })
    .from(deploymentOperations)
    .where(
      and(
        eq(deploymentOperations.accountId, accountId),
        eq(deploymentOperations.deploymentRowId, deploymentRowId),
        sql`${deploymentOperations.createdAt} > now() - make_interval(mins => ${minutes})`,
      ),
    )
    .groupBy(minute)
    .orderBy(minute);
  return rows.map((r) => ({ minute: new Date(r.minute), count: Number(r.count) }));
}

/** The latest operation of a deployment that carries an explanation (the page's waterfall). */
export async function lastExplainedOperation(db: Database, accountId: string, deploymentRowId: string): Promise<DeploymentOperationRow | null> {
  await flushOperations();
  const [row] = await db
    .select()
    .from(deploymentOperations)
    .where(
      and(
        eq(deploymentOperations.accountId, accountId),
        eq(deploymentOperations.deploymentRowId, deploymentRowId),
        sql`${deploymentOperations.explanation} is not null and ${deploymentOperations.explanation} <> 'null'::jsonb`,
      ),
    )
    .orderBy(desc(deploymentOperations.id))
    .limit(1);
  return row ?? null;
}
