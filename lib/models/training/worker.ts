import type PgBoss from "pg-boss";
import { getDb } from "@/db/client";
import { QUEUES } from "@/lib/jobs/boss";
import { everyUntilDrained } from "@/lib/process-drain";
import { trainingLimits } from "./config";
import { runTrainingJob } from "./run-job";
import type { TrainingJobMessage } from "./start-job";
import { failAbandonedTrainingJobs } from "./store";

const SWEEP_INTERVAL_MS = 5 * 60_000;

/** Training jobs, one at a time per worker process, and the sweep that fails abandoned ones. */
export async function registerTrainingWorkers(boss: PgBoss): Promise<void> {
  const sweep = async () => {
    const count = await failAbandonedTrainingJobs(getDb(), { runningSeconds: trainingLimits().wallSeconds + 600, waitingSeconds: 24 * 3600 });
    if (count) console.log(`[crucible] marked ${count} abandoned training job(s) failed`);
  };
  await sweep().catch((error: unknown) => console.error("[crucible] training sweep:", (error as Error).message));
  everyUntilDrained(() => void sweep().catch(() => {}), SWEEP_INTERVAL_MS);

  await boss.work<TrainingJobMessage>(QUEUES.trainingJob, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await runTrainingJob(getDb(), job.data);
  });
}
