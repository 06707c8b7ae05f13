import { z } from "zod";
import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { tasksApi } from "@/lib/http/families";
import { publicBaseUrl } from "@/lib/http/public-url";
import { apiTimestamp } from "@/lib/http/timestamps";
import { guarded } from "./api";
import { getBatch, listBatches, type BatchSummary } from "./batches";
import { LIMITS } from "./limits";
import { requestObjectOf } from "./request-view";

// GET /v1/batch and GET /v1/batch/{batch}, which the Crunchable Python SDK reads (get_batches reads
// `batches`, get_batch reads `tasks`). A batch is named by the `batch` parameter of its requests.

/** Most batches per page of GET /v1/batch. */
export const MAX_BATCHES_PER_PAGE = 100;
/** Most requests per page of GET /v1/batch/{batch}. */
export const MAX_BATCH_TASKS_PER_PAGE = 200;

const batchObjectOf = (b: BatchSummary) => ({
  id: b.name,
  created_at: apiTimestamp(b.createdAt),
  requests: b.requests,
  pending: b.pending,
  complete: b.complete,
  aborted: b.aborted,
  archived: b.archived,
});

const batchName = z.string().trim().min(1).max(LIMITS.batchChars);

const listQuery = z.object({
  cursor: batchName.optional().describe("The next_cursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(MAX_BATCHES_PER_PAGE).default(20),
});

const listBatchesRoute = defineRoute(
  tasksApi,
  { method: "GET", path: "/v1/batch", summary: "The key's batches, newest first, with their counts and a cursor", query: listQuery },
  async ({ auth, query }) =>
    guarded(auth, async () => {
      const page = await listBatches(getDb(), auth.workspaceId, auth.mode, query);
      return { status: 200, body: { batches: page.items.map(batchObjectOf), next_cursor: page.nextCursor } };
    }),
);

const batchQuery = z.object({
  cursor: z.uuid({ error: "cursor must be the next_cursor of a previous page" }).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_BATCH_TASKS_PER_PAGE).default(MAX_BATCH_TASKS_PER_PAGE),
});

const getBatchRoute = defineRoute(
  tasksApi,
  { method: "GET", path: "/v1/batch/:batch_id", summary: "One batch: its counts and a page of its requests (newest first, archived included)", query: batchQuery },
  async ({ request, auth, query }) =>
    guarded(auth, async () => {
      const name = batchName.safeParse(request.params.batch_id);
      const found = name.success ? await getBatch(getDb(), auth.workspaceId, auth.mode, name.data, query) : null;
      if (!found) throw new ApiError(404, "No batch with this id exists for this API key.");
      const baseUrl = publicBaseUrl(request.headers);
      return {
        status: 200,
        body: { ...batchObjectOf(found.batch), tasks: found.requests.map((r) => requestObjectOf(r, baseUrl)), next_cursor: found.nextCursor },
      };
    }),
);

export const taskBatchRoutes: RouteDefinition[] = [listBatchesRoute, getBatchRoute];
