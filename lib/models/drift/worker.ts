import type PgBoss from "pg-boss";
import { getDb } from "@/db/client";
import { QUEUES } from "@/lib/jobs/boss";
import { runDriftCheck } from "./check";
import { driftSchedule } from "./config";
import { deploymentsToCheck } from "./store";

interface DriftCheckMessage {
  workspaceId: string;
  /** Messages queued before workspaces named the owner so (its personal workspace has the same id). */
  accountId?: string;
  deploymentRowId: string;
}

/**
 * The schedule (a pg-boss cron, every 10 minutes by default) fans out one drift-check job per
 * running deployment with drift detection on; each check runs in whichever worker takes it.
 */
export async function registerDriftWorkers(boss: PgBoss): Promise<void> {
  await boss.work(QUEUES.driftSchedule, async () => {
    for (const target of await deploymentsToCheck(getDb())) {
      // At most one check per deployment per 5-minute slot, however often the schedule fires.
      await boss.send(QUEUES.driftCheck, target satisfies DriftCheckMessage, { singletonKey: target.deploymentRowId, singletonSeconds: 300, retryLimit: 1, expireInSeconds: 600 });
    }
  });
  await boss.work<DriftCheckMessage>(QUEUES.driftCheck, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    if (!job) return;
    const outcome = await runDriftCheck(getDb(), job.data.workspaceId ?? job.data.accountId!, job.data.deploymentRowId);
    if (outcome.ok && outcome.retrainNote) console.log(`[crucible] drift on ${job.data.deploymentRowId}; retraining not started: ${outcome.retrainNote}`);
  });
  await boss.schedule(QUEUES.driftSchedule, driftSchedule());
}
