import { getSql } from "@/db/client";
import { answersAgree } from "./agreement";
import type { AnswerByType } from "./request-types";
import type { ParamsByType, RequestType } from "./request-types";
import type { SqlLike } from "./store";

/** What the work page's stats panel shows one cruncher about their own answers (never anyone else's). */
export interface CruncherStats {
  answeredToday: number;
  answeredTotal: number;
  /** Recent answers to requests that several crunchers decided by agreement (a consensus exists). */
  decided: number;
  /** How many of those agreed with the final answer. */
  agreed: number;
  /** agreed / decided, or null while nothing of theirs was decided by consensus. */
  agreementRate: number | null;
}

/** Agreement is computed over this many of the latest decided answers, so the panel stays cheap. */
export const AGREEMENT_WINDOW = 500;

/**
 * The cruncher's counts (answered since `since`, the start of their local day, and in total) and
 * their agreement with the final answer on requests completed by a majority of several crunchers.
 * Requests answered by one cruncher alone, and those that ended without agreement, have no
 * consensus to agree with and are left out.
 */
export async function cruncherStats(cruncherId: string, since: Date): Promise<CruncherStats> {
  const sql = getSql();
  const [counts] = await sql`
    select count(*) filter (where answered_at >= ${since.toISOString()})::int as today, count(*)::int as total
    from task_assignments where cruncher_id = ${cruncherId} and state = 'answered'`;
  const decided = await sql`
    select r.type, r.params, r.response, a.answer
    from task_assignments a join task_requests r on r.id = a.request_id
    where a.cruncher_id = ${cruncherId} and a.state = 'answered'
      -- A request that ended without agreement stores a JSON null response.
      and r.status = 'complete' and r.response is not null and r.response <> 'null'::jsonb and r.min_agreements >= 2
    order by a.answered_at desc
    limit ${AGREEMENT_WINDOW}`;
  let agreed = 0;
  for (const row of decided) {
    const type = row.type as RequestType;
    const params = row.params as ParamsByType[RequestType];
    if (answersAgree(type, params, row.answer as AnswerByType[RequestType], row.response as AnswerByType[RequestType])) agreed++;
  }
  return {
    answeredToday: counts?.today ?? 0,
    answeredTotal: counts?.total ?? 0,
    decided: decided.length,
    agreed,
    agreementRate: decided.length ? agreed / decided.length : null,
  };
}

/** How many live tasks this cruncher could lease now, counted up to `cap` (the page shows "100+"). */
export async function countWaitingTasks(cruncherId: string, cap = 100, sql: SqlLike = getSql()): Promise<number> {
  const [row] = await sql`
    select count(*)::int as n from (
      select 1 from task_requests r
      where r.status = 'pending' and r.mode = 'live' and r.slots_taken < r.max_crunchers
        and not (${cruncherId} = any(r.exclude_crunchers))
        and not exists (select 1 from task_assignments a where a.request_id = r.id and a.cruncher_id = ${cruncherId})
      limit ${cap}
    ) waiting`;
  return row?.n ?? 0;
}
