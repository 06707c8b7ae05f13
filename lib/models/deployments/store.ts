import { and, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deployments, modelAliases, modelFiles, models, type DeploymentRow, type EstimatorInfo, type Placement } from "@/db/schema";
import { findModelFile, getModel, resolveAlias, setAlias } from "../store";
import { processSingleton } from "@/lib/process-singleton";
import { getSql } from "@/db/client";

// Every query is scoped by the owning account: another account's deployment is simply not found. A
// deployment in the trash (or whose model is) is not found either, and is not served.

/** Not in the trash. */
export const liveDeployment = isNull(deployments.deletedAt);

export type VersionResolution =
  | { ok: true; version: number | null; versionRef: string | null }
  | { ok: false; reason: "model_not_found" | "version_not_found" | "alias_not_found" };

/** The model version a deployment serves and what it follows: the asked-for number or alias, else production (version null: no model file yet). */
export async function resolveDeployVersion(
  db: Database,
  workspaceId: string,
  modelId: string,
  ref: { version: number } | { alias: string } | null,
): Promise<VersionResolution> {
  if (!(await getModel(db, workspaceId, modelId))) return { ok: false, reason: "model_not_found" };
  if (ref && "version" in ref) {
    const file = await findModelFile(db, workspaceId, modelId, { version: ref.version });
    return file ? { ok: true, version: ref.version, versionRef: String(ref.version) } : { ok: false, reason: "version_not_found" };
  }
  if (ref) {
    const version = await resolveAlias(db, workspaceId, modelId, ref.alias);
    return version === null ? { ok: false, reason: "alias_not_found" } : { ok: true, version, versionRef: ref.alias };
  }
  // No version asked for: the deployment follows production. A model without that alias yet gets it on
  // its latest version (a candidate left by a failed threshold must not be served by default, and a
  // retrain that passes then moves production, rolling the deployment). Without any model file the
  // deployment still follows production and rolls once a version becomes it.
  const production = await resolveAlias(db, workspaceId, modelId, DEFAULT_ALIAS);
  if (production !== null) return { ok: true, version: production, versionRef: DEFAULT_ALIAS };
  const [row] = await db
    .select({ max: sql<number | null>`max(${modelFiles.version})` })
    .from(modelFiles)
    .where(and(eq(modelFiles.workspaceId, workspaceId), eq(modelFiles.modelId, modelId)));
  const latest = row?.max ?? null;
  if (latest !== null) await setAlias(db, workspaceId, modelId, DEFAULT_ALIAS, latest);
  return { ok: true, version: latest, versionRef: DEFAULT_ALIAS };
}

/** The alias a deployment follows when the caller names no version. */
export const DEFAULT_ALIAS = "production";

export interface NewDeployment {
  deploymentId: string;
  modelId: string;
  versionRef: string | null;
  version: number | null;
  ownerid: string;
  placement: Placement;
  inferenceData: 0 | 1;
  status: "waiting" | "failed";
  reason: string | null;
}

/**
 * Null when the account already has a deployment with this deployment_id; "model_gone" when the
 * model went to the trash meanwhile (its row is share-locked, so a concurrent trash waits or wins).
 */
export async function insertDeployment(db: Database, workspaceId: string, input: NewDeployment): Promise<DeploymentRow | "model_gone" | null> {
  return db.transaction(async (tx) => {
    const [model] = await tx
      .select({ id: models.id })
      .from(models)
      .where(and(eq(models.id, input.modelId), eq(models.workspaceId, workspaceId), isNull(models.deletedAt)))
      .for("share");
    if (!model) return "model_gone" as const;
    const [row] = await tx
      .insert(deployments)
      .values({ workspaceId, ...input })
      .onConflictDoNothing({ target: [deployments.workspaceId, deployments.deploymentId] })
      .returning();
    return row ?? null;
  });
}

export async function getDeployment(db: Database, workspaceId: string, deploymentId: string): Promise<DeploymentRow | null> {
  const [row] = await db.select().from(deployments).where(and(eq(deployments.workspaceId, workspaceId), eq(deployments.deploymentId, deploymentId), liveDeployment));
  return row ?? null;
}

/** Whether the id belongs to a deployment in the trash: ids stay reserved until it is purged. */
export async function isTrashedDeploymentId(db: Database, workspaceId: string, deploymentId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: deployments.id })
    .from(deployments)
    .where(and(eq(deployments.workspaceId, workspaceId), eq(deployments.deploymentId, deploymentId), isNotNull(deployments.deletedAt)));
  return Boolean(row);
}

export async function listDeployments(db: Database, workspaceId: string, page: { skip: number; limit: number }): Promise<DeploymentRow[]> {
  return db
    .select()
    .from(deployments)
    .where(and(eq(deployments.workspaceId, workspaceId), liveDeployment))
    .orderBy(desc(deployments.createdAt), desc(deployments.id))
    .offset(page.skip)
    .limit(page.limit);
}

