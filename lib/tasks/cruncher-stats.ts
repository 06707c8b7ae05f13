import { and, count, desc, eq, gte, isNotNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { taskAssignments, taskRequests } from "@/db/schema";
import { answersAgree } from "./agreement";
import { leasableBy } from "./queue-statements";
import type { Answer, RequestParams, RequestType } from "./request-types";
import type { DbOrTx } from "./store";

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
export async function cruncherStats(db: Database, cruncherId: string, since: Date): Promise<CruncherStats> {
  const theirAnswers = and(eq(taskAssignments.cruncherId, cruncherId), eq(taskAssignments.state, "answered"));
  const [counts] = await db
    .select({
      today: sql<number>`count(*) filter (where ${taskAssignments.answeredAt} >= ${since.toISOString()})`.mapWith(Number),
      total: count(),
    })
    .from(taskAssignments)
    .where(theirAnswers);
  const decided = await db
    .select({ type: taskRequests.type, params: taskRequests.params, response: taskRequests.response, answer: taskAssignments.answer })
    .from(taskAssignments)
    .innerJoin(taskRequests, eq(taskRequests.id, taskAssignments.requestId))
    .where(
      and(
        theirAnswers,
        eq(taskRequests.status, "complete"),
        // A request that ended without agreement stores a JSON null response.
        isNotNull(taskRequests.response),
        sql`${taskRequests.response} <> 'null'::jsonb`,
        gte(taskRequests.minAgreements, 2),
      ),
    )
    .orderBy(desc(taskAssignments.answeredAt))
    .limit(AGREEMENT_WINDOW);
  // Stored values were validated when they were stored.
  const agreed = decided.filter((row) =>
    answersAgree(row.type as RequestType, row.params as RequestParams, row.answer as Answer, row.response as Answer),
  ).length;
  return {
    answeredToday: counts?.today ?? 0,
    answeredTotal: counts?.total ?? 0,
    decided: decided.length,
    agreed,
    agreementRate: decided.length ? agreed / decided.length : null,
  };
}

/** How many live tasks this cruncher could lease now, counted up to `cap` (the page shows "100+"). */
export async function countWaitingTasks(db: DbOrTx, workspaceId: string, cruncherId: string, cap = 100): Promise<number> {
  const waiting = db.select({ one: sql`1` }).from(taskRequests).where(and(leasableBy(db, workspaceId, cruncherId), eq(taskRequests.gold, false))).limit(cap).as("waiting");
  const [row] = await db.select({ n: count() }).from(waiting);
  return row?.n ?? 0;
}
