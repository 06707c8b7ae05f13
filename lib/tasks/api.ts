import { z } from "zod";
import { getDb } from "@/db/client";
import type { TasksPrincipal } from "@/lib/auth/authenticate-api";
import { publicBaseUrl } from "@/lib/http/public-url";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { tasksApi } from "@/lib/http/families";
import { header, type ApiRequest, type ApiResponse } from "@/lib/http/types";
import { clampBlockSeconds, waitForRequest } from "./completion-waiters";
import { createValidatedRequest, hookUrlProblems } from "./create";
import { countTaskRequests, listTaskRequests } from "./list";
import { takeRateToken } from "./rate-limit";
import { requestObjectOf } from "./request-view";
import { isRequestType, parseRequestBody, REQUEST_KINDS, REQUEST_TYPES } from "./request-types";
import { abortTaskRequest, archiveTaskRequest, getTaskRequest, type TaskRequestRecord } from "./store";
import { LIMITS } from "./limits";
import { simulatedMediaRoute } from "./simulated-media";

// The human-task API (the Heat API, formerly Crunchable): X-Heat-API-Key or Basic auth with a
// `tasks` key; errors are {error, message, errors?}. A test_ key works in its own staging space,
// answered by simulated crunchers; live and test requests never see each other.

const DATABASE_DOWN = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|CONNECT_TIMEOUT|CONNECTION_CLOSED|CONNECTION_ENDED|CONNECTION_DESTROYED|57P0[123])$/;

/** Whether a failure means the database cannot be reached; Drizzle wraps the driver's error as its cause. */
export function isDatabaseDown(error: unknown): boolean {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return DATABASE_DOWN.test(code);
  }
  return false;
}

/** Rate limit first, and a 503 (not a 500) when the database cannot be reached. */
export async function guarded(auth: TasksPrincipal, work: () => Promise<ApiResponse>): Promise<ApiResponse> {
  const token = takeRateToken(auth.keyId);
  if (!token.ok) {
    throw new ApiError(429, `Too many requests for this API key; retry in ${token.retryAfterSeconds} s.`, [], {
      "retry-after": String(token.retryAfterSeconds),
    });
  }
  try {
    return await work();
  } catch (error) {
    if (isDatabaseDown(error)) {
      throw new ApiError(503, "The service is temporarily unavailable; try again shortly.", [], { "retry-after": "5" });
    }
    throw error;
  }
}

const blockQuery = z.object({
  block: z.coerce
    .number({ error: "block must be a number of seconds" })
    .finite({ error: "block must be a number of seconds" })
    .min(0, { error: "block must not be negative" })
    .optional(),
});

