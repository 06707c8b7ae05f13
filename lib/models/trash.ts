import { and, desc, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deployments, modelFiles, models } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { forgetServingPlan, notifyPlanChanged, PLAN_CHANNEL } from "./deployments/store";

// The models' trash. DELETE /model/{id} moves the model and its deployments here (deleted_at set);
// every read of the API skips them (store.ts, deployments/store.ts), so they answer 404 and stop
// serving. A deployment trashed with its model carries the model's very deleted_at (one transaction,
// one now()), which is how a restore knows which deployments go back with it. Ids stay reserved
// until the purge (an hour-old trash is not a free-for-all: a deployment_id could name two things).

export { TRASH_DAYS } from "@/lib/trash/days";

export interface TrashedModel {
  modelId: string;
  deployments: string[];
}

/** Every server forgets the plan of each returned deployment (pg_notify in RETURNING, sent at commit). */
const planGone = (workspaceId: string) => sql<string>`pg_notify(${PLAN_CHANNEL}, ${workspaceId}::text || ':' || ${deployments.deploymentId})`;

/** Moves the model and its live deployments to the trash; null when there is no such live model. */
export async function trashModel(db: Database, workspaceId: string, modelId: string, deletedBy: string | null): Promise<TrashedModel | null> {
  if (!isUuid(modelId)) return null;
  const trashed = await db.transaction(async (tx) => {
    const [model] = await tx
      .update(models)
      .set({ deletedAt: sql`now()`, deletedBy })
      .where(and(eq(models.id, modelId), eq(models.workspaceId, workspaceId), isNull(models.deletedAt)))
      .returning({ id: models.id });
    if (!model) return null;
    // now() is the transaction's start: the deployments get the model's deleted_at exactly.
    const rows = await tx
      .update(deployments)
      .set({ deletedAt: sql`now()`, deletedBy })
      .where(and(eq(deployments.modelId, modelId), eq(deployments.workspaceId, workspaceId), isNull(deployments.deletedAt)))
      .returning({ deploymentId: deployments.deploymentId, notified: planGone(workspaceId) });
    return { modelId: model.id, deployments: rows.map((r) => r.deploymentId) };
  });
  for (const id of trashed?.deployments ?? []) forgetServingPlan(workspaceId, id);
  return trashed;
}

/** Brings the model back with the deployments trashed with it (they serve again on their next predict). */
export async function restoreModel(db: Database, workspaceId: string, modelId: string): Promise<TrashedModel | null> {
  if (!isUuid(modelId)) return null;
  return db.transaction(async (tx) => {
    const [model] = await tx
      .select({ id: models.id })
      .from(models)
      .where(and(eq(models.id, modelId), eq(models.workspaceId, workspaceId), isNotNull(models.deletedAt)))
      .for("update");
    if (!model) return null;
    const rows = await tx
      .update(deployments)
      .set({ deletedAt: null, deletedBy: null })
      .where(and(eq(deployments.modelId, modelId), eq(deployments.workspaceId, workspaceId), sql`${deployments.deletedAt} = (select m.deleted_at from models m where m.id = ${modelId})`))
      .returning({ deploymentId: deployments.deploymentId });
    await tx.update(models).set({ deletedAt: null, deletedBy: null }).where(eq(models.id, modelId));
    return { modelId, deployments: rows.map((r) => r.deploymentId) };
  });
}

export type RestoreDeploymentResult = "restored" | "not_found" | "model_trashed";

/** Brings back a deployment trashed on its own; refused while its model is in the trash. */
export async function restoreDeployment(db: Database, workspaceId: string, deploymentId: string): Promise<RestoreDeploymentResult> {
  const [row] = await db
    .select({ id: deployments.id, modelTrashed: sql<boolean>`${models.deletedAt} is not null` })
    .from(deployments)
    .innerJoin(models, eq(models.id, deployments.modelId))
    .where(and(eq(deployments.workspaceId, workspaceId), eq(deployments.deploymentId, deploymentId), isNotNull(deployments.deletedAt)));
  if (!row) return "not_found";
  if (row.modelTrashed) return "model_trashed";
  const restored = await db
    .update(deployments)
    .set({ deletedAt: null, deletedBy: null })
    .where(and(eq(deployments.id, row.id), isNotNull(deployments.deletedAt)))
    .returning({ id: deployments.id });
  return restored.length ? "restored" : "not_found";
}

/**
 * Removes a trashed model for good, with its deployments (their operations and drift checks), files'
 * rows, aliases and training jobs. Returns its files' blob addresses, for the caller to collect the
 * ones nothing else refers to; null when no such model is in the trash.
 */
