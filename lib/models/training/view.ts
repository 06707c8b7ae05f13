import type { TrainingJobRow } from "@/db/schema";
import { apiTimestamp } from "@/lib/http/timestamps";

/**
 * A job as the API and the dashboard show it: the original implementation's MLTrain fields
 * (deployment_id — its id for a training run —, modelid, placement, status) plus the run's outcome.
 */
export function trainingJobResponse(job: TrainingJobRow) {
  return {
    deployment_id: job.id,
    job_id: job.id,
    modelid: job.modelId,
    placement: job.placement,
    status: job.status,
    trigger: job.trigger,
    reason: job.reason,
    result_version: job.resultVersion,
    promoted: job.promoted,
    metrics: job.metrics,
    log: job.log,
    created_at: apiTimestamp(job.createdAt),
    started_at: (job.startedAt ? apiTimestamp(job.startedAt) : null),
    finished_at: (job.finishedAt ? apiTimestamp(job.finishedAt) : null),
  };
}

export type TrainingJobView = ReturnType<typeof trainingJobResponse>;
