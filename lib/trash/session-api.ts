import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { sessionApi } from "@/lib/http/families";
import { apiTimestamp } from "@/lib/http/timestamps";
import type { SessionPrincipal } from "@/lib/auth/authenticate-session";
import { listTrash, purgeFromTrash, restoreFromTrash, type TrashKind, type TrashOutcome } from "./service";

// The Trash page's session routes: the list, "Restore" (members and up: write) and "Delete forever"
// (owners and admins: manage, since it cannot be undone; everything else is purged after the
// retention period anyway).

const NO_STORE = { "cache-control": "no-store" };
const actorOf = (auth: SessionPrincipal) => ({ id: auth.accountId, label: auth.account.username });

function answer(outcome: TrashOutcome) {
  if (!outcome.ok) throw new ApiError(outcome.status, outcome.message);
  return { status: 200, headers: NO_STORE, body: { message: outcome.message, ...(outcome.deployments ? { deployments: outcome.deployments } : {}) } };
}

const list = defineRoute(sessionApi, { method: "GET", path: "/api/trash", access: "read" }, async ({ auth }) => {
  const trash = await listTrash(getDb(), auth.workspaceId);
  const when = (row: { deletedAt: Date }) => {
    const purgeAt = new Date(row.deletedAt.getTime() + trash.days * 24 * 3600_000);
    return { deleted_at: apiTimestamp(row.deletedAt), purge_at: apiTimestamp(purgeAt) };
  };
  return {
    status: 200,
    headers: NO_STORE,
    body: {
      days: trash.days,
      models: trash.models.map((m) => ({ modelid: m.modelId, name: m.name, kind: m.kind, deployments: m.deployments, ...when(m) })),
      deployments: trash.deployments.map((d) => ({ deployment_id: d.deploymentId, modelid: d.modelId, model_name: d.modelName, model_trashed: d.modelTrashed, ...when(d) })),
      loops: trash.loops.map((l) => ({ loop_id: l.loopId, name: l.name, task_type: l.taskType, n_seen: l.nSeen, ...when(l) })),
    },
  };
});

function trashRoutes(kind: TrashKind, param: string): RouteDefinition[] {
  const restore = defineRoute(sessionApi, { method: "POST", path: `/api/trash/${kind}/:${param}/restore`, access: "write" }, async ({ request, auth }) =>
    answer(await restoreFromTrash(getDb(), auth.workspaceId, kind, request.params[param]!, actorOf(auth))),
  );
  const purge = defineRoute(sessionApi, { method: "DELETE", path: `/api/trash/${kind}/:${param}`, access: "manage" }, async ({ request, auth }) =>
    answer(await purgeFromTrash(getDb(), auth.workspaceId, kind, request.params[param]!, actorOf(auth))),
  );
  return [restore, purge];
}

export const trashSessionRoutes: RouteDefinition[] = [list, ...trashRoutes("models", "model_id"), ...trashRoutes("deployments", "deployment_id"), ...trashRoutes("loops", "loop_id")];
