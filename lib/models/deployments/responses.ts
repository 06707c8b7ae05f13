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

/**
 * The MLConnector's status words, which its command line and containers poll for; the dashboard keeps
 * its own (waiting, loading, running, failed).
 */
const UPSTREAM_STATUS: Record<DeploymentRow["status"], string> = {
  waiting: "pending",
  loading: "under_deployment",
  running: "deployed",
  failed: "Deployment_Failed",
};

export const upstreamStatus = (status: DeploymentRow["status"]): string => UPSTREAM_STATUS[status] ?? status;

/** A deployment as the models API answers it: the upstream status vocabulary. */
export function apiDeploymentResponse(row: DeploymentRow, baseUrl?: string) {
  return { ...deploymentResponse(row, baseUrl), status: upstreamStatus(row.status) };
}

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
