import { z } from "zod";
import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { sessionDetailApi } from "@/lib/http/families";
import { deploymentList, deploymentLive, deploymentOperations } from "./dashboard";
import { predictForDeployment } from "./predict";
import { deploymentResponse } from "./responses";
import { deploymentCreateSchema } from "./schemas";
import { startLoading } from "./serving";
import { createDeployment } from "./service";
import { recordAudit } from "@/lib/workspaces/audit";
import { getDeployment, trashDeployment } from "./store";
import { followAlias, rollBack } from "./rollout";
import { aliasNameSchema } from "../schemas";
import { TRASHED_DEPLOYMENT_MESSAGE } from "./responses";

// The deployment pages' session routes: the same checks, errors ({detail}) and operations as the
// models API, for the signed-in member.

const NO_STORE = { "cache-control": "no-store" };

const list = defineRoute(sessionDetailApi, { method: "GET", path: "/api/deployments" }, async ({ auth }) => ({
  status: 200,
  headers: NO_STORE,
  body: await deploymentList(getDb(), auth.workspaceId),
}));

/** The deploy form: the body and checks of POST /deployment/add. */
const create = defineRoute(sessionDetailApi, { method: "POST", path: "/api/deployments", body: deploymentCreateSchema }, async ({ auth, body }) => ({
  status: 201,
  headers: NO_STORE,
  body: deploymentResponse(await createDeployment(getDb(), auth.workspaceId, body)),
}));

/** The deployment page's live part: status, predictions per minute, the last explained prediction. */
const live = defineRoute(sessionDetailApi, { method: "GET", path: "/api/deployments/:deployment_id" }, async ({ request, auth }) => {
  const deploymentId = request.params.deployment_id!;
  const view = await deploymentLive(getDb(), auth.workspaceId, deploymentId);
  if (!view) throw new ApiError(404, "Deployment not found");
  const { status } = view.deployment;
  if (status === "waiting" || status === "loading") void startLoading(getDb(), auth.workspaceId, deploymentId);
  return { status: 200, headers: NO_STORE, body: view };
});

const remove = defineRoute(sessionDetailApi, { method: "DELETE", path: "/api/deployments/:deployment_id" }, async ({ request, auth }) => {
  const deploymentId = request.params.deployment_id!;
  if (!(await trashDeployment(getDb(), auth.workspaceId, deploymentId, auth.accountId))) throw new ApiError(404, "Deployment not found");
  await recordAudit(getDb(), auth.workspaceId, { id: auth.accountId, label: auth.account.username }, { action: "deployment.trashed", target: deploymentId });
  return { status: 200, headers: NO_STORE, body: { message: TRASHED_DEPLOYMENT_MESSAGE, deployment_id: deploymentId, deleted: true } };
});

/** The playground: the parsing, prediction, explanation and operation record of POST /deployment/{id}/predict. */
const predict = defineRoute(sessionDetailApi, { method: "POST", path: "/api/deployments/:deployment_id/predict" }, async ({ request, auth }) => ({
  status: 200,
  headers: NO_STORE,
  body: await predictForDeployment(getDb(), {
    workspaceId: auth.workspaceId,
    deploymentId: request.params.deployment_id!,
    rawBody: request.body.toString("utf8"),
    signal: () => request.signal,
  }),
}));

const operationsQuery = z.object({
  cursor: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** The operations log: ?cursor=<nextCursor of the previous page>&limit=. */
const operations = defineRoute(
  sessionDetailApi,
  { method: "GET", path: "/api/deployments/:deployment_id/operations", query: operationsQuery },
  async ({ request, auth, query }) => {
    const deployment = await getDeployment(getDb(), auth.workspaceId, request.params.deployment_id!);
    if (!deployment) throw new ApiError(404, "Deployment not found");
    return { status: 200, headers: NO_STORE, body: await deploymentOperations(getDb(), auth.workspaceId, deployment.id, query.cursor, query.limit) };
  },
);

const sessionActor = (auth: { accountId: string; account: { username: string } }) => ({ id: auth.accountId, label: auth.account.username });

/** "Roll back to vN": the previous version, verified, then pinned. */
const rollback = defineRoute(sessionDetailApi, { method: "POST", path: "/api/deployments/:deployment_id/rollback" }, async ({ request, auth }) => {
  const row = await rollBack(getDb(), auth.workspaceId, request.params.deployment_id!, sessionActor(auth));
  return { status: 200, headers: NO_STORE, body: deploymentResponse(row) };
});

/** "Follow production again" (or another alias): rolls to the alias's version, verified first. */
const follow = defineRoute(
  sessionDetailApi,
  { method: "POST", path: "/api/deployments/:deployment_id/follow", body: z.strictObject({ alias: aliasNameSchema }) },
  async ({ request, auth, body }) => {
    const row = await followAlias(getDb(), auth.workspaceId, request.params.deployment_id!, body.alias, sessionActor(auth));
    return { status: 200, headers: NO_STORE, body: deploymentResponse(row) };
  },
);

export const deploymentSessionRoutes: RouteDefinition[] = [list, create, live, remove, predict, operations, rollback, follow];
