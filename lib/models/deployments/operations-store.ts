import { and, desc, eq, gte, isNull, lt, sql, type SQL } from "drizzle-orm";
import { onBeforeClose, type Database } from "@/db/client";
import { deploymentOperations, deployments, type DeploymentOperationRow } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { processSingleton } from "@/lib/process-singleton";
import type { OperationsFilter } from "./operations-filter";

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
    select x.workspace_id, x.deployment_row_id, x.ownerid, x.source, x.input, x.output, x.explanation, x.latency_ms
    from rows from (jsonb_to_recordset(${`[${records.join(",")}]`}::jsonb) as (
      workspace_id uuid, deployment_row_id uuid, ownerid text, source text, input jsonb, output jsonb, explanation jsonb, latency_ms real))
      with ordinality as x(workspace_id, deployment_row_id, ownerid, source, input, output, explanation, latency_ms, n)
    -- A deployment purged since its predictions were queued takes its log with it; the batch's other rows still land,
    -- in the order they were served (the log's ids order it).
    where exists (select 1 from deployments d where d.id = x.deployment_row_id)
    order by x.n`;
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

/**
 * How many of a deployment's operations one filtered read looks at, at most. The filter's conditions
 * have no index of their own, so a read walks the deployment's index (deployment row, id desc) from
 * the cursor through this many operations and keeps those that match; when fewer than a page match,
 * the page ends early and its cursor says where to go on. Each read then costs a bounded range scan,
 * however rare the matches.
 */
export const FILTER_SCAN_ROWS = 10_000;

export interface FilteredOperations {
  rows: OperationWithIds[];
  /** The smallest id the read looked at when it stopped at FILTER_SCAN_ROWS; null when it reached the oldest. */
  scannedTo: number | null;
}

/** The matching conditions of a filter (rows of this workspace and deployment are chosen by the caller). */
function filterConditions(filter: OperationsFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.source) conditions.push(eq(deploymentOperations.source, filter.source));
  if (filter.from) conditions.push(gte(deploymentOperations.createdAt, filter.from));
  if (filter.to) conditions.push(lt(deploymentOperations.createdAt, filter.to));
  if (filter.text) {
    // strpos, not LIKE: the text is matched as it is, with no wildcards to escape.
    conditions.push(
      sql`strpos(lower(${deploymentOperations.input}::text || ' ' || coalesce(${deploymentOperations.output}::text, '')), ${filter.text.toLowerCase()}) > 0`,
    );
  }
  return conditions;
}

/**
 * A deployment's operations matching a filter, newest first, older than `cursor`: at most `limit`,
 * from at most FILTER_SCAN_ROWS operations looked at (see there).
 */
export async function listFilteredOperations(
  db: Database,
  workspaceId: string,
  deploymentRowId: string,
  filter: OperationsFilter,
  page: { cursor?: number; limit: number },
): Promise<FilteredOperations> {
  await flushOperations();
  if (!isUuid(deploymentRowId)) return { rows: [], scannedTo: null };
  const scope = [eq(deploymentOperations.workspaceId, workspaceId), eq(deploymentOperations.deploymentRowId, deploymentRowId)];
  if (page.cursor !== undefined) scope.push(lt(deploymentOperations.id, page.cursor));
  // Where the window of FILTER_SCAN_ROWS ends: an index-only walk of the deployment's index.
  const [window] = await db
    .select({ last: sql<string | null>`min(w.id)`, count: sql<number>`count(*)::int` })
    .from(
      db
        .select({ id: deploymentOperations.id })
        .from(deploymentOperations)
        .where(and(...scope))
        .orderBy(desc(deploymentOperations.id))
        .limit(FILTER_SCAN_ROWS)
        .as("w"),
    );
  if (!window || Number(window.count) === 0) return { rows: [], scannedTo: null };
  const windowEnd = Number(window.last);
  const rows = await db
    .select({ operation: deploymentOperations, deploymentId: deployments.deploymentId, modelId: deployments.modelId })
    .from(deploymentOperations)
    .innerJoin(deployments, and(eq(deployments.id, deploymentOperations.deploymentRowId), isNull(deployments.deletedAt)))
    .where(and(...scope, gte(deploymentOperations.id, windowEnd), ...filterConditions(filter)))
    .orderBy(desc(deploymentOperations.id))
    .limit(page.limit);
  return { rows, scannedTo: Number(window.count) >= FILTER_SCAN_ROWS ? windowEnd : null };
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
