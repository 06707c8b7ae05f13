import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deploymentOperations, deployments, driftChecks, models, type DeploymentRow, type DriftCheckRow } from "@/db/schema";
import { isUuid } from "@/lib/ids";

// Drift's reads of deployments and their operations, and its own drift_checks rows. Scoped by the
// owning account, except the scheduler's list of deployments to check, which spans all accounts.

/** A deployment by its document id (deployment_id) or its row id. */
export async function findDeployment(db: Database, workspaceId: string, ref: string): Promise<DeploymentRow | null> {
  const match = isUuid(ref) ? or(eq(deployments.deploymentId, ref), eq(deployments.id, ref)) : eq(deployments.deploymentId, ref);
  const [row] = await db
    .select()
    .from(deployments)
    .where(and(eq(deployments.workspaceId, workspaceId), match, isNull(deployments.deletedAt)))
    .limit(1);
  return row ?? null;
}

/** The inputs of the deployment's latest operations, newest first. */
export async function recentOperationInputs(db: Database, workspaceId: string, deploymentRowId: string, limit: number): Promise<unknown[]> {
  const rows = await db
    .select({ input: deploymentOperations.input })
    .from(deploymentOperations)
    .where(and(eq(deploymentOperations.workspaceId, workspaceId), eq(deploymentOperations.deploymentRowId, deploymentRowId)))
    .orderBy(desc(deploymentOperations.id))
    .limit(limit);
  return rows.map((r) => valueOfJsonText(r.input));
}

/** External operations keep their data as the JSON text that was sent; drift reads the value it holds. */
function valueOfJsonText(input: unknown): unknown {
  if (typeof input !== "string") return input;
  try {
    return JSON.parse(input) as unknown;
  } catch {
    return input;
  }
}

export type NewDriftCheck = Omit<typeof driftChecks.$inferInsert, "id" | "createdAt">;

export async function insertDriftCheck(db: Database, check: NewDriftCheck): Promise<DriftCheckRow> {
  const [row] = await db.insert(driftChecks).values(check).returning();
  return row!;
}

/** The deployment's checks, newest first. */
export async function listDriftChecks(db: Database, workspaceId: string, deploymentRowId: string, limit: number): Promise<DriftCheckRow[]> {
  return db
    .select()
    .from(driftChecks)
    .where(and(eq(driftChecks.workspaceId, workspaceId), eq(driftChecks.deploymentRowId, deploymentRowId)))
    .orderBy(desc(driftChecks.createdAt), desc(driftChecks.id))
    .limit(limit);
}

export async function setAutoRetrainOnDrift(db: Database, workspaceId: string, deploymentRowId: string, enabled: boolean): Promise<DeploymentRow | null> {
  const [row] = await db
    .update(deployments)
    .set({ autoRetrainOnDrift: enabled, updatedAt: sql`now()` })
    .where(and(eq(deployments.id, deploymentRowId), eq(deployments.workspaceId, workspaceId), isNull(deployments.deletedAt)))
    .returning();
  return row ?? null;
}

/** Every running deployment whose model has drift detection switched on (drift_detection is_true = 1). */
export async function deploymentsToCheck(db: Database): Promise<{ workspaceId: string; deploymentRowId: string }[]> {
  return db
    .select({ workspaceId: deployments.workspaceId, deploymentRowId: deployments.id })
    .from(deployments)
    .innerJoin(models, eq(models.id, deployments.modelId))
    .where(and(eq(deployments.status, "running"), isNull(deployments.deletedAt), isNull(models.deletedAt), sql`${models.driftDetection} @> '[{"is_true": 1}]'::jsonb`));
}
