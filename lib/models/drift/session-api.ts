import { z } from "zod";
import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { sessionDetailApi } from "@/lib/http/families";
import { ANYWHERE } from "../training/schemas";
import { startTrainingJob } from "../training/start-job";
import { getTrainingJob } from "../training/store";
import { trainingJobResponse } from "../training/view";
import { runDriftCheck } from "./check";
import { driftCheckView, driftPanelData } from "./dashboard";
import { recordAudit } from "@/lib/workspaces/audit";
import { findDeployment, setAutoRetrainOnDrift } from "./store";

// The drift panel's session routes (a deployment page): its data, "Check now", the automatic
// retraining setting, "Retrain now" and the training job it started. Errors are {detail}.

const NO_STORE = { "cache-control": "no-store" };
const notFound = (what: string): never => {
  throw new ApiError(404, `${what} not found`);
};

/** Detection settings, the checks over time and the model's latest training job. */
const panel = defineRoute(sessionDetailApi, { method: "GET", path: "/api/drift/:deployment_id" }, async ({ request, auth }) => {
  const data = await driftPanelData(getDb(), auth.workspaceId, request.params.deployment_id!);
  return data ? { status: 200, headers: NO_STORE, body: data } : notFound("Deployment");
});

/** "Check now": runs the check in the request (a few hundred milliseconds) and answers with it. */
const checkNow = defineRoute(sessionDetailApi, { method: "POST", path: "/api/drift/:deployment_id/check" }, async ({ request, auth }) => {
  const outcome = await runDriftCheck(getDb(), auth.workspaceId, request.params.deployment_id!);
  if (!outcome.ok) throw new ApiError(outcome.status, outcome.message);
  return {
    status: 200,
    headers: NO_STORE,
    body: { check: driftCheckView(outcome.check), retrainJob: outcome.retrainJob ? trainingJobResponse(outcome.retrainJob) : null, retrainNote: outcome.retrainNote },
  };
});

const settings = defineRoute(
  sessionDetailApi,
  { method: "PATCH", path: "/api/drift/:deployment_id/settings", body: z.strictObject({ autoRetrainOnDrift: z.boolean() }) },
  async ({ request, auth, body }) => {
    const deployment = (await findDeployment(getDb(), auth.workspaceId, request.params.deployment_id!)) ?? notFound("Deployment");
    const updated = await setAutoRetrainOnDrift(getDb(), auth.workspaceId, deployment.id, body.autoRetrainOnDrift);
    await recordAudit(getDb(), auth.workspaceId, { id: auth.accountId, label: auth.account.username }, { action: "settings.changed", target: `deployment ${deployment.deploymentId}`, detail: { autoRetrainOnDrift: body.autoRetrainOnDrift } });
    return updated ? { status: 200, headers: NO_STORE, body: { autoRetrainOnDrift: updated.autoRetrainOnDrift } } : notFound("Deployment");
  },
);

const retrainBody = z.union([z.strictObject({ deploymentId: z.string().min(1).max(200) }), z.strictObject({ modelId: z.string().min(1).max(100) })]);

/** "Retrain now": a training job for a deployment's model (placed like the deployment) or for a model. */
const retrain = defineRoute(sessionDetailApi, { method: "POST", path: "/api/training", body: retrainBody }, async ({ auth, body }) => {
  let modelId: string;
  let placement: unknown = ANYWHERE;
  if ("deploymentId" in body) {
    const deployment = (await findDeployment(getDb(), auth.workspaceId, body.deploymentId)) ?? notFound("Deployment");
    modelId = deployment.modelId;
    placement = deployment.placement;
  } else modelId = body.modelId;
  const started = await startTrainingJob(getDb(), auth.workspaceId, { modelId, placement, trigger: "dashboard" });
  if (!started.ok) throw new ApiError(started.status, started.message);
  return { status: 201, headers: NO_STORE, body: trainingJobResponse(started.job) };
});

/** One training job (status, log, outcome). */
const trainingJob = defineRoute(sessionDetailApi, { method: "GET", path: "/api/training/:job_id" }, async ({ request, auth }) => {
  const job = await getTrainingJob(getDb(), auth.workspaceId, request.params.job_id!);
  return job ? { status: 200, headers: NO_STORE, body: trainingJobResponse(job) } : notFound("Training job");
});

export const driftSessionRoutes: RouteDefinition[] = [panel, checkNow, settings, retrain, trainingJob];
