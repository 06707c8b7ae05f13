import { and, count, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { taskAssignments, taskRequests } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { answersAgree } from "./agreement";
import type { Answer } from "./request-types";
import { answersOf, requestColumns, toRecord, type TaskRequestRecord } from "./store";

/**
 * Reads for the requester's review pages. A request's page is addressed by its id alone, whichever
 * space (live or test) it lives in, but only ever within the signed-in account.
 */

export async function findTaskRequest(db: Database, workspaceId: string, id: string): Promise<TaskRequestRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select(requestColumns)
    .from(taskRequests)
    .where(and(eq(taskRequests.id, id), eq(taskRequests.workspaceId, workspaceId)));
  return row ? toRecord(row, await answersOf(db, id)) : null;
}

/** Just what the detail page polls while a request is pending. */
export async function requestProgress(db: Database, workspaceId: string, id: string): Promise<{ status: TaskRequestRecord["status"]; answers: number } | null> {
  if (!isUuid(id)) return null;
  const answered = db
    .select({ n: count() })
    .from(taskAssignments)
    .where(and(eq(taskAssignments.requestId, taskRequests.id), eq(taskAssignments.state, "answered")));
  const [row] = await db
    .select({ status: taskRequests.status, answers: sql`(${answered})`.mapWith(Number) })
    .from(taskRequests)
    .where(and(eq(taskRequests.id, id), eq(taskRequests.workspaceId, workspaceId)));
  return row ?? null;
}

export interface ReviewedAnswer {
  cruncherId: string;
  answer: Answer;
  answeredAt: Date;
  /** Agrees with the final response; null when there is none (pending, aborted or no agreement). */
  agreesWithResponse: boolean | null;
}

/** Each cruncher's first answer, in arrival order, marked by whether it agrees with the final response (on a gold question: the known answer). */
export function reviewAnswers(record: TaskRequestRecord): ReviewedAnswer[] {
  const response = record.gold ? ((record.params.gold as Answer | undefined) ?? null) : record.status === "complete" ? record.response : null;
  const seen = new Set<string>();
  return record.answers
    .filter((a) => !seen.has(a.cruncherId) && seen.add(a.cruncherId))
    .map((a) => ({
      cruncherId: a.cruncherId,
      answer: a.answer,
      answeredAt: a.answeredAt,
      agreesWithResponse: response === null ? null : answersAgree(record.type, record.params, a.answer, response),
    }));
}