/** Waits for completion when ?block=N asks for it, then returns the request as it is now. */
async function blockedRead(request: ApiRequest, auth: TasksPrincipal, record: TaskRequestRecord, block: number | undefined) {
  const seconds = clampBlockSeconds(block ?? 0);
  if (record.status !== "pending" || seconds === 0) return record;
  const db = getDb();
  let latest: TaskRequestRecord | null = record;
  await waitForRequest(db, record.id, seconds, request.signal, async () => {
    latest = await getTaskRequest(db, auth.workspaceId, auth.mode, record.id);
    return latest?.status !== "pending";
  });
  return (await getTaskRequest(db, auth.workspaceId, auth.mode, record.id)) ?? latest ?? record;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** For the description: the body of any request type (the path's `type` says which). */
const anyRequestBody = z.union(REQUEST_TYPES.map((type) => REQUEST_KINDS[type].schema) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);

const createRequest = defineRoute(
  tasksApi,
  { method: "POST", path: "/v1/requests/:type", body: z.unknown(), documentedBody: anyRequestBody, query: blockQuery, summary: "Ask a question: the body of the type named in the path" },
  async ({ request, auth, body, query }) =>
    guarded(auth, async () => {
      const type = request.params.type!;
      if (!isRequestType(type)) throw new ApiError(404, `Unknown request type "${type}". Types: ${REQUEST_TYPES.join(", ")}.`);
      const parsed = parseRequestBody(type, body);
      const problems = parsed.ok ? hookUrlProblems(parsed.params) : parsed.errors;
      if (!parsed.ok || problems.length) throw new ApiError(400, "The request has missing or malformed parameters.", problems);
      const idempotencyKey = header(request.headers, "idempotency-key")?.trim() || null;
      if (idempotencyKey && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
        throw new ApiError(400, "Idempotency-Key must be 1–255 visible ASCII characters.");
      }
      const { record, replayed } = await createValidatedRequest(getDb(), {
        workspaceId: auth.workspaceId,
        mode: auth.mode,
        type,
        params: parsed.params,
        idempotencyKey,
        keyId: auth.keyId,
      });
      const current = await blockedRead(request, auth, record, query.block);
      return { status: 200, headers: replayed ? { "idempotent-replayed": "true" } : undefined, body: requestObjectOf(current, publicBaseUrl(request.headers)) };
    }),
);

const getRequest = defineRoute(tasksApi, { method: "GET", path: "/v1/requests/:request_id", summary: "One request; ?block=N waits up to N seconds for its answer", query: blockQuery }, async ({ request, auth, query }) =>
  guarded(auth, async () => {
    const record = await getTaskRequest(getDb(), auth.workspaceId, auth.mode, request.params.request_id!);
    if (!record) throw new ApiError(404, "No request with this id exists for this API key.");
    return { status: 200, body: requestObjectOf(await blockedRead(request, auth, record, query.block), publicBaseUrl(request.headers)) };
  }),
);

const ARCHIVED_FILTERS = { false: "exclude", true: "only", all: "all" } as const;

const listQuery = z.object({
  status: z.enum(["pending", "complete", "aborted"]).optional(),
  type: z.enum(REQUEST_TYPES).optional(),
  tag: z.string().trim().min(1).max(100).optional().describe("Only requests carrying this tag"),
  gold: z
    .enum(["true", "false"], { error: "gold must be true or false" })
    .optional()
    .transform((v) => v === "true")
    .describe("true: the gold (control) questions instead of the requests (they are never listed otherwise)"),
  archived: z
    .enum(["false", "true", "all"], { error: "archived must be false, true or all" })
    .default("false")
    .transform((v) => ARCHIVED_FILTERS[v])
    .describe("false (the default): archived requests are left out; true: only them; all: both"),
  batch: z.string().trim().min(1).max(LIMITS.batchChars).optional().describe("Only requests of this batch"),
  cursor: z.uuid({ error: "cursor must be the next_cursor of a previous page" }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const listRequests = defineRoute(tasksApi, { method: "GET", path: "/v1/requests", summary: "The key's requests, newest first, with a cursor", query: listQuery }, async ({ request, auth, query }) =>
  guarded(auth, async () => {
    const db = getDb();
    const [page, counts] = await Promise.all([listTaskRequests(db, auth.workspaceId, auth.mode, query), countTaskRequests(db, auth.workspaceId, auth.mode, query.gold)]);
    return { status: 200, body: { requests: page.items.map((item) => requestObjectOf(item, publicBaseUrl(request.headers))), next_cursor: page.nextCursor, counts } };
  }),
);

/** POST /v1/tasks/abort/{id} of the document, and DELETE /v1/requests/{id}, which the API's SDKs call to abort. */
const abort = async ({ request, auth }: { request: ApiRequest; auth: TasksPrincipal }) =>
  guarded(auth, async () => {
    const outcome = await abortTaskRequest(getDb(), auth.workspaceId, auth.mode, request.params.request_id!);
    if (outcome.ok) return { status: 200, body: { success: true } };
    if (outcome.reason === "not_found") throw new ApiError(404, "No request with this id exists for this API key.");
    throw new ApiError(409, `The request is already ${outcome.reason}; only pending requests can be aborted.`);
  });
/**
 * POST /v1/tasks/archive/{id} (the Crunchable SDK's archive_task): any status; the request leaves
 * the default lists and nothing else changes (a pending one is still answered). Idempotent.
 */
const archiveRequest = defineRoute(tasksApi, { method: "POST", path: "/v1/tasks/archive/:request_id", summary: "Archive a request: left out of the default lists, still readable by id" }, async ({ request, auth }) =>
  guarded(auth, async () => {
    const record = await archiveTaskRequest(getDb(), auth.workspaceId, auth.mode, request.params.request_id!);
    if (!record) throw new ApiError(404, "No request with this id exists for this API key.");
    return { status: 200, body: requestObjectOf(record, publicBaseUrl(request.headers)) };
  }),
);

const abortRequest = defineRoute(tasksApi, { method: "POST", path: "/v1/tasks/abort/:request_id", summary: "Abort a pending request" }, abort);
const deleteRequest = defineRoute(tasksApi, { method: "DELETE", path: "/v1/requests/:request_id", summary: "Abort a pending request (as the SDKs call it)" }, abort);

export const taskRoutes: RouteDefinition[] = [createRequest, getRequest, listRequests, abortRequest, archiveRequest, deleteRequest, simulatedMediaRoute];
