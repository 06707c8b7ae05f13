import { toRequestObject, type RequestObject } from "./request-object";
import type { TaskRequestRecord } from "./store";

/** The document's Request object for a stored request. */
export function requestObjectOf(record: TaskRequestRecord): RequestObject {
  return toRequestObject({
    id: record.id,
    type: record.type,
    params: record.params,
    status: record.status,
    response: record.response,
    rawResponses: record.answers,
    createdAt: record.createdAt,
    completedAt: record.completedAt,
    mode: record.mode,
  });
}
