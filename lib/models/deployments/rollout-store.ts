import { and, desc, eq, getTableColumns, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deploymentEvents, deployments, modelAliases, type DeploymentEventKind, type DeploymentEventRow, type DeploymentRow } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { forgetServingPlan, notifyPlanChanged } from "./store";

// The rows a roll, a rollback or following an alias again changes, scoped by workspace. Every switch
// is one conditional UPDATE (compare-and-set on the version served), so two moves racing never
// interleave, and it sends the NOTIFY that makes every process drop the old serving plan at commit.

/** The model's deployments that follow this alias (and do not serve its version yet); trashed ones too, so a restored one serves what its alias points to. */
export async function followersOf(db: Database, workspaceId: string, modelId: string, alias: string, version: number): Promise<DeploymentRow[]> {
  return db
    .select()
    .from(deployments)
    .where(
      and(
        eq(deployments.workspaceId, workspaceId),
        eq(deployments.modelId, modelId),
        eq(deployments.versionRef, alias),
        sql`${deployments.version} is distinct from ${version}`,
      ),
    )
    .orderBy(deployments.createdAt)
    .limit(MAX_FOLLOWERS);
}

/** Deployments of one model rolled by one alias move; more wait for the next move (or their page). */
export const MAX_FOLLOWERS = 500;

export interface VersionSwitch {
  /** The version served now: the switch happens only if it still is. */
  from: number | null;
  to: number;
  /** What the deployment follows afterwards (an alias, or the pinned version's number). */
  versionRef: string;
  /** What it follows now: the switch happens only if it still does. */
  expectRef: string | null;
  /** Switch only while this alias still points at `to` (a later move wins). */
  whileAliasAt?: string;
}

/**
 * Switches the version served, keeping the one it replaces for rollback. Null when the deployment
 * changed meanwhile (another switch, a newer alias move, a deletion): nothing is written then.
 */
export async function switchVersion(db: Database, workspaceId: string, row: DeploymentRow, change: VersionSwitch): Promise<DeploymentRow | null> {
  const conditions = [
    eq(deployments.id, row.id),
    eq(deployments.workspaceId, workspaceId),
    sql`${deployments.version} is not distinct from ${change.from}`,
    sql`${deployments.versionRef} is not distinct from ${change.expectRef}`,
  ];
  if (change.whileAliasAt !== undefined) {
    conditions.push(
      sql`exists (select 1 from ${modelAliases} where ${modelAliases.modelId} = ${deployments.modelId} and ${modelAliases.name} = ${change.whileAliasAt} and ${modelAliases.version} = ${change.to})`,
    );
  }
  const [updated] = await db
    .update(deployments)
    .set({
      version: change.to,
      previousVersion: change.from,
      versionRef: change.versionRef,
      rolledAt: sql`now()`,
      rollFailure: null,
      rollFailedVersion: null,
      // The new version was loaded and predicted with before this switch.
      status: "running",
      reason: null,
      updatedAt: sql`now()`,
    })
    .where(and(...conditions))
    .returning({ ...getTableColumns(deployments), notified: notifyPlanChanged(workspaceId, row.deploymentId) });
  if (!updated) return null;
  forgetServingPlan(workspaceId, row.deploymentId);
  const { notified: _notified, ...fresh } = updated;
  return fresh;
}

/** Records why a roll to `version` was refused; the deployment keeps serving what it serves. */
export async function recordRollFailure(db: Database, workspaceId: string, rowId: string, version: number, reason: string): Promise<void> {
  await db
    .update(deployments)
    .set({ rollFailure: reason.slice(0, 2000), rollFailedVersion: version, updatedAt: sql`now()` })
    .where(and(eq(deployments.id, rowId), eq(deployments.workspaceId, workspaceId)));
}

/** Changes only what the deployment follows (it already serves that version). */
export async function setVersionRef(db: Database, workspaceId: string, rowId: string, versionRef: string): Promise<void> {
  await db
    .update(deployments)
    .set({ versionRef, updatedAt: sql`now()` })
    .where(and(eq(deployments.id, rowId), eq(deployments.workspaceId, workspaceId)));
}

export interface NewDeploymentEvent {
  deploymentRowId: string;
  kind: DeploymentEventKind;
  fromVersion: number | null;
  toVersion: number | null;
  alias?: string | null;
  trainingJobId?: string | null;
  reason?: string | null;
  actorLabel: string;
}

export async function insertDeploymentEvent(db: Database, workspaceId: string, event: NewDeploymentEvent): Promise<void> {
  await db.insert(deploymentEvents).values({ workspaceId, ...event, reason: event.reason?.slice(0, 2000) ?? null, actorLabel: event.actorLabel.slice(0, 200) });
}

/** A deployment's history of version changes, newest first. */
export async function listDeploymentEvents(db: Database, workspaceId: string, deploymentRowId: string, limit = 20): Promise<DeploymentEventRow[]> {
  return db
    .select()
    .from(deploymentEvents)
    .where(and(eq(deploymentEvents.workspaceId, workspaceId), eq(deploymentEvents.deploymentRowId, deploymentRowId)))
    .orderBy(desc(deploymentEvents.id))
    .limit(limit);
}

export interface JobRoll {
  deploymentId: string;
  kind: DeploymentEventKind;
  toVersion: number | null;
  reason: string | null;
}

/** What a training job's promotion did to the deployments following production. */
export async function rollsOfTrainingJobs(db: Database, workspaceId: string, jobIds: string[]): Promise<Map<string, JobRoll[]>> {
  const ids = jobIds.filter(isUuid);
  const out = new Map<string, JobRoll[]>();
  if (!ids.length) return out;
  const rows = await db
    .select({ jobId: deploymentEvents.trainingJobId, deploymentId: deployments.deploymentId, kind: deploymentEvents.kind, toVersion: deploymentEvents.toVersion, reason: deploymentEvents.reason })
    .from(deploymentEvents)
    .innerJoin(deployments, eq(deployments.id, deploymentEvents.deploymentRowId))
    .where(and(eq(deploymentEvents.workspaceId, workspaceId), inArray(deploymentEvents.trainingJobId, ids)))
    .orderBy(deploymentEvents.id)
    .limit(MAX_FOLLOWERS);
  for (const { jobId, ...roll } of rows) out.set(jobId!, [...(out.get(jobId!) ?? []), roll]);
  return out;
}

/** What each of a model's deployments serves and follows, for the model page. */
export async function deploymentsOfModel(db: Database, workspaceId: string, modelId: string): Promise<DeploymentRow[]> {
  if (!isUuid(modelId)) return [];
  return db
    .select()
    .from(deployments)
    .where(and(eq(deployments.workspaceId, workspaceId), eq(deployments.modelId, modelId), isNull(deployments.deletedAt)))
    .orderBy(desc(deployments.createdAt))
    .limit(100);
}
