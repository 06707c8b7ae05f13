import { z } from "zod";
import { named, timestamp, type RouteResponseDocs } from "@/lib/http/response-docs";
import { REQUEST_TYPES, type RequestType } from "./request-types";
import { DOC_CREATE_EXAMPLES, DOC_MANAGEMENT_EXAMPLES } from "./testdata/doc-examples";

/** What the human-tasks API (the Heat API) answers, for its OpenAPI description; examples are the document's own. */

const status = z.enum(["pending", "complete", "aborted"]);

export const taskRequestSchema = named(
  "TaskRequest",
  z
    .looseObject({
      id: z.string(),
      status: status.describe("pending until answered; complete; aborted"),
      response: z.unknown().optional().describe("Present once complete: the agreed answer (its type follows the request type); null when the crunchers did not agree"),
      raw_responses: z.record(z.string(), z.unknown()).optional().describe("Cruncher id → that cruncher's answer"),
      type: z.enum(REQUEST_TYPES as [RequestType, ...RequestType[]]),
      instruction: z.string().optional(),
      archived: z.boolean().describe("Archived requests are left out of the default lists"),
      archived_at: timestamp().nullable(),
      created_at: timestamp(),
      completed_at: timestamp().nullable(),
    })
    .describe("The Request object: the request's parameters (normalised, defaults included) sit at the top level beside its status and answer"),
);

export const taskRequestPageSchema = named(
  "TaskRequestPage",
  z
    .object({
      requests: z.array(taskRequestSchema),
      next_cursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last one"),
      counts: z.object({ pending: z.number().int(), complete: z.number().int(), aborted: z.number().int() }).describe("Requests per status in this key's space (live or test)"),
    })
    .describe("A page of requests, newest first"),
);

const batchFields = {
  id: z.string().describe("The batch's name: the batch parameter of its requests"),
  created_at: timestamp(),
  requests: z.number().int(),
  pending: z.number().int(),
  complete: z.number().int(),
  aborted: z.number().int(),
  archived: z.number().int(),
};

export const taskBatchSchema = named("TaskBatch", z.object(batchFields).describe("A batch: the requests sent with one batch name, counted per status"));

const taskBatchPageSchema = named(
  "TaskBatchPage",
  z.object({ batches: z.array(taskBatchSchema), next_cursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last one") }).describe("A page of batches, newest first"),
);

const taskBatchWithRequestsSchema = named(
  "TaskBatchWithRequests",
  z
    .object({ ...batchFields, tasks: z.array(taskRequestSchema), next_cursor: z.string().nullable().describe("Pass as ?cursor= for the next page of its requests") })
    .describe("A batch and a page of its requests, newest first, archived included"),
);

const abortedSchema = named("AbortResult", z.object({ success: z.literal(true) }).describe("The request is aborted"));

const stamped = (object: Record<string, unknown> | undefined) =>
  object && { ...object, created_at: "2026-01-05T09:30:00.000+00:00", completed_at: object.status === "complete" ? "2026-01-05T09:30:41.000+00:00" : null };

const multipleChoice = DOC_CREATE_EXAMPLES.find((e) => e.type === "multiple-choice")!;
const retrieved = DOC_MANAGEMENT_EXAMPLES.find((e) => e.path === "/v1/requests/{request_id}")!;
const rateLimited = { 429: "Past the key's request rate (CRUCIBLE_TASKS_RATE); retry after Retry-After seconds", 503: "The database cannot be reached; retry shortly" } as const;
const noRequest = { 404: "No request with this id for this key (live and test keys see their own)" } as const;

export const taskResponseDocs: RouteResponseDocs = {
  "POST /v1/requests/:type": {
    status: 200,
    description: "The Request object: pending, or complete when it was answered within ?block=N seconds",
    schema: taskRequestSchema,
    requestExample: multipleChoice.body,
    example: stamped(multipleChoice.exampleResponse),
    requestHeaders: { "Idempotency-Key": "1–255 visible ASCII characters: retrying with the same key returns the first request, not a new one" },
    headers: { "idempotent-replayed": "true when an Idempotency-Key was seen before and the first request is returned" },
    errors: { ...rateLimited, 404: "Unknown request type" },
  },
  "GET /v1/requests/:request_id": {
    status: 200,
    description: "The Request object; with ?block=N, as soon as it is complete or after N seconds",
    schema: taskRequestSchema,
    example: stamped({ ...retrieved.exampleResponse, type: "free-text", instruction: "Translate from Spanish to English" }),
    errors: { ...rateLimited, ...noRequest },
  },
  "GET /v1/requests": { status: 200, description: "A page of the key's requests", schema: taskRequestPageSchema, errors: rateLimited },
  "POST /v1/tasks/abort/:request_id": { status: 200, description: "Aborted", schema: abortedSchema, example: { success: true }, errors: { ...rateLimited, ...noRequest, 409: "The request is no longer pending" } },
  "POST /v1/tasks/archive/:request_id": {
    status: 200,
    description: "The Request object, archived (any status; archiving again changes nothing)",
    schema: taskRequestSchema,
    errors: { ...rateLimited, ...noRequest },
  },
  "GET /v1/batch": { status: 200, description: "A page of the key's batches", schema: taskBatchPageSchema, errors: rateLimited },
  "GET /v1/batch/:batch_id": { status: 200, description: "The batch and a page of its requests", schema: taskBatchWithRequestsSchema, errors: { ...rateLimited, 404: "No batch with this name for this key" } },
  "DELETE /v1/requests/:request_id": { status: 200, description: "Aborted", schema: abortedSchema, example: { success: true }, errors: { ...rateLimited, ...noRequest, 409: "The request is no longer pending" } },
  "GET /v1/simulated/:file": { status: 200, description: "The sample file's bytes", media: "application/octet-stream", errors: { 404: "No such sample file" } },
  "GET /v1/files/:file_id": {
    status: 200,
    description: "The file's bytes (206 with the part asked for by a Range header)",
    media: "application/octet-stream",
    errors: { 404: "No such file", 416: "The range is outside the file" },
  },
};
