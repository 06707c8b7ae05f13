import { toRequestObject, type RequestObject, type StoredAnswer } from "./request-object";
import { isMediaType, type Answer } from "./request-types";
import type { TaskRequestRecord } from "./store";

/**
 * The document's Request object for a stored request. Media answers are stored as the app's own paths
 * (`/v1/files/…`, `/v1/simulated/…`); given the public base URL (`publicBaseUrl`), they are answered as
 * absolute URLs, as the document shows them, so a client can fetch them as they are.
 */
export function requestObjectOf(record: TaskRequestRecord, baseUrl?: string): RequestObject {
  const absolute = baseUrl && isMediaType(record.type) ? (answer: Answer) => absoluteUrl(answer, baseUrl) : (answer: Answer) => answer;
  return toRequestObject({
    id: record.id,
    type: record.type,
    params: record.params,
    status: record.status,
    response: record.response === null ? null : absolute(record.response),
    rawResponses: record.answers.map((a: StoredAnswer): StoredAnswer => ({ ...a, answer: absolute(a.answer) })),
    createdAt: record.createdAt,
    completedAt: record.completedAt,
    mode: record.mode,
    consensus: record.consensus,
    archivedAt: record.archivedAt,
  });
}

/** A path of this app (one leading slash) under the base URL; anything else as it is. */
function absoluteUrl(answer: Answer, baseUrl: string): Answer {
  return typeof answer === "string" && answer.startsWith("/") && !answer.startsWith("//") ? `${baseUrl}${answer}` : answer;
}
