import { createHash } from "node:crypto";
import type { DeploymentOperationRow, DeploymentRow } from "@/db/schema";
import type { OperationWithIds } from "./operations-store";
import { apiTimestamp } from "@/lib/http/timestamps";
import { TRASH_DAYS } from "../trash";

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

/**
 * An operation's uuid (MLDeploymentOposReturn.operationid), derived from its deployment and its number
 * in the log, so every answer names it the same way without a column of its own: SHA-256, laid out as
 * a version-8 (custom) UUID.
 */
export function operationUuid(operation: Pick<DeploymentOperationRow, "id" | "deploymentRowId">): string {
  const hex = createHash("sha256").update(`${operation.deploymentRowId}:${operation.id}`).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * MLDeploymentOposReturn: the document's fields — data and result exactly as they were sent (JSON text
 * stays text), operationid and timestamp — plus what a served prediction adds.
 */
export function operationResponse({ operation, deploymentId, modelId }: { operation: DeploymentOperationRow; deploymentId: string; modelId: string }) {
  return {
    operationid: operationUuid(operation),
    id: operation.id,
    ownerid: operation.ownerid,
    deploymentid: deploymentId,
    modelid: modelId,
    data: operation.input,
    result: operation.output,
    explanation: operation.explanation,
    source: operation.source,
    latency_ms: operation.latencyMs,
    timestamp: apiTimestamp(operation.createdAt),
    created_at: apiTimestamp(operation.createdAt),
  };
}

export type OperationResponse = ReturnType<typeof operationResponse>;

export const operationsResponse = (rows: OperationWithIds[]) => rows.map(operationResponse);

/** What a deployment's DELETE says (upstream answers a message). */
export const TRASHED_DEPLOYMENT_MESSAGE = `Deployment moved to the trash: it stopped serving; restore it from the Trash page within ${TRASH_DAYS} days, after which it is deleted for good.`;
