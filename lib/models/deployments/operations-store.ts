import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { onBeforeClose, type Database } from "@/db/client";
import { deploymentOperations, deployments, type DeploymentOperationRow } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { processSingleton } from "@/lib/process-singleton";

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
  /** When the operation happened, if not now (an external operation's own timestamp). */
  createdAt?: Date;
}

export async function insertOperation(db: Database, workspaceId: string, op: NewOperation): Promise<DeploymentOperationRow> {
  await flushOperations(); // keeps the log in arrival order
  const [row] = await db
    .insert(deploymentOperations)
    .values({ workspaceId, ...op, output: op.output ?? null, explanation: op.explanation ?? null })
    .returning();
  return row!;
}

// Predictions are logged in batches: one INSERT every FLUSH_MS (or every MAX_PENDING rows) instead
// of a commit per request, which would cost more than the prediction itself. Each operation is kept
// as its JSON text (one flat string instead of a tree of small objects the collector would have to
// promote), and a batch goes to Postgres as one JSON array parameter. Reads of the log in this process
// flush first. A crash of this process loses at most FLUSH_MS of the log; the batch commits without
// waiting for its WAL flush (synchronous_commit off for that transaction only), which on virtual
// disks doubled single-connection throughput, so a crash of Postgres itself may also lose the last
// few hundred milliseconds of log, never a row of any other table.
const FLUSH_MS = 50;
const MAX_PENDING = 500;
interface PendingOperations {
  records: string[];
  db: Database | null;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void>;
}
const pending = processSingleton<PendingOperations>("deployments.operationLog", () => ({ records: [], db: null, timer: null, flushing: Promise.resolve() }));
onBeforeClose(flushOperations); // a graceful shutdown writes the last batch

/** The row as jsonb_to_recordset reads it (snake_case columns). */
function operationRecord(workspaceId: string, op: NewOperation): string {
  return JSON.stringify({
    workspace_id: workspaceId,
    deployment_row_id: op.deploymentRowId,
    ownerid: op.ownerid,
    source: op.source,
    input: op.input,
    output: op.output ?? null,
    explanation: op.explanation ?? null,
    latency_ms: op.latencyMs,
  });
}

/** Queues a served prediction for the operations log. */
export function recordOperationSoon(db: Database, workspaceId: string, op: NewOperation): void {
  pending.records.push(operationRecord(workspaceId, op));
  pending.db = db;
  if (pending.records.length >= MAX_PENDING) void flushOperations();
  else pending.timer ??= setTimeout(() => void flushOperations(), FLUSH_MS);
}

/** Writes every queued operation; resolves when they are committed. */
export function flushOperations(): Promise<void> {
  if (pending.timer) clearTimeout(pending.timer);
  pending.timer = null;
  const records = pending.records.splice(0);
  const db = pending.db;
  pending.flushing = pending.flushing.then(async () => {
    if (!records.length || !db) return;
    await insertOperationRecords(db, records).catch((error: unknown) => console.error(`[deployments] logging ${records.length} operations failed`, error));
  });
  return pending.flushing;
}

/** One statement for the whole batch; the query builder's multi-row INSERT costs more per row than a prediction. */
async function insertOperationRecords(db: Database, records: string[]): Promise<void> {
  await db.$client.begin(async (tx) => {
    await tx`set local synchronous_commit = off`;
    await tx`
    insert into deployment_operations (workspace_id, deployment_row_id, ownerid, source, input, output, explanation, latency_ms)
    select workspace_id, deployment_row_id, ownerid, source, input, output, explanation, latency_ms
    from jsonb_to_recordset(${`[${records.join(",")}]`}::jsonb) as x(
      workspace_id uuid, deployment_row_id uuid, ownerid text, source text, input jsonb, output jsonb, explanation jsonb, latency_ms real)`;
  });
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
  workspaceId: string,
  by: { ownerid: string } | { deploymentRowId: string },
  page: OperationsPage,
): Promise<OperationWithIds[]> {
  await flushOperations();
  const conditions = [eq(deploymentOperations.workspaceId, workspaceId)];
  if ("ownerid" in by) conditions.push(eq(deploymentOperations.ownerid, by.ownerid));
  else {
    if (!isUuid(by.deploymentRowId)) return [];
    conditions.push(eq(deploymentOperations.deploymentRowId, by.deploymentRowId));
  }
  if (page.cursor !== undefined) conditions.push(lt(deploymentOperations.id, page.cursor));
  const rows = await db
    .select({ operation: deploymentOperations, deploymentId: deployments.deploymentId, modelId: deployments.modelId })
    .from(deploymentOperations)
    .innerJoin(deployments, and(eq(deployments.id, deploymentOperations.deploymentRowId), isNull(deployments.deletedAt)))
    .where(and(...conditions))
    .orderBy(desc(deploymentOperations.id))
    .offset(page.skip)
    .limit(page.limit);
  return rows;
}

/** Operations per minute over the last `minutes` minutes (minutes without any are left out). */
export async function operationsPerMinute(db: Database, workspaceId: string, deploymentRowId: string, minutes: number): Promise<{ minute: Date; count: number }[]> {
  await flushOperations();
  const minute = sql<Date>`date_trunc('minute', ${deploymentOperations.createdAt})`;
  const rows = await db
    .select({ minute, count: sql<number>`count(*)::int` })
    .from(deploymentOperations)
    .where(
      and(
        eq(deploymentOperations.workspaceId, workspaceId),
        eq(deploymentOperations.deploymentRowId, deploymentRowId),
        sql`${deploymentOperations.createdAt} > now() - make_interval(mins => ${minutes})`,
      ),
    )
    .groupBy(minute)
    .orderBy(minute);
  return rows.map((r) => ({ minute: new Date(r.minute), count: Number(r.count) }));
}

/** The latest operation of a deployment that carries an explanation (the page's waterfall). */
export async function lastExplainedOperation(db: Database, workspaceId: string, deploymentRowId: string): Promise<DeploymentOperationRow | null> {
  await flushOperations();
  const [row] = await db
    .select()
    .from(deploymentOperations)
    .where(
      and(
        eq(deploymentOperations.workspaceId, workspaceId),
        eq(deploymentOperations.deploymentRowId, deploymentRowId),
        sql`${deploymentOperations.explanation} is not null and ${deploymentOperations.explanation} <> 'null'::jsonb`,
      ),
    )
    .orderBy(desc(deploymentOperations.id))
    .limit(1);
  return row ?? null;
}
