import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import type { DeploymentOperationRow, DeploymentRow } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import { versionRefOf, type DeploymentCreate, type OperationCreate } from "./schemas";
import { NO_MODEL_FILE, startLoading } from "./serving";
import { insertOperation } from "./operations-store";
import { getDeployment, insertDeployment, isTrashedDeploymentId, resolveDeployVersion } from "./store";
import { TRASH_DAYS } from "../trash";

// The operations shared by the API (lib/models/deployments/api.ts) and the dashboard's session routes.
// Failures are ApiErrors; each caller renders them in its own way.

const generatedId = () => `dep-${randomBytes(8).toString("hex")}`;

function invalid(field: string, message: string): never {
  throw new ApiError(422, "The request body is invalid.", [{ path: [field], message, type: "value_error" }]);
}

/**
 * Creates the deployment (201 with status "waiting") and starts loading it in the background. A model
 * without any model file is created "failed" with the reason, so the caller sees why at once.
 */
export async function createDeployment(db: Database, workspaceId: string, body: DeploymentCreate): Promise<DeploymentRow> {
  const ref = versionRefOf(body);
  const resolved = await resolveDeployVersion(db, workspaceId, body.modelid, ref);
  if (!resolved.ok) {
    if (resolved.reason === "model_not_found") throw new ApiError(404, "Model not found");
    if (resolved.reason === "version_not_found") invalid("version", `The model has no version ${ref && "version" in ref ? ref.version : ""}`.trim());
    invalid(typeof body.version === "string" ? "version" : "alias", `The model has no alias '${ref && "alias" in ref ? ref.alias : ""}'`);
  }
  const explicitId = body.deployment_id?.trim();
  const row = await insertDeployment(db, workspaceId, {
    deploymentId: explicitId || generatedId(),
    modelId: body.modelid,
    versionRef: resolved.versionRef,
    version: resolved.version,
    ownerid: body.ownerid,
    placement: body.placement,
    inferenceData: body.inference_data,
    status: resolved.version === null ? "failed" : "waiting",
    reason: resolved.version === null ? NO_MODEL_FILE : null,
  });
  if (row === "model_gone") throw new ApiError(404, "Model not found");
  if (!row) {
    if (explicitId && (await isTrashedDeploymentId(db, workspaceId, explicitId))) {
      throw new ApiError(409, `deployment_id '${explicitId}' belongs to a deployment in the trash: ids stay reserved until it is deleted for good (${TRASH_DAYS} days after its deletion). Restore it, or delete it forever, from the Trash page; or choose another id.`);
    }
    throw new ApiError(409, `A deployment with deployment_id '${explicitId}' already exists`);
  }
  // After the response: the caller gets 201 "waiting" and polls the status.
  if (row.status === "waiting") setImmediate(() => void startLoading(db, workspaceId, row.deploymentId));
  return row;
}

/** POST /deployment/add/operation: an inference made elsewhere, recorded against one of the account's deployments. */
export async function recordExternalOperation(
  db: Database,
  workspaceId: string,
  body: OperationCreate,
): Promise<{ operation: DeploymentOperationRow; deploymentId: string; modelId: string }> {
  const deployment = await getDeployment(db, workspaceId, body.deploymentid);
  if (!deployment) throw new ApiError(404, "Deployment not found");
  if (body.modelid !== undefined && body.modelid !== deployment.modelId) {
    invalid("modelid", `Deployment ${deployment.deploymentId} serves model ${deployment.modelId}, not ${body.modelid.slice(0, 60)}`);
  }
  const operation = await insertOperation(db, workspaceId, {
    deploymentRowId: deployment.id,
    ownerid: body.ownerid || deployment.ownerid,
    source: "external",
    input: body.data,
    output: body.result ?? null,
    explanation: null,
    latencyMs: null,
    createdAt: body.timestamp,
  });
  return { operation, deploymentId: deployment.deploymentId, modelId: deployment.modelId };
}
