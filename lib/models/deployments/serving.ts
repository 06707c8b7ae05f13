import type { Database } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import type { Estimator, InputRow } from "../sklearn";
import { featureSpec, type FeatureSpec } from "./features";
import { backgroundFor, estimatorFor, loadedEstimator } from "./model-cache";
import { getServingPlan, setDeploymentStatus, type ServingPlan } from "./store";
import { processSingleton } from "@/lib/process-singleton";

// A deployment's life: waiting (created) → loading → running, or failed with a reason. The process
// that created it starts the load right after answering 201; any other process loads on demand (on
// its first predict or status read), because everything needed is in Postgres and the blob store.

export interface Servable {
  estimator: Estimator;
  spec: FeatureSpec;
  background: InputRow[] | null;
}

export type ServableOutcome = { ok: true; servable: Servable } | { ok: false; reason: string };

export const NO_MODEL_FILE = "the model has no model file: upload one (file_kind=model) and deploy again";

/** How long a predict waits for a deployment that is still loading (CRUCIBLE_DEPLOYMENT_LOAD_WAIT_MS, default 30 s). */
export function loadWaitMs(): number {
  const value = Number(process.env.CRUCIBLE_DEPLOYMENT_LOAD_WAIT_MS);
  return Number.isFinite(value) && value > 0 ? value : 30_000;
}

/** The estimator, its feature spec and background for a deployment's model version. */
export async function loadServable(plan: ServingPlan): Promise<ServableOutcome> {
  if (!plan.modelFile) return { ok: false, reason: NO_MODEL_FILE };
  const loaded = await estimatorFor(plan.modelFile);
  if (!loaded.ok) return loaded;
  const spec = featureSpec(plan.featurelist, loaded.estimator);
  const background = plan.dataFile ? await backgroundFor(plan.dataFile, spec) : null;
  return { ok: true, servable: { estimator: loaded.estimator, spec, background } };
}

const starting = processSingleton("deployments.loads", () => new Map<string, Promise<void>>());

/**
 * Drives a waiting or loading deployment to running or failed, in the background (never throws;
 * at most one run per deployment per process). Transitions are conditional, so processes racing on
 * the same deployment agree.
 */
export function startLoading(db: Database, workspaceId: string, deploymentId: string): Promise<void> {
  const key = `${workspaceId}:${deploymentId}`;
  const pending = starting.get(key);
  if (pending) return pending;
  const run = (async () => {
    const plan = await getServingPlan(db, workspaceId, deploymentId);
    if (!plan || (plan.deployment.status !== "waiting" && plan.deployment.status !== "loading")) return;
    await setDeploymentStatus(db, plan.deployment.id, ["waiting"], "loading");
    const outcome = await loadServable(plan);
    if (outcome.ok) await setDeploymentStatus(db, plan.deployment.id, ["waiting", "loading"], "running");
    else await setDeploymentStatus(db, plan.deployment.id, ["waiting", "loading"], "failed", outcome.reason);
  })()
    .catch((error: unknown) => console.error(`[deployments] loading ${deploymentId} failed`, error))
    .finally(() => starting.delete(key));
  starting.set(key, run);
  return run;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * What a predict needs, or the error to answer: 409 for a failed deployment, 503 when it is still
 * loading after the bounded wait (or this process cannot load a deployment that runs elsewhere).
 */
export async function servableForPredict(db: Database, plan: ServingPlan): Promise<Servable> {
  const { deployment } = plan;
  if (deployment.status === "failed") throw new ApiError(409, `Deployment ${deployment.deploymentId} failed: ${deployment.reason ?? "unknown reason"}`);
  const ready = servablesByPlan.get(plan);
  if (ready && plan.modelFile && loadedEstimator(plan.modelFile.sha256) === ready.estimator) return ready;
  const waitMs = loadWaitMs();
  const outcome = await withTimeout(loadServable(plan), waitMs);
  if (outcome === "timeout") {
    throw new ApiError(503, `Deployment ${deployment.deploymentId} is still loading after ${waitMs} ms; retry shortly.`, [], { "retry-after": "5" });
  }
  if (!outcome.ok) {
    if (deployment.status !== "running") {
      await setDeploymentStatus(db, deployment.id, ["waiting", "loading"], "failed", outcome.reason);
      throw new ApiError(409, `Deployment ${deployment.deploymentId} failed: ${outcome.reason}`);
    }
    throw new ApiError(503, `Deployment ${deployment.deploymentId} cannot be served by this instance: ${outcome.reason}`);
  }
  if (deployment.status !== "running") await setDeploymentStatus(db, deployment.id, ["waiting", "loading"], "running");
  servablesByPlan.set(plan, outcome.servable);
  return outcome.servable;
}

// Plans are cached for a second per process (getServingPlanCached); remembering each plan's servable
// saves the load timer, the feature spec and the background lookup on every predict in between, as
// long as the model cache still holds the same estimator (an evicted one is loaded again).
const servablesByPlan = new WeakMap<ServingPlan, Servable>();
