import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { modelsApi } from "@/lib/http/families";
import { publicBaseUrl } from "@/lib/http/public-url";
import { predictForDeploymentWithKind, versionHeader } from "./predict";
import { numpyArrayText } from "./numpy-text";
import { apiDeploymentResponse, operationResponse, operationsResponse, upstreamStatus } from "./responses";
import { deploymentCreateSchema, listQuerySchema, operationCreateSchema, operationsQuerySchema } from "./schemas";
import { startLoading } from "./serving";
import { createDeployment, recordExternalOperation } from "./service";
import { listOperations } from "./operations-store";
import { keyActor, recordAudit } from "@/lib/workspaces/audit";
import { getDeployment, listDeployments, trashDeployment } from "./store";
import { TRASH_DAYS } from "../trash";
import { TRASHED_DEPLOYMENT_MESSAGE } from "./responses";

// The deployment half of the models API (the MLConnector API of mlsysops-eu/mlsysops-framework): the same family as
// the registry (FastAPI-style errors, X-api-key or Bearer `models` keys), every row scoped to the
// key's account, so another account's deployment is a 404 on every route.

function notFound(): never {
  throw new ApiError(404, "Deployment not found");
}

const add = defineRoute(modelsApi, { method: "POST", path: "/deployment/add", summary: "Deploy a model (a version, an alias or the latest) with a placement", body: deploymentCreateSchema }, async ({ request, auth, body }) => {
  const row = await createDeployment(getDb(), auth.workspaceId, body);
  return { status: 201, body: apiDeploymentResponse(row, publicBaseUrl(request.headers)) };
});

const all = defineRoute(modelsApi, { method: "GET", path: "/deployment/all", summary: "The account's deployments, newest first", query: listQuerySchema }, async ({ request, auth, query }) => {
  const rows = await listDeployments(getDb(), auth.workspaceId, query);
  const base = publicBaseUrl(request.headers);
  return { status: 200, body: rows.map((row) => apiDeploymentResponse(row, base)) };
});

const status = defineRoute(modelsApi, { method: "GET", path: "/deployment/get/status/:deployment_id", summary: "A deployment and its status (pending, under_deployment, deployed, Deployment_Failed)" }, async ({ request, auth }) => {
  const db = getDb();
  const row = await getDeployment(db, auth.workspaceId, request.params.deployment_id!);
  if (!row) notFound();
  // A deployment whose loading process went away is picked up here (at most one load per process).
  if (row.status === "waiting" || row.status === "loading") void startLoading(db, auth.workspaceId, row.deploymentId);
  // `response` is the upstream server's whole answer to this call; its clients read the status from it.
  return { status: 200, body: { ...apiDeploymentResponse(row, publicBaseUrl(request.headers)), response: upstreamStatus(row.status) } };
});

const remove = defineRoute(modelsApi, { method: "DELETE", path: "/deployment/:deployment_id", summary: `Move a deployment (with its operations) to the trash: it stops serving; restorable for ${TRASH_DAYS} days` }, async ({ request, auth }) => {
  const id = request.params.deployment_id!;
  if (!(await trashDeployment(getDb(), auth.workspaceId, id, auth.actorId))) notFound();
  await recordAudit(getDb(), auth.workspaceId, keyActor(auth), { action: "deployment.trashed", target: id });
  return { status: 200, body: { message: TRASHED_DEPLOYMENT_MESSAGE, deployment_id: id, deleted: true } };
});

// No body schema: the raw text is parsed by parsePredictBody, which recognises a Python tuple and
// answers 400 saying to send a JSON array, and accepts the several shapes of `data`.
const predict = defineRoute(modelsApi, { method: "POST", path: "/deployment/:deployment_id/predict", summary: "Predict (and explain the first row) with a deployment; X-Model-Version names the version that answered" }, async ({ request, auth }) => {
  const { body, version } = await predictForDeploymentWithKind(getDb(), {
    workspaceId: auth.workspaceId,
    deploymentId: request.params.deployment_id!,
    rawBody: request.body.toString("utf8"),
    signal: () => request.signal,
  });
  return { status: 200, headers: versionHeader(version), body };
});

/**
 * The MLConnector's inference container contract, so programs written against a generated container
 * can point at Crucible: `{"data": {feature: value}, "explanation": bool}` → `{"inference": "<numpy
 * str() of the prediction>"}`, with the explanation beside it when asked.
 */
const containerPrediction = defineRoute(modelsApi, { method: "POST", path: "/deployment/:deployment_id/prediction", summary: "The inference containers' contract: {data, explanation} → {inference}" }, async ({ request, auth }) => {
  const { body, kind, version } = await predictForDeploymentWithKind(getDb(), {
    workspaceId: auth.workspaceId,
    deploymentId: request.params.deployment_id!,
    rawBody: request.body.toString("utf8"),
    signal: () => request.signal,
  });
  const answer: Record<string, unknown> = { inference: numpyArrayText(body.prediction, kind) };
  if (body.explanation !== undefined) answer.explanation = body.explanation;
  return { status: 200, headers: versionHeader(version), body: answer };
});

const addOperation = defineRoute(modelsApi, { method: "POST", path: "/deployment/add/operation", summary: "Record an inference made elsewhere (the MLConnector containers' report)", body: operationCreateSchema }, async ({ auth, body }) => ({
  status: 201,
  body: operationResponse(await recordExternalOperation(getDb(), auth.workspaceId, body)),
}));

/** Newest first; skip/limit, or keyset paging with ?cursor=<the X-Next-Cursor of the previous page>. */
const opos = defineRoute(modelsApi, { method: "GET", path: "/deployment/get/opos/:ownerid", summary: "Operations of an owner, newest first (skip/limit or a cursor)", query: operationsQuerySchema }, async ({ request, auth, query }) => {
  const rows = await listOperations(getDb(), auth.workspaceId, { ownerid: request.params.ownerid! }, query);
  const last = rows.at(-1);
  const headers: Record<string, string> = rows.length === query.limit && last ? { "x-next-cursor": String(last.operation.id) } : {};
  return { status: 200, headers, body: operationsResponse(rows) };
});

export const deploymentRoutes: RouteDefinition[] = [add, addOperation, all, status, opos, predict, containerPrediction, remove];
