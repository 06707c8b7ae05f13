import type { Answer, AnswerByType } from "./request-types";
import type { ParamsByType, RequestParams, RequestType } from "./request-types";
import { apiTimestamp } from "@/lib/http/timestamps";

/**
 * The Request object of the human-tasks document: id, status, response, raw_responses, type, then
 * every parameter of the request at the top level (normalised, defaults included). The document
 * shows no timestamps; created_at and completed_at (ISO 8601, UTC) are additions, as are archived
 * and archived_at.
 */

/** "aborted" is ours: the document has abort but names only pending and complete. */
export type RequestStatus = "pending" | "complete" | "aborted";

export interface StoredAnswer<A = Answer> {
  cruncherId: string;
  answer: A;
  answeredAt: Date;
}

/** What the store hands over: one request with its answers in the order they arrived. */
export interface StoredRequest {
  id: string;
  type: RequestType;
  /** As parseRequestBody returned them. */
  params: RequestParams;
  status: RequestStatus;
  /** The agreed answer; null while pending, when aborted, and when complete without agreement. */
  response: Answer | null;
  rawResponses: StoredAnswer[];
  createdAt: Date;
  /** When it became complete or aborted. */
  completedAt: Date | null;
  /** Test-key (staging) requests are answered by simulated crunchers; not shown in the object. */
  mode: "live" | "test";
  /** "dawid-skene" requests: the chosen answer's posterior and the answers used, once there is one. */
  consensus?: { probability: number | null; answers: number } | null;
  /** When it was archived; null or absent when it is not. */
  archivedAt?: Date | null;
}

type RequestObjectOf<T extends RequestType> = {
  id: string;
  status: RequestStatus;
  /** Present once complete; null when the crunchers did not agree. */
  response?: AnswerByType[T] | null;
  /** cruncher id → that cruncher's answer; present when there is any, or when confidence is set. */
  raw_responses?: Record<string, AnswerByType[T]>;
  type: T;
  created_at: string;
  completed_at: string | null;
  /** Archived requests are left out of the default lists (GET /v1/requests?archived=true lists them). */
  archived: boolean;
  archived_at: string | null;
} & ParamsByType[T];

export type RequestObject = { [T in RequestType]: RequestObjectOf<T> }[RequestType];

/** The Request object for GET /v1/requests/{id}, creation replies, lists and webhooks. */
export function toRequestObject(stored: StoredRequest): RequestObject {
  const object: Record<string, unknown> = { id: stored.id, status: stored.status };
  if (stored.status === "complete") object.response = stored.response;
  if (stored.rawResponses.length || stored.params.confidence) {
    const raw = new Map<string, Answer>();
    for (const { cruncherId, answer } of stored.rawResponses) if (!raw.has(cruncherId)) raw.set(cruncherId, answer);
    object.raw_responses = Object.fromEntries(raw);
  }
  object.type = stored.type;
  for (const [name, value] of Object.entries(stored.params)) if (value !== undefined) object[name] = value;
  // The confidence object gains, for Dawid–Skene, the posterior of the chosen answer and the answers it rests on.
  if (stored.params.confidence?.strategy === "dawid-skene") {
    object.confidence = { ...stored.params.confidence, probability: stored.consensus?.probability ?? null, answers_used: stored.consensus?.answers ?? 0 };
  }
  object.created_at = apiTimestamp(stored.createdAt);
  object.completed_at = stored.completedAt ? apiTimestamp(stored.completedAt) : null;
  object.archived = Boolean(stored.archivedAt);
  object.archived_at = stored.archivedAt ? apiTimestamp(stored.archivedAt) : null;
  return object as RequestObject;
}
