import { z } from "zod";
import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { sessionApi } from "@/lib/http/families";
import type { SessionPrincipal } from "@/lib/auth/authenticate-session";
import { recordAudit } from "@/lib/workspaces/audit";
import { loopDashboard } from "./dashboard";
import { MAX_LOOP_NAME_LENGTH } from "./limits";
import { renameLoop, resetLoop, type ManageResult } from "./manage";
import { modelDownload } from "./model-download";
import { learnerSettingsSchema } from "./schemas";
import { modelDocument } from "./store";
import { trashLoop } from "./trash";
import { TRASH_DAYS } from "@/lib/trash/days";

// The loop page's session routes, for the signed-in member: its live data, the model download, and
// rename, reset and delete (to the trash).

const NO_STORE = { "cache-control": "no-store" };
const actorOf = (auth: SessionPrincipal) => ({ id: auth.accountId, label: auth.account.username });

/** The loop page's live data (metrics, learning curve, recent predictions). */
const live = defineRoute(sessionApi, { method: "GET", path: "/api/loops/:loop_id/live" }, async ({ request, auth }) => {
  const view = await loopDashboard(getDb(), auth.workspaceId, request.params.loop_id!);
  if (!view) throw new ApiError(404, "No such loop.");
  return { status: 200, headers: NO_STORE, body: view.live };
});

/** "Download model": what GET /definitions/{id}/model answers, as an attachment. */
const download = defineRoute(sessionApi, { method: "GET", path: "/api/loops/:loop_id/model" }, async ({ request, auth }) => {
  const document = await modelDocument(getDb(), auth.workspaceId, request.params.loop_id!);
  if (!document) throw new ApiError(404, "No such loop.");
  if (!document.model) throw new ApiError(409, "The loop is not defined yet: it has no model.");
  const { filename, body } = modelDownload(document.row, document.model);
  return { status: 200, headers: { ...NO_STORE, "content-disposition": `attachment; filename="${filename}"` }, body };
});

function answer(result: ManageResult, message: string) {
  if (!result.ok) throw new ApiError(result.reason === "not_found" ? 404 : result.reason === "not_defined" ? 409 : 400, result.problems[0]!, result.problems.slice(1).map((p) => ({ path: [], message: p, type: "invalid" })));
  return { status: 200, headers: NO_STORE, body: { message } };
}

const rename = defineRoute(sessionApi, { method: "PATCH", path: "/api/loops/:loop_id", body: z.object({ name: z.string().max(MAX_LOOP_NAME_LENGTH * 4) }) }, async ({ request, auth, body }) => {
  const loopId = request.params.loop_id!;
  const result = await renameLoop(getDb(), auth.workspaceId, loopId, body.name);
  if (result.ok) await recordAudit(getDb(), auth.workspaceId, actorOf(auth), { action: "loop.renamed", target: loopId, detail: { name: body.name.trim() } });
  return answer(result, "Loop renamed.");
});

/** Forget the learned model, keep the definition; optionally with new learner settings (a fresh model is the only one that can take them). */
const reset = defineRoute(
  sessionApi,
  { method: "POST", path: "/api/loops/:loop_id/reset", body: z.object({ settings: learnerSettingsSchema.partial().strict().optional() }) },
  async ({ request, auth, body }) => {
    const loopId = request.params.loop_id!;
    const result = await resetLoop(getDb(), auth.workspaceId, loopId, body.settings);
    if (result.ok) await recordAudit(getDb(), auth.workspaceId, actorOf(auth), { action: "loop.reset", target: loopId, ...(body.settings ? { detail: { settings: body.settings } } : {}) });
    return answer(result, "Loop reset: it learns from scratch.");
  },
);

const remove = defineRoute(sessionApi, { method: "DELETE", path: "/api/loops/:loop_id" }, async ({ request, auth }) => {
  const loopId = request.params.loop_id!;
  if (!(await trashLoop(getDb(), auth.workspaceId, loopId, auth.accountId))) throw new ApiError(404, "No such loop.");
  await recordAudit(getDb(), auth.workspaceId, actorOf(auth), { action: "loop.trashed", target: loopId });
  return { status: 200, headers: NO_STORE, body: { message: `Loop moved to the trash: restore it from the Trash page within ${TRASH_DAYS} days, after which it is deleted for good.`, loop_id: loopId } };
});

export const loopSessionRoutes: RouteDefinition[] = [live, download, rename, reset, remove];
