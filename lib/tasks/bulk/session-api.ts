import { z } from "zod";
import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { sessionApi } from "@/lib/http/families";
import { createValidatedBatch, type NewRequestInput } from "../create";
import { LIMITS } from "../limits";
import { REQUEST_TYPES } from "../request-types";
import { BULK_CHUNK_ROWS, MAX_UPLOAD_BYTES } from "./limits";
import { checkRow, rowProblems } from "./validate-rows";

// The Upload requests page: validate a file's rows as the API would, then create them a chunk at a
// time, each chunk in one transaction and each row under an idempotency key made of the upload's id
// and the row's line, so a retried chunk returns what it created the first time. Every row of an
// upload joins one batch (GET /v1/batch): the name given on the page, else the upload's id.

const NO_STORE = { "cache-control": "no-store" };

const validateBody = z.object({
  type: z.enum(REQUEST_TYPES),
  rows: z.array(z.unknown()).min(1).max(BULK_CHUNK_ROWS, { error: `At most ${BULK_CHUNK_ROWS} rows per call.` }),
});

/** Every problem of every row, by the row's position in `rows`; nothing is stored. */
const validateRows = defineRoute(sessionApi, { method: "POST", path: "/api/tasks/bulk/validate", body: validateBody }, async ({ body }) => {
  return { status: 200, headers: NO_STORE, body: { problems: rowProblems(body.type, body.rows) } };
});

const createBody = z.object({
  mode: z.enum(["live", "test"]),
  type: z.enum(REQUEST_TYPES),
  upload: z.uuid({ error: "upload must be the upload's id (a UUID)." }),
  batch: z.string().trim().min(1).max(LIMITS.batchChars).optional(),
  rows: z
    .array(z.object({ line: z.number().int().min(1).max(MAX_UPLOAD_BYTES + 1), body: z.unknown() }))
    .min(1)
    .max(BULK_CHUNK_ROWS, { error: `At most ${BULK_CHUNK_ROWS} rows per call.` }),
});

/** Creates every row of the chunk, or none when any fails (400 naming them: errors' paths start with the row's position). */
const createRows = defineRoute(sessionApi, { method: "POST", path: "/api/tasks/bulk/create", body: createBody }, async ({ auth, body }) => {
  const lines = new Set(body.rows.map((r) => r.line));
  if (lines.size !== body.rows.length) throw new ApiError(400, "Each row's line must appear once.");
  const inputs: NewRequestInput[] = [];
  const problems = [];
  const batch = body.batch ?? body.upload;
  for (const [index, row] of body.rows.entries()) {
    const checked = checkRow(body.type, row.body);
    if (!checked.ok) problems.push(...checked.errors.map((e) => ({ ...e, path: [index, ...e.path] })));
    else
      inputs.push({ workspaceId: auth.workspaceId, mode: body.mode, type: body.type, params: { ...checked.params, batch }, idempotencyKey: `upload:${body.upload}:${row.line}`, keyId: null });
  }
  if (problems.length) throw new ApiError(400, "Some rows have missing or malformed parameters; nothing was created.", problems);
  const created = await createValidatedBatch(getDb(), inputs);
  return {
    status: 200,
    headers: NO_STORE,
    body: { created: created.filter((c) => !c.replayed).length, replayed: created.filter((c) => c.replayed).length, ids: created.map((c) => c.record.id) },
  };
});

export const bulkTaskSessionRoutes: RouteDefinition[] = [validateRows, createRows];
