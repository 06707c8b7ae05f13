import type { Answer } from "./request-types";
import { toRequestObject, type RequestObject } from "./request-object";
import type { RequestParams, RequestType } from "./request-types";
import type { TaskRequestRecord } from "./store";

/** The document's Request object for a stored request. */
export function requestObjectOf(record: TaskRequestRecord): RequestObject {
  return toRequestObject({
    id: record.id,
    type: record.type as RequestType,
    params: record.params as RequestParams,
    status: record.status,
    response: (record.response ?? null) as Answer | null,
    rawResponses: record.answers.map((a) => ({ cruncherId: a.cruncherId, answer: a.answer as Answer, answeredAt: a.answeredAt })),
    createdAt: record.createdAt,
    completedAt: record.completedAt,
    mode: record.mode,
  });
}
