import type { Database } from "@/db/client";
import type { DriftCheckRow } from "@/db/schema";
import { getModel } from "../store";
import { listTrainingJobs } from "../training/store";
import { trainingJobResponse, type TrainingJobView } from "../training/view";
import { driftMethodOf } from "./check";
import { MIN_WINDOW, type DriftMethod, type FeatureDrift } from "./compare";
import { DRIFT_METHOD_NAMES, driftAlpha, driftWindowSize } from "./config";
import { findDeployment, listDriftChecks } from "./store";
import { rollsOfTrainingJobs, type JobRoll } from "../deployments/rollout-store";

/** Checks shown on the deployment page's chart. */
const CHART_CHECKS = 60;

export interface DriftCheckView {
  id: string;
  createdAt: string;
  method: number;
  windowSize: number;
  referenceSize: number;
  drifted: boolean | null;
  reason: string | null;
  features: FeatureDrift[];
}

/** Everything the deployment page's drift panel shows, in one request. */
export interface DriftPanelData {
  deployment: { deploymentId: string; modelId: string; modelname: string; version: number | null; status: string; autoRetrainOnDrift: boolean };
  detection: { enabled: boolean; method: DriftMethod | null; methodName: string | null; alpha: number; window: number; minWindow: number };
  /** Newest first. */
  checks: DriftCheckView[];
  /** The model's latest training job (any trigger). */
  job: TrainingJobView | null;
  /** The deployments that job's promotion rolled (or tried to). */
  jobRolls: JobRoll[];
}

export function driftCheckView(row: DriftCheckRow): DriftCheckView {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    method: row.method,
    windowSize: row.windowSize,
    referenceSize: row.referenceSize,
    drifted: row.drifted,
    reason: row.reason,
    features: row.features as FeatureDrift[],
  };
}

export async function driftPanelData(db: Database, workspaceId: string, deploymentRef: string): Promise<DriftPanelData | null> {
  const deployment = await findDeployment(db, workspaceId, deploymentRef);
  if (!deployment) return null;
  const [model, checks, jobs] = await Promise.all([
    getModel(db, workspaceId, deployment.modelId),
    listDriftChecks(db, workspaceId, deployment.id, CHART_CHECKS),
    listTrainingJobs(db, workspaceId, { skip: 0, limit: 1, modelId: deployment.modelId }),
  ]);
  const method = model ? driftMethodOf(model.driftDetection) : null;
  return {
    deployment: {
      deploymentId: deployment.deploymentId,
      modelId: deployment.modelId,
      modelname: model?.modelname ?? "",
      version: deployment.version,
      status: deployment.status,
      autoRetrainOnDrift: deployment.autoRetrainOnDrift,
    },
    detection: {
      enabled: method !== null,
      method,
      methodName: method === null ? null : DRIFT_METHOD_NAMES[method],
      alpha: driftAlpha(),
      window: driftWindowSize(),
      minWindow: MIN_WINDOW,
    },
    checks: checks.map(driftCheckView),
    job: jobs[0] ? trainingJobResponse(jobs[0]) : null,
    jobRolls: jobs[0] ? ((await rollsOfTrainingJobs(db, workspaceId, [jobs[0].id])).get(jobs[0].id) ?? []) : [],
  };
}
