import type { Database } from "@/db/client";
import type { DeploymentRow, DriftCheckRow, ModelRow, TrainingJobRow } from "@/db/schema";
import { getBlobStore } from "@/lib/blobs/store";
import { findModelFile, getModel } from "../store";
import { startTrainingJob } from "../training/start-job";
import { latestModelFile } from "../training/store";
import { compareWindow, type DriftMethod } from "./compare";
import { driftAlpha, driftWindowSize } from "./config";
import { featureEntries, readReferenceTable, type FeatureEntry, type ReferenceTable } from "./reference-data";
import { findDeployment, insertDriftCheck, recentOperationInputs } from "./store";
import { windowColumns } from "./window";

export type DriftCheckOutcome =
  | { ok: true; check: DriftCheckRow; retrainJob: TrainingJobRow | null; retrainNote: string | null }
  | { ok: false; status: 404 | 409; message: string };

/** The model's drift method, or null when drift detection is off (no drift_detection entry with is_true 1). */
export function driftMethodOf(driftDetection: unknown[]): DriftMethod | null {
  for (const entry of driftDetection) {
    if (!entry || typeof entry !== "object") continue;
    const { is_true: on, method } = entry as Record<string, unknown>;
    if (on === 1 && (method === 0 || method === 1 || method === 2)) return method;
  }
  return null;
}

// Parsed data files, by content and featurelist: a scheduled check every few minutes should not
// re-read the same file each time.
const referenceCache = new Map<string, ReferenceTable>();
const REFERENCE_CACHE_SIZE = 8;

function referenceFor(sha256: string, bytes: Buffer, features: FeatureEntry[]): ReferenceTable {
  const key = `${sha256}:${JSON.stringify(features)}`;
  const cached = referenceCache.get(key);
  if (cached) return cached;
  const table = readReferenceTable(bytes, features);
  referenceCache.set(key, table);
  if (referenceCache.size > REFERENCE_CACHE_SIZE) referenceCache.delete(referenceCache.keys().next().value!);
  return table;
}

/**
 * The order of an operation's array rows, as the deployment serves them: the deployed version's
 * feature names when the model file has them, else the featurelist's input features.
 */
async function columnOrder(db: Database, deployment: DeploymentRow, inputs: FeatureEntry[]): Promise<string[]> {
  if (deployment.version !== null) {
    const file = await findModelFile(db, deployment.workspaceId, deployment.modelId, { version: deployment.version });
    const names = file?.estimator?.feature_names;
    if (names && (file.estimator!.n_features === null || names.length === file.estimator!.n_features)) return names;
  }
  return inputs.map((f) => f.feature_name);
}

async function compare(db: Database, deployment: DeploymentRow, model: ModelRow, method: DriftMethod) {
  const features = featureEntries(model.featurelist);
  const inputs = features.filter((f) => f.kind === 0);
  const none = (reason: string) => ({ windowSize: 0, referenceSize: 0, drifted: null, features: [], reason });
  if (!inputs.length) return none("The model's featurelist has no input features (kind 0) to compare");
  const dataFile = await latestModelFile(db, deployment.workspaceId, model.id, "data");
  if (!dataFile) return none("The model has no data file to compare with: upload its training data with file_kind=data");
  const bytes = await getBlobStore().get(dataFile.sha256);
  if (!bytes) return none("The data file's bytes are missing from the blob store");
  const reference = referenceFor(dataFile.sha256, bytes, features);
  const windowSize = driftWindowSize();
  const operations = await recentOperationInputs(db, deployment.workspaceId, deployment.id, windowSize);
  const names = inputs.map((f) => f.feature_name);
  const window = windowColumns(operations, await columnOrder(db, deployment, inputs), names, windowSize);
  return compareWindow({
    features: inputs.map((f) => ({ name: f.feature_name, type: f.type })),
    reference: reference.columns,
    window: window.columns,
    windowRows: window.rows,
    method,
    alpha: driftAlpha(),
  });
}

/**
 * One drift check of a deployment (scheduled or on demand): the recent window against the model's
 * data file, stored as a drift_checks row. With drift found and the deployment's
 * autoRetrainOnDrift on, a training job starts (trigger "drift") unless one is already running.
 */
export async function runDriftCheck(db: Database, workspaceId: string, deploymentRef: string): Promise<DriftCheckOutcome> {
  const deployment = await findDeployment(db, workspaceId, deploymentRef);
  if (!deployment) return { ok: false, status: 404, message: "Deployment not found" };
  const model = await getModel(db, workspaceId, deployment.modelId);
  if (!model) return { ok: false, status: 404, message: "The deployment's model no longer exists" };
  const method = driftMethodOf(model.driftDetection);
  if (method === null) {
    return { ok: false, status: 409, message: 'Drift detection is off for this model: set drift_detection to [{"is_true": 1, "method": 0, 1 or 2}] (PATCH /model/{id})' };
  }
  const result = await compare(db, deployment, model, method);
  const check = await insertDriftCheck(db, { workspaceId, deploymentRowId: deployment.id, method, ...result });

  if (!result.drifted || !deployment.autoRetrainOnDrift) return { ok: true, check, retrainJob: null, retrainNote: null };
  const started = await startTrainingJob(db, workspaceId, { modelId: model.id, placement: deployment.placement, trigger: "drift" });
  return started.ok ? { ok: true, check, retrainJob: started.job, retrainNote: null } : { ok: true, check, retrainJob: null, retrainNote: started.message };
}
