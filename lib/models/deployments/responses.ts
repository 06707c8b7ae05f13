import type { DeploymentOperationRow, DeploymentRow } from "@/db/schema";
import type { OperationWithIds } from "./operations-store";
import { apiTimestamp } from "@/lib/http/timestamps";

/** MLDeploymentReturn: the document's fields, the resolved version, status and the inference endpoint. */
export function deploymentResponse(row: DeploymentRow, baseUrl?: string) {
  const path = `/deployment/${encodeURIComponent(row.deploymentId)}/predict`;
  return {
    deployment_id: row.deploymentId,
    modelid: row.modelId,
    version: row.version,
    /** What was asked for: a version number, an alias, or null for the latest. */
    version_ref: row.versionRef,
    ownerid: row.ownerid,
    placement: row.placement,
    inference_data: row.inferenceData,
    status: row.status,
    reason: row.reason,
    inference_endpoint: baseUrl ? `${baseUrl}${path}` : path,
    created_at: apiTimestamp(row.createdAt),
    updated_at: apiTimestamp(row.updatedAt),
  };
}

export type DeploymentResponse = ReturnType<typeof deploymentResponse>;

/** MLDeploymentOposReturn: the document's fields (data, result) plus what a served prediction adds. */
export function operationResponse({ operation, deploymentId, modelId }: { operation: DeploymentOperationRow; deploymentId: string; modelId: string }) {
  return {
    id: operation.id,
    ownerid: operation.ownerid,
    deploymentid: deploymentId,
    modelid: modelId,
    data: operation.input,
    result: operation.output,
    explanation: operation.explanation,
    source: operation.source,
    latency_ms: operation.latencyMs,
    created_at: apiTimestamp(operation.createdAt),
  };
}

export type OperationResponse = ReturnType<typeof operationResponse>;

export const operationsResponse = (rows: OperationWithIds[]) => rows.map(operationResponse);
