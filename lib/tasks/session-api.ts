import { z } from "zod";
import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import type { SessionPrincipal } from "@/lib/auth/authenticate-session";
import { sessionApi } from "@/lib/http/families";
import { publicBaseUrl } from "@/lib/http/public-url";
import { header } from "@/lib/http/types";
import { isUuid } from "@/lib/ids";
import { clampBlockSeconds, MAX_BLOCK_SECONDS, waitForRequest } from "./completion-waiters";
import { createValidatedRequest, hookUrlProblems } from "./create";
import { countWaitingTasks, cruncherStats } from "./cruncher-stats";
import { goldStanding } from "./gold-store";
import { storeTaskUpload, taskUploadLimit } from "./files-api";
import { assignmentWorkspace, cruncherIdOf, leaseNextTask, renewLease, skipTask } from "./queue";
import { parseRequestBody, REQUEST_TYPES } from "./request-types";
import { requestObjectOf } from "./request-view";
import { requestProgress } from "./review";
import { getTaskRequest } from "./store";
import { submitAnswer } from "./submit-answer";
import { workTaskOf } from "./work-task";

// The session routes of the task pages: the requester's "New request" form and live status, and the
// Work area, where crunchers (and members, under their own cruncher id) answer tasks. Errors are
// {error, message, errors?}.

const NO_STORE = { "cache-control": "no-store" };

const newRequestBody = z.object({ mode: z.enum(["live", "test"]), type: z.enum(REQUEST_TYPES), body: z.unknown(), block: z.boolean().default(false) });

/**
 * "New request": the body is checked by the API's parser and stored as the API stores it (test
 * requests go to the simulator); with block, waits up to 60 s for the answer like ?block=60.
 */
const createRequest = defineRoute(sessionApi, { method: "POST", path: "/api/tasks", body: newRequestBody }, async ({ request, auth, body }) => {
  const { mode, type, block } = body;
  const parsed = parseRequestBody(type, body.body);
  const problems = parsed.ok ? hookUrlProblems(parsed.params) : parsed.errors;
  if (!parsed.ok || problems.length) throw new ApiError(400, "The request has missing or malformed parameters.", problems);
  const db = getDb();
  const { record } = await createValidatedRequest(db, { workspaceId: auth.workspaceId, mode, type, params: parsed.params, idempotencyKey: null, keyId: null });
  if (block) {
    await waitForRequest(db, record.id, clampBlockSeconds(MAX_BLOCK_SECONDS), request.signal, async () => (await getTaskRequest(db, auth.workspaceId, mode, record.id))?.status !== "pending");
  }
  const current = (await getTaskRequest(db, auth.workspaceId, mode, record.id)) ?? record;
  return { status: 200, headers: NO_STORE, body: { request: requestObjectOf(current) } };
});

/** The request page's live status while it is pending. */
const progress = defineRoute(sessionApi, { method: "GET", path: "/api/tasks/:request_id/progress" }, async ({ request, auth }) => {
  const found = await requestProgress(getDb(), auth.workspaceId, request.params.request_id!);
  if (!found) throw new ApiError(404, "No such request.");
  return { status: 200, headers: NO_STORE, body: found };
});

const leaseGone = () => new ApiError(410, "This task is no longer reserved for you: it was completed, aborted, or the reservation expired.");

/** The assignment named in the path, if it could be one (anything else is a lease that is gone). */
function assignmentOf(params: Record<string, string>): string {
  const id = params.assignment_id!;
  if (!isUuid(id)) throw leaseGone();
  return id;
}

/** The assignment the path names, if it belongs to the open workspace (a removed cruncher's old lease does not). */
async function assignmentIn(auth: SessionPrincipal, params: Record<string, string>): Promise<string> {
  const id = assignmentOf(params);
  if ((await assignmentWorkspace(getDb(), id)) !== auth.workspaceId) throw leaseGone();
  return id;
}

/** "Start working" and every next task: the worker's live lease if they hold one, else a new one. */
const next = defineRoute(sessionApi, { method: "POST", path: "/api/work/next", access: "work" }, async ({ auth }) => {
  const cruncherId = cruncherIdOf(auth.accountId);
  const lease = await leaseNextTask(getDb(), auth.workspaceId, cruncherId);
  // No task: say so politely when the workspace's gold rule paused this cruncher.
  const paused = lease ? false : (await goldStanding(getDb(), auth.workspaceId, cruncherId)).paused;
  return { status: 200, headers: NO_STORE, body: { task: lease ? workTaskOf(lease) : null, paused } };
});

