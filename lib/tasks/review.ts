import { getSql } from "@/db/client";
import { isUuid } from "@/lib/ids";
import { answersAgree } from "./agreement";
import type { Answer, AnswerByType } from "./request-types";
import type { ParamsByType, RequestType } from "./request-types";
import { answersOf, REQUEST_COLUMNS, toRecord, type TaskRequestRecord } from "./store";

/**
 * Reads for the requester's review pages. A request's page is addressed by its id alone, whichever
 * space (live or test) it lives in, but only ever within the signed-in account.
 */

export async function findTaskRequest(accountId: string, id: string): Promise<TaskRequestRecord | null> {
  if (!isUuid(id)) return null;
  const sql = getSql();
  const [row] = await sql`select ${sql.unsafe(REQUEST_COLUMNS)} from task_requests where id = ${id} and account_id = ${accountId}`;
  return row ? toRecord(row, await answersOf(sql, id)) : null;
}

/** Just what the detail page polls while a request is pending. */
export async function requestProgress(accountId: string, id: string): Promise<{ status: TaskRequestRecord["status"]; answers: number } | null> {
  if (!isUuid(id)) return null;
  const [row] = await getSql()`
    select r.status, (select count(*)::int from task_assignments a where a.request_id = r.id and a.state = 'answered') as answers
    from task_requests r where r.id = ${id} and r.account_id = ${accountId}`;
  return row ? { status: row.status as TaskRequestRecord["status"], answers: row.answers as number } : null;
}

export interface ReviewedAnswer {
  cruncherId: string;
  answer: Answer;
  answeredAt: Date;
  /** Agrees with the final response; null when there is none (pending, aborted or no agreement). */
  agreesWithResponse: boolean | null;
}

/** Each cruncher's first answer, in arrival order, marked by whether it agrees with the final response. */
export function reviewAnswers(record: TaskRequestRecord): ReviewedAnswer[] {
  const type = record.type as RequestType;
  const params = record.params as ParamsByType[RequestType];
  const response = record.status === "complete" ? (record.response as AnswerByType[RequestType] | null) : null;
  const seen = new Set<string>();
  return record.answers
    .filter((a) => !seen.has(a.cruncherId) && seen.add(a.cruncherId))
    .map((a) => ({
      cruncherId: a.cruncherId,
      answer: a.answer as Answer,
      answeredAt: a.answeredAt,
      agreesWithResponse: response === null ? null : answersAgree(type, params, a.answer as AnswerByType[RequestType], response),
    }));
}
