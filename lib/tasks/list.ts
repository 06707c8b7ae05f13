import { and, count, eq, gte, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { taskRequests, type ApiKeyMode } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import type { RequestType } from "./request-types";
import { requestColumns, toRecord, type TaskRequestRecord } from "./store";

type Status = TaskRequestRecord["status"];
export type ArchivedFilter = "exclude" | "only" | "all";

/** The condition of an archived filter (undefined: no condition). */
export function archivedCondition(filter: ArchivedFilter = "exclude"): SQL | undefined {
  return filter === "exclude" ? isNull(taskRequests.archivedAt) : filter === "only" ? isNotNull(taskRequests.archivedAt) : undefined;
}

export interface TaskListFilter {
  status?: Status;
  type?: RequestType;
  /** Requests carrying this tag. */
  tag?: string;
  createdFrom?: Date;
  createdTo?: Date;
  /** true: only gold (control) questions; otherwise they are left out. */
  gold?: boolean;
  /** Requests of this batch. */
  batch?: string;
  /** "exclude" (the default): archived requests are left out; "only": just them; "all": both. */
  archived?: ArchivedFilter;
  /** The id of the last request of the previous page. */
  cursor?: string;
  limit: number;
}

/**
 * Newest first, keyset-paginated on (created_at, id): each page is an index range scan from the
 * cursor's row, so page 10,000 costs what page 1 does at a million requests.
 */
export async function listTaskRequests(
  db: Database,
  workspaceId: string,
  mode: ApiKeyMode,
  filter: TaskListFilter,
): Promise<{ items: TaskRequestRecord[]; nextCursor: string | null }> {
  const cursor = filter.cursor && isUuid(filter.cursor) ? filter.cursor : null;
  const conditions: (SQL | undefined)[] = [
    eq(taskRequests.workspaceId, workspaceId),
    eq(taskRequests.mode, mode),
    eq(taskRequests.gold, filter.gold ?? false),
    filter.status ? eq(taskRequests.status, filter.status) : undefined,
    filter.type ? eq(taskRequests.type, filter.type) : undefined,
    filter.tag ? sql`${taskRequests.params} @> ${JSON.stringify({ tags: [filter.tag] })}::jsonb` : undefined,
    filter.batch !== undefined ? eq(taskRequests.batch, filter.batch) : undefined,
    archivedCondition(filter.archived),
    filter.createdFrom ? gte(taskRequests.createdAt, filter.createdFrom) : undefined,
    filter.createdTo ? lt(taskRequests.createdAt, filter.createdTo) : undefined,
    // A row-value comparison, which Drizzle has no operator for.
    cursor
      ? sql`(${taskRequests.createdAt}, ${taskRequests.id}) < (select ${taskRequests.createdAt}, ${taskRequests.id} from ${taskRequests} where ${taskRequests.id} = ${cursor})`
      : undefined,
  ];
  const rows = await db
    .select(requestColumns)
    .from(taskRequests)
    .where(and(...conditions))
    // NULLS LAST as the indexes are declared (the columns are never null), so Postgres walks an index in order.
    .orderBy(sql`${taskRequests.createdAt} desc nulls last`, sql`${taskRequests.id} desc nulls last`)
    .limit(filter.limit + 1);
  const items = rows.slice(0, filter.limit).map((row) => toRecord(row));
  return { items, nextCursor: rows.length > filter.limit ? items[items.length - 1]!.id : null };
}

const noRequests = (): Record<Status, number> => ({ pending: 0, complete: 0, aborted: 0 });

/** Requests (or, with gold, gold questions) per status in one space (live or test). */
export async function countTaskRequests(db: Database, workspaceId: string, mode: ApiKeyMode, gold = false): Promise<Record<Status, number>> {
  const rows = await db
    .select({ status: taskRequests.status, n: count() })
    .from(taskRequests)
    .where(and(eq(taskRequests.workspaceId, workspaceId), eq(taskRequests.mode, mode), eq(taskRequests.gold, gold)))
    .groupBy(taskRequests.status);
  const counts = noRequests();
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/**
 * Requests per status, each counted up to `cap` (the Tasks page shows "10,000+"): an index range
 * of at most `cap` entries per status, so the counts cost the same at a million requests.
 */
export async function countTaskRequestsUpTo(db: Database, workspaceId: string, mode: ApiKeyMode, cap: number, gold = false): Promise<Record<Status, number>> {
  const upTo = (status: Status) => {
    const capped = db
      .select({ one: sql`1` })
      .from(taskRequests)
      .where(and(eq(taskRequests.workspaceId, workspaceId), eq(taskRequests.mode, mode), eq(taskRequests.status, status), eq(taskRequests.gold, gold)))
      .limit(cap);
    return sql<number>`(select count(*)::int from ${capped.as("capped")})`;
  };
  const [row] = await db.execute<Record<Status, number>>(sql`select ${upTo("pending")} as pending, ${upTo("complete")} as complete, ${upTo("aborted")} as aborted`);
  return { ...noRequests(), ...row };
}