/** Keeps the task reserved while the work page is open (the page calls this every 30 s). */
const renew = defineRoute(sessionApi, { method: "POST", path: "/api/work/:assignment_id/renew", access: "work" }, async ({ request, auth }) => {
  const lease = await renewLease(getDb(), cruncherIdOf(auth.accountId), await assignmentIn(auth, request.params));
  if (!lease) throw leaseGone();
  return { status: 200, headers: NO_STORE, body: { leaseUntil: lease.leaseUntil.toISOString() } };
});

/** Gives the task back; this worker is not offered it again. */
const skip = defineRoute(sessionApi, { method: "POST", path: "/api/work/:assignment_id/skip", access: "work" }, async ({ request, auth }) => {
  if (!(await skipTask(getDb(), cruncherIdOf(auth.accountId), await assignmentIn(auth, request.params)))) throw leaseGone();
  return { status: 200, headers: NO_STORE, body: { ok: true } };
});

/**
 * Stores the worker's answer (checked against the request by submitAnswer). The reply says only
 * whether it was taken: never the final response or anyone else's answer.
 */
const answer = defineRoute(
  sessionApi,
  { method: "POST", path: "/api/work/:assignment_id/answer", access: "work", body: z.object({ answer: z.unknown() }) },
  async ({ request, auth, body }) => {
    const outcome = await submitAnswer(getDb(), cruncherIdOf(auth.accountId), await assignmentIn(auth, request.params), body.answer);
    if (outcome.ok) return { status: 200, headers: NO_STORE, body: { ok: true } };
    if (outcome.reason === "invalid") throw new ApiError(422, outcome.message, outcome.errors.map((e) => ({ ...e, type: "invalid" })));
    throw leaseGone();
  },
);

/**
 * The answer file of an image, video or audio task: the raw bytes as the body, the file's type as
 * Content-Type and its name in X-Filename (URI-encoded). 201 with the file's public URL.
 */
const upload = defineRoute(
  sessionApi,
  { method: "POST", path: "/api/work/:assignment_id/upload", access: "work", streamBody: true, bodyLimit: taskUploadLimit },
  async ({ request, auth }) => {
    let filename = "upload";
    try {
      filename = decodeURIComponent(header(request.headers, "x-filename") ?? "upload");
    } catch {
      // keep the fallback name
    }
    const outcome = await storeTaskUpload(getDb(), {
      cruncherId: cruncherIdOf(auth.accountId),
      assignmentId: await assignmentIn(auth, request.params),
      filename,
      contentType: header(request.headers, "content-type") ?? "",
      body: request.bodyStream ?? request.body,
      baseUrl: publicBaseUrl(request.headers),
    });
    if (!outcome.ok) throw new ApiError(outcome.status, outcome.message, [], outcome.status === 413 ? { connection: "close" } : {});
    const { file } = outcome;
    return { status: 201, headers: NO_STORE, body: { url: outcome.url, filename: file.filename, size: file.size, contenttype: file.contenttype } };
  },
);

const DAY_MS = 24 * 60 * 60 * 1000;

/** The stats panel: the worker's own counts and agreement, and how many tasks wait for them. */
const stats = defineRoute(sessionApi, { method: "GET", path: "/api/work/stats", access: "work", query: z.object({ since: z.string().max(40).optional() }) }, async ({ auth, query }) => {
  const cruncherId = cruncherIdOf(auth.accountId);
  // "Today" is the worker's day: the page sends its local midnight (at most a day back).
  const asked = Date.parse(query.since ?? "");
  const since = new Date(Number.isFinite(asked) && Date.now() - asked <= DAY_MS ? asked : Date.now() - DAY_MS);
  const db = getDb();
  const [counts, waiting, standing] = await Promise.all([
    cruncherStats(db, cruncherId, since),
    countWaitingTasks(db, auth.workspaceId, cruncherId),
    goldStanding(db, auth.workspaceId, cruncherId),
  ]);
  return { status: 200, headers: NO_STORE, body: { ...counts, waiting: standing.paused ? 0 : waiting, paused: standing.paused } };
});

export const taskSessionRoutes: RouteDefinition[] = [createRequest, progress, next, renew, skip, answer, upload, stats];
