import type { Database } from "@/db/client";
import type { DeploymentRow, ModelAliasRow } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import { recordAudit, type AuditActor } from "@/lib/workspaces/audit";
import type { InputRow } from "../sklearn";
import { findModelFile, resolveAlias, setAlias } from "../store";
import { predictRows } from "./predict";
import { insertDeploymentEvent, followersOf, recordRollFailure, setVersionRef, switchVersion } from "./rollout-store";
import { loadServable, type Servable } from "./serving";
import { getDeployment, getServingPlan } from "./store";

// Rolling deployments between versions. A deployment follows an alias (version_ref is its name) or is
// pinned (version_ref is a number). When the alias moves, each follower's new version is loaded into
// this process's model cache and must predict a sample row before the deployment switches; the old
// version stays as previous_version for "Roll back". A version that fails the check is not served:
// the deployment keeps its version and records why.

export interface RollOutcome {
  deploymentId: string;
  from: number | null;
  to: number;
  ok: boolean;
  reason: string | null;
}

/** Who moved the alias, and the training job whose promotion did, if one did. */
export interface RollCause {
  actor: AuditActor;
  trainingJobId?: string | null;
}

type Verdict = { ok: true } | { ok: false; reason: string };

/** The model's first training-data row when it fits the inputs, else a row of zeros (empty text for categorical columns). */
function sampleRow(servable: Servable): InputRow {
  const first = servable.background?.[0];
  if (first) return first;
  return Array.from({ length: servable.spec.nFeatures }, (_, j) => (servable.spec.types[j] === "cat" ? "" : 0));
}

