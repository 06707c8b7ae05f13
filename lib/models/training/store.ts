import { and, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { modelFiles, models, trainingJobs, type ModelFileKind, type ModelFileRow, type TrainingJobRow } from "@/db/schema";
import { isUuid } from "@/lib/ids";

// Training job rows and the model files a job reads. Every query is scoped by the owning account,
// except the worker's sweep of interrupted jobs, which is system-wide by nature.

export type TrainingTrigger = TrainingJobRow["trigger"];

export interface NewTrainingJob {
  modelId: string;
  placement: unknown;
  trigger: TrainingTrigger;
}

export type CreateJobResult = { ok: true; job: TrainingJobRow } | { ok: false; reason: "model_not_found" | "already_running"; job?: TrainingJobRow };

/**
 * Creates a waiting job unless one is already waiting or running for the model (the original
 * implementation's rule). The model row is locked so two concurrent requests cannot both pass.
 */
export async function createTrainingJob(db: Database, workspaceId: string, input: NewTrainingJob): Promise<CreateJobResult> {
  if (!isUuid(input.modelId)) return { ok: false, reason: "model_not_found" };
  return db.transaction(async (tx) => {
    const [model] = await tx
      .select({ id: models.id })
      .from(models)
      .where(and(eq(models.id, input.modelId), eq(models.workspaceId, workspaceId), isNull(models.deletedAt)))
      .for("update");
    if (!model) return { ok: false, reason: "model_not_found" } as const;
    const [active] = await tx
      .select()
      .from(trainingJobs)
      .where(and(eq(trainingJobs.workspaceId, workspaceId), eq(trainingJobs.modelId, input.modelId), inArray(trainingJobs.status, ["waiting", "running"])))
      .limit(1);
    if (active) return { ok: false, reason: "already_running", job: active } as const;
    const [job] = await tx
      .insert(trainingJobs)
      .values({ workspaceId, modelId: input.modelId, placement: input.placement, trigger: input.trigger })
      .returning();
    return { ok: true, job: job! } as const;
  });
}

export async function getTrainingJob(db: Database, workspaceId: string, jobId: string): Promise<TrainingJobRow | null> {
  if (!isUuid(jobId)) return null;
  const [row] = await db.select().from(trainingJobs).where(and(eq(trainingJobs.id, jobId), eq(trainingJobs.workspaceId, workspaceId)));
  return row ?? null;
}

export async function listTrainingJobs(db: Database, workspaceId: string, options: { skip: number; limit: number; modelId?: string }): Promise<TrainingJobRow[]> {
  const conditions = [eq(trainingJobs.workspaceId, workspaceId)];
  if (options.modelId !== undefined) {
    if (!isUuid(options.modelId)) return [];
    conditions.push(eq(trainingJobs.modelId, options.modelId));
  }
  return db
    .select()
    .from(trainingJobs)
    .where(and(...conditions))
    .orderBy(desc(trainingJobs.createdAt), desc(trainingJobs.id))
    .offset(options.skip)
    .limit(options.limit);
}

/** waiting → running, once: null when the job is gone or another worker already took it. */
export async function claimTrainingJob(db: Database, workspaceId: string, jobId: string): Promise<TrainingJobRow | null> {
  if (!isUuid(jobId)) return null;
  const [row] = await db
    .update(trainingJobs)
    .set({ status: "running", startedAt: sql`now()` })
    .where(and(eq(trainingJobs.id, jobId), eq(trainingJobs.workspaceId, workspaceId), eq(trainingJobs.status, "waiting")))
    .returning();
  return row ?? null;
}

/** The log so far, while the job runs (the page shows it live). */
export async function setTrainingJobLog(db: Database, workspaceId: string, jobId: string, log: string): Promise<void> {
  await db.update(trainingJobs).set({ log }).where(and(eq(trainingJobs.id, jobId), eq(trainingJobs.workspaceId, workspaceId)));
}

export interface JobOutcome {
  status: "succeeded" | "failed";
  log: string;
  reason: string | null;
  resultVersion?: number | null;
  promoted?: boolean;
  metrics?: Record<string, number> | null;
}

export async function finishTrainingJob(db: Database, workspaceId: string, jobId: string, outcome: JobOutcome): Promise<TrainingJobRow | null> {
  const [row] = await db
    .update(trainingJobs)
    .set({
      status: outcome.status,
      log: outcome.log,
      reason: outcome.reason,
      resultVersion: outcome.resultVersion ?? null,
      promoted: outcome.promoted ?? false,
      metrics: outcome.metrics ?? null,
      finishedAt: sql`now()`,
    })
    .where(and(eq(trainingJobs.id, jobId), eq(trainingJobs.workspaceId, workspaceId)))
    .returning();
  return row ?? null;
}

/**
 * Fails jobs left running by a worker that stopped (crash, restart: running longer than
 * `runningSeconds`, which exceeds the wall-clock limit) and jobs whose queue message was lost
 * (waiting longer than `waitingSeconds`). System-wide: the worker runs it.
 */
export async function failAbandonedTrainingJobs(db: Database, limits: { runningSeconds: number; waitingSeconds: number }): Promise<number> {
  const running = await db
    .update(trainingJobs)
    .set({ status: "failed", reason: "The worker running this job stopped before it finished", finishedAt: sql`now()` })
    .where(and(eq(trainingJobs.status, "running"), lt(trainingJobs.startedAt, sql`now() - make_interval(secs => ${limits.runningSeconds})`)))
    .returning({ id: trainingJobs.id });
  const waiting = await db
    .update(trainingJobs)
    .set({ status: "failed", reason: "No worker picked the job up", finishedAt: sql`now()` })
    .where(and(eq(trainingJobs.status, "waiting"), lt(trainingJobs.createdAt, sql`now() - make_interval(secs => ${limits.waitingSeconds})`)))
    .returning({ id: trainingJobs.id });
  return running.length + waiting.length;
}

/** The model's most recently uploaded file of a kind (the code and data a job trains with). */
export async function latestModelFile(db: Database, workspaceId: string, modelId: string, kind: ModelFileKind): Promise<ModelFileRow | null> {
  if (!isUuid(modelId)) return null;
  const [row] = await db
    .select()
    .from(modelFiles)
    .where(and(eq(modelFiles.workspaceId, workspaceId), eq(modelFiles.modelId, modelId), eq(modelFiles.filekind, kind)))
    .orderBy(desc(modelFiles.createdAt), desc(modelFiles.id))
    .limit(1);
  return row ?? null;
}
