import type { Database } from "@/db/client";
import { collectBlobsOf } from "@/lib/blobs/gc";
import { restoreLoop, purgeLoop, listTrashedLoops, expiredLoops, type LoopInTrash } from "@/lib/loops/trash";
import {
  expiredModelTrash,
  listTrashedDeployments,
  listTrashedModels,
  purgeDeployment,
  purgeModel,
  restoreDeployment,
  restoreModel,
  TRASH_DAYS,
  type DeploymentInTrash,
  type ModelInTrash,
} from "@/lib/models/trash";
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from "@/lib/workspaces/audit";

// The workspace's Trash page and the scheduled purge: models (with the deployments trashed with them),
// deployments trashed alone and loops. Restoring and purging are written to the audit log.

export { TRASH_DAYS };

export const TRASH_KINDS = ["models", "deployments", "loops"] as const;
export type TrashKind = (typeof TRASH_KINDS)[number];

export interface TrashContents {
  days: number;
  models: ModelInTrash[];
  deployments: DeploymentInTrash[];
  loops: LoopInTrash[];
}

export async function listTrash(db: Database, workspaceId: string): Promise<TrashContents> {
  const [models, deployments, loops] = await Promise.all([listTrashedModels(db, workspaceId), listTrashedDeployments(db, workspaceId), listTrashedLoops(db, workspaceId)]);
  return { days: TRASH_DAYS, models, deployments, loops };
}

export type TrashOutcome = { ok: true; message: string; deployments?: string[] } | { ok: false; status: 404 | 409; message: string };

const NOT_IN_TRASH: TrashOutcome = { ok: false, status: 404, message: "Not in the trash." };

export async function restoreFromTrash(db: Database, workspaceId: string, kind: TrashKind, id: string, actor: AuditActor): Promise<TrashOutcome> {
  if (kind === "models") {
    const restored = await restoreModel(db, workspaceId, id);
    if (!restored) return NOT_IN_TRASH;
    await recordAudit(db, workspaceId, actor, { action: "model.restored", target: id, detail: { deployments: restored.deployments } });
    const n = restored.deployments.length;
    return { ok: true, message: `Model restored${n ? ` with ${n} deployment${n === 1 ? "" : "s"}, serving again` : ""}.`, deployments: restored.deployments };
  }
  if (kind === "deployments") {
    const result = await restoreDeployment(db, workspaceId, id);
    if (result === "not_found") return NOT_IN_TRASH;
    if (result === "model_trashed") return { ok: false, status: 409, message: "Its model is in the trash: restore the model first." };
    await recordAudit(db, workspaceId, actor, { action: "deployment.restored", target: id });
    return { ok: true, message: "Deployment restored, serving again." };
  }
  if (!(await restoreLoop(db, workspaceId, id))) return NOT_IN_TRASH;
  await recordAudit(db, workspaceId, actor, { action: "loop.restored", target: id });
  return { ok: true, message: "Loop restored." };
}

/** Deletes an item of the trash for good: rows first, then the blobs nothing refers to any more. */
export async function purgeFromTrash(db: Database, workspaceId: string, kind: TrashKind, id: string, actor: AuditActor): Promise<TrashOutcome> {
  if (kind === "models") {
    const purged = await purgeModel(db, workspaceId, id);
    if (!purged) return NOT_IN_TRASH;
    await recordAudit(db, workspaceId, actor, { action: "model.purged", target: id, detail: { deployments: purged.deployments } });
    // Blobs stored within the grace period stay until the scheduled sweep (lib/blobs/gc.ts).
    await collectBlobsOf(db, purged.blobs);
    return { ok: true, message: "Model deleted for good.", deployments: purged.deployments };
  }
  if (kind === "deployments") {
    if (!(await purgeDeployment(db, workspaceId, id))) return NOT_IN_TRASH;
    await recordAudit(db, workspaceId, actor, { action: "deployment.purged", target: id });
    return { ok: true, message: "Deployment deleted for good." };
  }
  if (!(await purgeLoop(db, workspaceId, id))) return NOT_IN_TRASH;
  await recordAudit(db, workspaceId, actor, { action: "loop.purged", target: id });
  return { ok: true, message: "Loop deleted for good." };
}

/** Items purged per kind and run; a larger backlog is taken by the next runs. */
const PURGE_BATCH = 500;

/** The scheduled purge: everything trashed more than TRASH_DAYS days before `now`. */
export async function purgeExpiredTrash(db: Database, now: Date = new Date()): Promise<{ models: number; deployments: number; loops: number }> {
  const cutoff = new Date(now.getTime() - TRASH_DAYS * 24 * 3600_000);
  const counts = { models: 0, deployments: 0, loops: 0 };
  const expired = await expiredModelTrash(db, cutoff, PURGE_BATCH);
  // Lone deployments first: a model's purge takes every deployment of it anyway.
  for (const d of expired.deployments) if ((await purgeFromTrash(db, d.workspaceId, "deployments", d.deploymentId, SYSTEM_ACTOR)).ok) counts.deployments++;
  for (const m of expired.models) if ((await purgeFromTrash(db, m.workspaceId, "models", m.id, SYSTEM_ACTOR)).ok) counts.models++;
  for (const l of await expiredLoops(db, cutoff, PURGE_BATCH)) if ((await purgeFromTrash(db, l.workspaceId, "loops", l.id, SYSTEM_ACTOR)).ok) counts.loops++;
  return counts;
}
