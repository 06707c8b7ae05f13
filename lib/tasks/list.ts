import { getSql } from "@/db/client";
import type { ApiKeyMode } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { REQUEST_COLUMNS, toRecord, type TaskRequestRecord } from "./store";

export interface TaskListFilter {
  status?: "pending" | "complete" | "aborted";
  type?: string;
  createdFrom?: Date;
  createdTo?: Date;
  /** The id of the last request of the previous page. */
  cursor?: string;
  limit: number;
}

/**
 * Newest first, keyset-paginated on (created_at, id): each page is an index range scan from the
 * cursor's row, so page 10,000 costs what page 1 does at a million requests.
 */
export async function listTaskRequests(
  accountId: string,
  mode: ApiKeyMode,
  filter: TaskListFilter,
): Promise<{ items: TaskRequestRecord[]; nextCursor: string | null }> {
  const sql = getSql();
  const cursor = filter.cursor && isUuid(filter.cursor) ? filter.cursor : null;
  const rows = await sql`
    select ${sql.unsafe(REQUEST_COLUMNS)} from task_requests
    where account_id = ${accountId} and mode = ${mode}
      ${filter.status ? sql`and status = ${filter.status}` : sql``}
      ${filter.type ? sql`and type = ${filter.type}` : sql``}
      ${filter.createdFrom ? sql`and created_at >= ${filter.createdFrom.toISOString()}` : sql``}
      ${filter.createdTo ? sql`and created_at < ${filter.createdTo.toISOString()}` : sql``}
      ${cursor ? sql`and (created_at, id) < (select created_at, id from task_requests where id = ${cursor})` : sql``}
    -- NULLS LAST as the indexes are declared (the columns are never null), so Postgres walks an index in order.
    order by created_at desc nulls last, id desc nulls last
    limit ${filter.limit + 1}`;
  const items = rows.slice(0, filter.limit).map((row) => toRecord(row));
  return { items, nextCursor: rows.length > filter.limit ? items[items.length - 1]!.id : null };
}

/** Requests per status in one space (live or test). */
export async function countTaskRequests(accountId: string, mode: ApiKeyMode): Promise<Record<"pending" | "complete" | "aborted", number>> {
  const rows = await getSql()`
    select status, count(*)::int as n from task_requests where account_id = ${accountId} and mode = ${mode} group by status`;
  const counts = { pending: 0, complete: 0, aborted: 0 };
  for (const row of rows) counts[row.status as keyof typeof counts] = row.n as number;
  return counts;
}

/**
 * Requests per status, each counted up to `cap` (the Tasks page shows "10,000+"): an index range
 * of at most `cap` entries per status, so the counts cost the same at a million requests.
 */
export async function countTaskRequestsUpTo(
  accountId: string,
  mode: ApiKeyMode,
  cap: number,
): Promise<Record<"pending" | "complete" | "aborted", number>> {
  const sql = getSql();
  const upTo = (status: string) => sql`
    (select count(*)::int from (select 1 from task_requests where account_id = ${accountId} and mode = ${mode} and status = ${status} limit ${cap}) s)`;
  const [row] = await sql`select ${upTo("pending")} as pending, ${upTo("complete")} as complete, ${upTo("aborted")} as aborted`;
  return { pending: row!.pending as number, complete: row!.complete as number, aborted: row!.aborted as number };
}
