import type { Database } from "@/db/client";
import type { TrainingJobRow } from "@/db/schema";
import { getBoss, QUEUES } from "@/lib/jobs/boss";
import { getModel } from "../store";
import { trainingLimits } from "./config";
import { createTrainingJob, finishTrainingJob, latestModelFile, type TrainingTrigger } from "./store";

// The original implementation's message for an unknown model.
const NOT_FOUND = "No model details found with that model_id";

/** What the queue carries: the worker loads everything else from the job row. */
export interface TrainingJobMessage {
  jobId: string;
  workspaceId: string;
  /** Messages queued before workspaces named the owner so (its personal workspace has the same id). */
  accountId?: string;
}

export type StartJobResult = { ok: true; job: TrainingJobRow } | { ok: false; status: 400 | 404 | 503; message: string; job?: TrainingJobRow };

/**
 * Creates a waiting job for the account's model and queues it for the worker. Used by
 * POST /mltraining/add, the deployment page's "Retrain now" and drift's automatic retraining.
 */
export async function startTrainingJob(
  db: Database,
  workspaceId: string,
  input: { modelId: string; placement: unknown; trigger: TrainingTrigger },
): Promise<StartJobResult> {
  const [model, code, data] = await Promise.all([
    getModel(db, workspaceId, input.modelId),
    latestModelFile(db, workspaceId, input.modelId, "code"),
    latestModelFile(db, workspaceId, input.modelId, "data"),
  ]);
  if (!model) return { ok: false, status: 404, message: NOT_FOUND };
  if (!code) return { ok: false, status: 400, message: "The model has no code file (the training script) to run: upload one with file_kind=code" };
  if (!data) return { ok: false, status: 400, message: "The model has no data file to train on: upload one with file_kind=data" };
  const created = await createTrainingJob(db, workspaceId, input);
  if (!created.ok) {
    if (created.reason === "model_not_found") return { ok: false, status: 404, message: NOT_FOUND };
    return { ok: false, status: 400, message: `ML model training instance is already running (job ${created.job!.id}, ${created.job!.status})`, job: created.job };
  }
  const job = created.job;
  try {
    const boss = await getBoss();
    // No retries: a failed run is an outcome (with its log), and the row is claimed only once anyway.
    await boss.send(QUEUES.trainingJob, { jobId: job.id, workspaceId } satisfies TrainingJobMessage, {
      retryLimit: 0,
      expireInSeconds: Math.ceil(trainingLimits().wallSeconds) + 600,
    });
  } catch (error) {
    const reason = `The job queue is unavailable: ${(error as Error).message}`;
    await finishTrainingJob(db, workspaceId, job.id, { status: "failed", log: "", reason });
    return { ok: false, status: 503, message: reason };
  }
  return { ok: true, job };
}