export async function purgeModel(db: Database, workspaceId: string, modelId: string): Promise<{ blobs: string[]; deployments: string[] } | null> {
  if (!isUuid(modelId)) return null;
  return db.transaction(async (tx) => {
    const [model] = await tx
      .select({ id: models.id })
      .from(models)
      .where(and(eq(models.id, modelId), eq(models.workspaceId, workspaceId), isNotNull(models.deletedAt)))
      .for("update");
    if (!model) return null;
    const blobs = await tx.selectDistinct({ sha256: modelFiles.sha256 }).from(modelFiles).where(eq(modelFiles.modelId, modelId));
    // Deployments reference the model without cascade: they go first (every one of them, trashed alone earlier or with it).
    const gone = await tx.delete(deployments).where(eq(deployments.modelId, modelId)).returning({ deploymentId: deployments.deploymentId, notified: planGone(workspaceId) });
    await tx.delete(models).where(eq(models.id, modelId));
    return { blobs: blobs.map((b) => b.sha256), deployments: gone.map((d) => d.deploymentId) };
  });
}

/** Removes a deployment in the trash for good, with its operations and drift checks. */
export async function purgeDeployment(db: Database, workspaceId: string, deploymentId: string): Promise<boolean> {
  forgetServingPlan(workspaceId, deploymentId);
  const rows = await db
    .delete(deployments)
    .where(and(eq(deployments.workspaceId, workspaceId), eq(deployments.deploymentId, deploymentId), isNotNull(deployments.deletedAt)))
    .returning({ id: deployments.id, notified: notifyPlanChanged(workspaceId, deploymentId) });
  return rows.length > 0;
}

export interface ModelInTrash {
  modelId: string;
  name: string;
  kind: string;
  deletedAt: Date;
  deletedBy: string | null;
  /** The deployments trashed with it, restored with it. */
  deployments: string[];
}

export interface DeploymentInTrash {
  deploymentId: string;
  modelId: string;
  modelName: string;
  /** Its model is in the trash too (trashed later): restore the model first. */
  modelTrashed: boolean;
  deletedAt: Date;
  deletedBy: string | null;
}

/** At most this many of each kind are listed (newest first); the purge keeps the trash bounded in time. */
export const TRASH_LIST_LIMIT = 200;

export async function listTrashedModels(db: Database, workspaceId: string): Promise<ModelInTrash[]> {
  const withModel = sql<string[]>`coalesce((select array_agg(d.deployment_id order by d.deployment_id) from deployments d
    where d.model_id = "models"."id" and d.deleted_at = "models"."deleted_at"), '{}')`;
  const rows = await db
    .select({ modelId: models.id, name: models.modelname, kind: models.modelkind, deletedAt: models.deletedAt, deletedBy: models.deletedBy, deployments: withModel })
    .from(models)
    .where(and(eq(models.workspaceId, workspaceId), isNotNull(models.deletedAt)))
    .orderBy(desc(models.deletedAt), desc(models.id))
    .limit(TRASH_LIST_LIMIT);
  return rows.map((r) => ({ ...r, deletedAt: r.deletedAt! }));
}

/** Deployments trashed on their own (not with their model). */
export async function listTrashedDeployments(db: Database, workspaceId: string): Promise<DeploymentInTrash[]> {
  const rows = await db
    .select({
      deploymentId: deployments.deploymentId,
      modelId: deployments.modelId,
      modelName: models.modelname,
      modelTrashed: sql<boolean>`${models.deletedAt} is not null`,
      deletedAt: deployments.deletedAt,
      deletedBy: deployments.deletedBy,
    })
    .from(deployments)
    .innerJoin(models, eq(models.id, deployments.modelId))
    .where(and(eq(deployments.workspaceId, workspaceId), isNotNull(deployments.deletedAt), sql`${deployments.deletedAt} is distinct from ${models.deletedAt}`))
    .orderBy(desc(deployments.deletedAt), desc(deployments.id))
    .limit(TRASH_LIST_LIMIT);
  return rows.map((r) => ({ ...r, deletedAt: r.deletedAt! }));
}

/** Trashed models and lone deployments older than the cutoff, across workspaces (the scheduled purge). */
export async function expiredModelTrash(db: Database, cutoff: Date, limit: number): Promise<{ models: { workspaceId: string; id: string }[]; deployments: { workspaceId: string; deploymentId: string }[] }> {
  const [oldModels, oldDeployments] = await Promise.all([
    db.select({ workspaceId: models.workspaceId, id: models.id }).from(models).where(lt(models.deletedAt, cutoff)).limit(limit),
    db
      .select({ workspaceId: deployments.workspaceId, deploymentId: deployments.deploymentId })
      .from(deployments)
      .innerJoin(models, eq(models.id, deployments.modelId))
      // A deployment trashed with its model goes with the model's purge.
      .where(and(lt(deployments.deletedAt, cutoff), sql`${deployments.deletedAt} is distinct from ${models.deletedAt}`))
      .limit(limit),
  ]);
  return { models: oldModels, deployments: oldDeployments };
}
