import { Readable } from "node:stream";
import { z } from "zod";
import { getDb } from "@/db/client";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { sessionApi } from "@/lib/http/families";
import { listTaskRequests } from "../list";
import { LIMITS } from "../limits";
import { REQUEST_TYPES } from "../request-types";
import { answersOfRequests } from "./export-store";
import { csvHeader, csvLine, exportRowOf, jsonLine } from "./export-rows";
import { MAX_EXPORT_ROWS } from "./limits";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE = 500;

const exportQuery = z.object({
  format: z.enum(["csv", "jsonl"]).default("csv"),
  mode: z.enum(["live", "test"]).default("live"),
  status: z.enum(["pending", "complete", "aborted"]).optional(),
  type: z.enum(REQUEST_TYPES).optional(),
  from: z.string().regex(DAY, { error: "from must be a day (YYYY-MM-DD)." }).optional(),
  to: z.string().regex(DAY, { error: "to must be a day (YYYY-MM-DD)." }).optional(),
  gold: z.enum(["true", "false"]).optional(),
  batch: z.string().trim().min(1).max(LIMITS.batchChars).optional(),
  archived: z.enum(["true"]).optional(),
});

/**
 * The Tasks page's list as filtered, newest first, as CSV or JSONL: streamed as the client reads it,
 * 500 requests (and their answers) read at a time, up to the newest 10,000 (X-Export-Limit).
 */
const exportTasks = defineRoute(sessionApi, { method: "GET", path: "/api/tasks/export", query: exportQuery }, async ({ auth, query }) => {
  const db = getDb();
  const filter = {
    status: query.status,
    type: query.type,
    createdFrom: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    createdTo: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) : undefined,
    gold: query.gold === "true",
    batch: query.batch,
    archived: query.archived === "true" ? ("all" as const) : ("exclude" as const),
  };
  const line = query.format === "csv" ? csvLine : jsonLine;
  // Bytes, not strings: the Next adapter's web stream takes Uint8Array chunks only.
  async function* lines(): AsyncGenerator<Buffer> {
    if (query.format === "csv") yield Buffer.from(csvHeader());
    let cursor: string | undefined;
    for (let rows = 0; rows < MAX_EXPORT_ROWS; ) {
      const page = await listTaskRequests(db, auth.workspaceId, query.mode, { ...filter, cursor, limit: Math.min(PAGE, MAX_EXPORT_ROWS - rows) });
      const answers = await answersOfRequests(db, auth.workspaceId, page.items.map((r) => r.id));
      yield Buffer.from(page.items.map((record) => line(exportRowOf({ ...record, answers: answers.get(record.id) ?? [] }))).join(""));
      rows += page.items.length;
      if (!page.nextCursor) return;
      cursor = page.nextCursor;
    }
  }
  const name = `requests-${query.mode}${query.gold === "true" ? "-gold" : ""}.${query.format}`;
  return {
    status: 200,
    headers: {
      "cache-control": "no-store",
      "content-type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "x-export-limit": String(MAX_EXPORT_ROWS),
    },
    body: Readable.from(lines()),
  };
});

export const taskExportRoutes: RouteDefinition[] = [exportTasks];