/** The model names of these deployments, for lists. */
export async function modelNames(db: Database, workspaceId: string, modelIds: string[]): Promise<Map<string, string>> {
  if (!modelIds.length) return new Map();
  const rows = await db
    .select({ id: models.id, name: models.modelname })
    .from(models)
    .where(and(eq(models.workspaceId, workspaceId), inArray(models.id, [...new Set(modelIds)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The aliases of these models, for the deploy form's version picker. */
export async function aliasesOf(db: Database, workspaceId: string, modelIds: string[]): Promise<{ modelId: string; name: string; version: number }[]> {
  if (!modelIds.length) return [];
  return db
    .select({ modelId: modelAliases.modelId, name: modelAliases.name, version: modelAliases.version })
    .from(modelAliases)
    .where(and(eq(modelAliases.workspaceId, workspaceId), inArray(modelAliases.modelId, modelIds)))
    .orderBy(modelAliases.name);
}

/** Moves the deployment to the trash: it stops serving here at once, on other servers by NOTIFY (PLAN_TTL_MS at worst). */
export async function trashDeployment(db: Database, workspaceId: string, deploymentId: string, deletedBy: string | null): Promise<boolean> {
  forgetServingPlan(workspaceId, deploymentId);
  const rows = await db
    .update(deployments)
    .set({ deletedAt: sql`now()`, deletedBy })
    .where(and(eq(deployments.workspaceId, workspaceId), eq(deployments.deploymentId, deploymentId), liveDeployment))
    .returning({ id: deployments.id, notified: notifyPlanChanged(workspaceId, deploymentId) });
  return rows.length > 0;
}


/**
 * Moves a deployment's status forward. Only from the given states, so a late "loading" never
 * overwrites "running", and a load in one process never turns another's running deployment to failed.
 */
export async function setDeploymentStatus(
  db: Database,
  rowId: string,
  from: DeploymentRow["status"][],
  to: DeploymentRow["status"],
  reason: string | null = null,
): Promise<boolean> {
  const rows = await db
    .update(deployments)
    .set({ status: to, reason, updatedAt: sql`now()` })
    .where(and(eq(deployments.id, rowId), inArray(deployments.status, from)))
    .returning({ id: deployments.id });
  return rows.length > 0;
}

export interface StoredFile {
  sha256: string;
  size: number;
}

/** What serving a deployment needs: its row, the model's feature list, the version's file and the model's latest data file. */
export interface ServingPlan {
  deployment: DeploymentRow;
  featurelist: unknown[];
  modelFile: (StoredFile & { estimator: EstimatorInfo | null }) | null;
  dataFile: StoredFile | null;
}

/** One round trip: predictions read this on every call, so that a deletion anywhere takes effect at once. */
// Predictions read the plan of a running deployment from a per-process cache for up to a second, so
// the hot path costs no query; a delete here clears it at once, elsewhere within PLAN_TTL_MS.
const PLAN_TTL_MS = 1000;
const plans = processSingleton("deployments.servingPlans", () => new Map<string, { plan: ServingPlan; expires: number }>());

/** NOTIFY channel carrying `<workspace id>:<deployment_id>` when the version a deployment serves changes. */
export const PLAN_CHANNEL = "crucible_deployment_plans";
const listening = processSingleton("deployments.planListener", () => ({ started: null as Promise<unknown> | null }));

/** Every process forgets a switched deployment's plan at once: its next predict serves the new version. */
function listenForSwitches(): void {
  if (listening.started) return;
  listening.started = getSql()
    .listen(PLAN_CHANNEL, (payload) => plans.delete(payload))
    .catch(() => {
      listening.started = null; // retried on the next predict
    });
}

/** pg_notify of a deployment's plan change, to return with the write that changes it (sent at commit). */
export const notifyPlanChanged = (workspaceId: string, deploymentId: string) => sql<string>`pg_notify(${PLAN_CHANNEL}, ${`${workspaceId}:${deploymentId}`})`;

/** Forgets a plan in this process (the writer's own; others hear the NOTIFY). */
export function forgetServingPlan(workspaceId: string, deploymentId: string): void {
  plans.delete(`${workspaceId}:${deploymentId}`);
}

export async function getServingPlanCached(db: Database, workspaceId: string, deploymentId: string): Promise<ServingPlan | null> {
  listenForSwitches();
  const key = `${workspaceId}:${deploymentId}`;
  const hit = plans.get(key);
  if (hit && hit.expires > Date.now()) return hit.plan;
  const plan = await getServingPlan(db, workspaceId, deploymentId);
  if (plan?.deployment.status === "running") {
    if (plans.size >= 10_000) plans.clear();
    plans.set(key, { plan, expires: Date.now() + PLAN_TTL_MS });
  } else plans.delete(key);
  return plan;
}

export async function getServingPlan(db: Database, workspaceId: string, deploymentId: string): Promise<ServingPlan | null> {
  const latestData = sql<StoredFile | null>`(
    select json_build_object('sha256', f.sha256, 'size', f.size) from model_files f
    where f.model_id = ${deployments.modelId} and f.filekind = 'data'
    order by f.created_at desc, f.id desc limit 1)`;
  const [row] = await db
    .select({
      deployment: deployments,
      featurelist: models.featurelist,
      modelSha: modelFiles.sha256,
      modelSize: modelFiles.size,
      estimator: modelFiles.estimator,
      dataFile: latestData,
    })
    .from(deployments)
    .innerJoin(models, and(eq(models.id, deployments.modelId), isNull(models.deletedAt)))
    .leftJoin(modelFiles, and(eq(modelFiles.modelId, deployments.modelId), eq(modelFiles.version, deployments.version)))
    .where(and(eq(deployments.workspaceId, workspaceId), eq(deployments.deploymentId, deploymentId), liveDeployment))
    .limit(1);
  if (!row) return null;
  return {
    deployment: row.deployment,
    featurelist: row.featurelist,
    modelFile: row.modelSha ? { sha256: row.modelSha, size: row.modelSize ?? 0, estimator: row.estimator } : null,
    dataFile: row.dataFile ? { sha256: row.dataFile.sha256, size: Number(row.dataFile.size) } : null,
  };
}