function problemOf(error: unknown): string {
  if (error instanceof ApiError) return error.details[0]?.message ?? error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Loads `version` as the deployment would serve it (its features, its data file) and predicts a sample row. */
export async function verifyVersion(db: Database, workspaceId: string, deployment: DeploymentRow, version: number): Promise<Verdict> {
  try {
    return await checkVersion(db, workspaceId, deployment, version);
  } catch (error) {
    // A loader fault is a refusal like any other: the deployment keeps what it serves.
    console.error(`[deployments] checking v${version} for ${deployment.deploymentId} failed`, error);
    return { ok: false, reason: `v${version} could not be checked: ${problemOf(error)}` };
  }
}

async function checkVersion(db: Database, workspaceId: string, deployment: DeploymentRow, version: number): Promise<Verdict> {
  const [plan, file] = await Promise.all([getServingPlan(db, workspaceId, deployment.deploymentId), findModelFile(db, workspaceId, deployment.modelId, { version })]);
  if (!plan) return { ok: false, reason: "the deployment was deleted" };
  if (!file) return { ok: false, reason: `version ${version} has no model file` };
  const loaded = await loadServable({ ...plan, modelFile: { sha256: file.sha256, size: file.size, estimator: file.estimator } });
  if (!loaded.ok) return { ok: false, reason: `v${version} could not be loaded: ${loaded.reason}` };
  try {
    predictRows(loaded.servable, [sampleRow(loaded.servable)], false);
  } catch (error) {
    return { ok: false, reason: `v${version} failed to predict a sample row: ${problemOf(error)}` };
  }
  return { ok: true };
}

async function refuse(db: Database, workspaceId: string, row: DeploymentRow, to: number, reason: string, cause: RollCause, alias: string | null): Promise<void> {
  await recordRollFailure(db, workspaceId, row.id, to, reason);
  await insertDeploymentEvent(db, workspaceId, { deploymentRowId: row.id, kind: "roll_failed", fromVersion: row.version, toVersion: to, alias, trainingJobId: cause.trainingJobId ?? null, reason, actorLabel: cause.actor.label });
  await recordAudit(db, workspaceId, cause.actor, { action: "deployment.roll_failed", target: row.deploymentId, detail: { from: row.version, to, alias, reason, ...(cause.trainingJobId ? { job: cause.trainingJobId } : {}) } });
}

/** One follower: verify, then switch while the alias still points at `to`. */
async function rollFollower(db: Database, workspaceId: string, row: DeploymentRow, alias: string, to: number, cause: RollCause): Promise<RollOutcome> {
  const base = { deploymentId: row.deploymentId, from: row.version, to };
  const verdict = await verifyVersion(db, workspaceId, row, to);
  if (!verdict.ok) {
    await refuse(db, workspaceId, row, to, verdict.reason, cause, alias);
    return { ...base, ok: false, reason: verdict.reason };
  }
  const switched = await switchVersion(db, workspaceId, row, { from: row.version, to, versionRef: alias, expectRef: alias, whileAliasAt: alias });
  if (!switched) return { ...base, ok: false, reason: "the deployment or the alias changed meanwhile; the newer change stands" };
  await insertDeploymentEvent(db, workspaceId, { deploymentRowId: row.id, kind: "rolled", fromVersion: row.version, toVersion: to, alias, trainingJobId: cause.trainingJobId ?? null, actorLabel: cause.actor.label });
  await recordAudit(db, workspaceId, cause.actor, { action: "deployment.rolled", target: row.deploymentId, detail: { from: row.version, to, alias, ...(cause.trainingJobId ? { job: cause.trainingJobId } : {}) } });
  return { ...base, ok: true, reason: null };
}

/** Rolls every deployment of the model that follows `alias` to `version`, one after another. */
export async function rollFollowers(db: Database, workspaceId: string, modelId: string, alias: string, version: number, cause: RollCause): Promise<RollOutcome[]> {
  const rolls: RollOutcome[] = [];
  for (const row of await followersOf(db, workspaceId, modelId, alias, version)) rolls.push(await rollFollower(db, workspaceId, row, alias, version, cause));
  return rolls;
}

export type AliasMoveResult = { ok: true; alias: ModelAliasRow; rolls: RollOutcome[] } | { ok: false; reason: "model_not_found" | "version_not_found" };

/** Points the alias at the version, then rolls the deployments that follow it. */
export async function moveAlias(db: Database, workspaceId: string, modelId: string, name: string, version: number, cause: RollCause): Promise<AliasMoveResult> {
  const set = await setAlias(db, workspaceId, modelId, name, version);
  if (!set.ok) return set;
  const rolls = await rollFollowers(db, workspaceId, modelId, name, version, cause);
  return { ok: true, alias: set.alias, rolls };
}

async function deploymentOrNotFound(db: Database, workspaceId: string, deploymentId: string): Promise<DeploymentRow> {
  const row = await getDeployment(db, workspaceId, deploymentId);
  if (!row) throw new ApiError(404, "Deployment not found");
  return row;
}

/**
 * Switches back to the previous version and pins it there, so the next promotion does not roll it
 * forward again ("follow production again" undoes the pin). The version it leaves becomes the
 * previous one, so a rollback can itself be undone.
 */
export async function rollBack(db: Database, workspaceId: string, deploymentId: string, actor: AuditActor): Promise<DeploymentRow> {
  const row = await deploymentOrNotFound(db, workspaceId, deploymentId);
  const to = row.previousVersion;
  if (to === null) throw new ApiError(409, `Deployment ${row.deploymentId} has no previous version to roll back to`);
  const verdict = await verifyVersion(db, workspaceId, row, to);
  if (!verdict.ok) throw new ApiError(409, `Cannot roll back to v${to}: ${verdict.reason}`);
  const switched = await switchVersion(db, workspaceId, row, { from: row.version, to, versionRef: String(to), expectRef: row.versionRef });
  if (!switched) throw new ApiError(409, "The deployment changed meanwhile: reload the page and try again");
  await insertDeploymentEvent(db, workspaceId, { deploymentRowId: row.id, kind: "rolled_back", fromVersion: row.version, toVersion: to, actorLabel: actor.label });
  await recordAudit(db, workspaceId, actor, { action: "deployment.rolled_back", target: row.deploymentId, detail: { from: row.version, to } });
  return switched;
}

/** Makes the deployment follow the alias again, rolling it to the alias's version (verified first). */
export async function followAlias(db: Database, workspaceId: string, deploymentId: string, alias: string, actor: AuditActor): Promise<DeploymentRow> {
  const row = await deploymentOrNotFound(db, workspaceId, deploymentId);
  const to = await resolveAlias(db, workspaceId, row.modelId, alias);
  if (to === null) throw new ApiError(422, "The request body is invalid.", [{ path: ["alias"], message: `The model has no alias '${alias}'`, type: "value_error" }]);
  if (to === row.version) {
    await setVersionRef(db, workspaceId, row.id, alias);
  } else {
    const verdict = await verifyVersion(db, workspaceId, row, to);
    if (!verdict.ok) {
      await refuse(db, workspaceId, row, to, verdict.reason, { actor }, alias);
      throw new ApiError(409, `Cannot follow ${alias}: ${verdict.reason}`);
    }
    if (!(await switchVersion(db, workspaceId, row, { from: row.version, to, versionRef: alias, expectRef: row.versionRef, whileAliasAt: alias }))) {
      throw new ApiError(409, "The deployment or the alias changed meanwhile: reload the page and try again");
    }
  }
  await insertDeploymentEvent(db, workspaceId, { deploymentRowId: row.id, kind: "followed", fromVersion: row.version, toVersion: to, alias, actorLabel: actor.label });
  await recordAudit(db, workspaceId, actor, { action: "deployment.followed", target: row.deploymentId, detail: { from: row.version, to, alias } });
  return deploymentOrNotFound(db, workspaceId, deploymentId);
}
