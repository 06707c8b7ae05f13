import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { taskAssignments, taskRequests } from "@/db/schema";
import { answersAgree } from "./agreement";
import { goldAccuracy, type GoldAccuracy } from "./consensus/gold-accuracy";
import { goldSettingsOf, isPaused, type GoldSettings } from "./gold-store";
import type { Answer, RequestParams, RequestType } from "./request-types";
import type { DbOrTx } from "./store";

/*
 * Per-cruncher quality in one workspace, for the requester's review pages: accuracy on gold with
 * its Wilson interval, agreement with final answers, time per task and answers per day. Live
 * answers only; bounded reads (the crunchers with most answers, the latest decided answers).
 */

/** Crunchers listed at most (those with most answers). */
export const QUALITY_CRUNCHERS = 200;
/** Agreement is computed over this many of the workspace's latest decided answers. */
export const QUALITY_AGREEMENT_WINDOW = 5_000;
/** Answers per day are counted over this many days. */
export const QUALITY_DAYS = 30;

export interface CruncherQuality {
  cruncherId: string;
  answers: number;
  gold: GoldAccuracy;
  /** Of their answers to requests completed with a response by several crunchers' consensus, how many agree with it. */
  decided: number;
  agreed: number;
  agreementRate: number | null;
  /** Median seconds from lease to answer. */
  medianSeconds: number | null;
  /** Answers per day over the last QUALITY_DAYS days (or since their first answer, if later). */
  answersPerDay: number;
  /** Paused by the workspace's gold rule. */
  paused: boolean;
}

/** Quality of the workspace's crunchers (or just these), most answers first. */
export async function cruncherQuality(db: DbOrTx, workspaceId: string, only?: readonly string[]): Promise<{ crunchers: CruncherQuality[]; settings: GoldSettings }> {
  const settings = await goldSettingsOf(db, workspaceId);
  const scope = and(
    eq(taskAssignments.workspaceId, workspaceId),
    eq(taskAssignments.state, "answered"),
    only ? inArray(taskAssignments.cruncherId, [...only].slice(0, QUALITY_CRUNCHERS)) : undefined,
  );
  const seconds = sql`extract(epoch from ${taskAssignments.answeredAt} - ${taskAssignments.leasedAt})`;
  const rows = await db
    .select({
      cruncherId: taskAssignments.cruncherId,
      answers: sql<number>`count(*)`.mapWith(Number),
      goldAnswered: sql<number>`count(${taskAssignments.goldCorrect})`.mapWith(Number),
      goldCorrect: sql<number>`count(*) filter (where ${taskAssignments.goldCorrect})`.mapWith(Number),
      medianSeconds: sql<number | null>`percentile_cont(0.5) within group (order by ${seconds})`.mapWith((v) => (v === null ? null : Number(v))),
      recent: sql<number>`count(*) filter (where ${taskAssignments.answeredAt} > now() - make_interval(days => ${QUALITY_DAYS}))`.mapWith(Number),
      recentDays: sql<number>`greatest(1, least(${QUALITY_DAYS}, extract(epoch from now() - min(${taskAssignments.answeredAt})) / 86400))`.mapWith(Number),
    })
    .from(taskAssignments)
    .innerJoin(taskRequests, eq(taskRequests.id, taskAssignments.requestId))
    .where(and(scope, eq(taskRequests.mode, "live")))
    .groupBy(taskAssignments.cruncherId)
    .orderBy(desc(sql`count(*)`), taskAssignments.cruncherId)
    .limit(QUALITY_CRUNCHERS);
  const ids = rows.map((r) => r.cruncherId);
  const decided = ids.length
    ? await db
        .select({ cruncherId: taskAssignments.cruncherId, type: taskRequests.type, params: taskRequests.params, response: taskRequests.response, answer: taskAssignments.answer })
        .from(taskAssignments)
        .innerJoin(taskRequests, eq(taskRequests.id, taskAssignments.requestId))
        .where(
          and(
            eq(taskAssignments.workspaceId, workspaceId),
            eq(taskAssignments.state, "answered"),
            inArray(taskAssignments.cruncherId, ids),
            eq(taskRequests.mode, "live"),
            eq(taskRequests.gold, false),
            eq(taskRequests.status, "complete"),
            isNotNull(taskRequests.response),
            sql`${taskRequests.response} <> 'null'::jsonb`,
            // Several crunchers' consensus: more than one answer to the request.
            sql`(select count(*) from ${taskAssignments} other where other.request_id = ${taskRequests.id} and other.state = 'answered') > 1`,
          ),
        )
        .orderBy(desc(taskAssignments.answeredAt))
        .limit(QUALITY_AGREEMENT_WINDOW)
    : [];
  const agreement = new Map<string, { decided: number; agreed: number }>();
  for (const row of decided) {
    const entry = agreement.get(row.cruncherId) ?? { decided: 0, agreed: 0 };
    entry.decided++;
    if (answersAgree(row.type as RequestType, row.params as RequestParams, row.answer as Answer, row.response as Answer)) entry.agreed++;
    agreement.set(row.cruncherId, entry);
  }
  const crunchers = rows.map((r): CruncherQuality => {
    const gold = goldAccuracy(r.goldCorrect, r.goldAnswered);
    const a = agreement.get(r.cruncherId) ?? { decided: 0, agreed: 0 };
    return {
      cruncherId: r.cruncherId,
      answers: r.answers,
      gold,
      decided: a.decided,
      agreed: a.agreed,
      agreementRate: a.decided ? a.agreed / a.decided : null,
      medianSeconds: r.medianSeconds,
      answersPerDay: r.recent / r.recentDays,
      paused: isPaused(gold, settings),
    };
  });
  return { crunchers, settings };
}
