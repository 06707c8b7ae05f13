import type PgBoss from "pg-boss";
import { getDb } from "@/db/client";
import { QUEUES } from "@/lib/jobs/boss";
import { everyUntilDrained } from "@/lib/process-drain";
import { onTaskStatus } from "./completion-waiters";
import { refitStaleConsensusModels } from "./consensus-models";
import { sweepPendingTestRequests } from "./test-simulator";
import { deliverWebhook, dispatchDueWebhooks, type WebhookJob } from "./webhooks";

const DISPATCH_INTERVAL_MS = 5_000;
const TEST_SWEEP_INTERVAL_MS = 2_000;

function logFailure(what: string) {
  return (error: unknown) => console.error(`[crucible] ${what}:`, (error as Error).message);
}

/** Webhook delivery and dispatch, the sweep that completes stranded test requests, and the consensus-model refit. */
export async function registerTaskWorkers(boss: PgBoss): Promise<void> {
  // Every 10 minutes: the workspaces' Dawid–Skene models older than 10 minutes are fitted anew from their latest answers.
  await boss.work(QUEUES.consensusRefit, { batchSize: 1 }, async () => {
    await refitStaleConsensusModels(getDb());
  });
  await boss.schedule(QUEUES.consensusRefit, "*/10 * * * *", {}, { singletonKey: "task-consensus-refit", expireInSeconds: 10 * 60, retryLimit: 0 });

  await boss.work<WebhookJob>(QUEUES.taskWebhook, { pollingIntervalSeconds: 0.5, batchSize: 10 }, async (jobs) => {
    await Promise.all(jobs.map((job) => deliverWebhook(getDb(), boss, job.data)));
  });

  let dispatching = false;
  const dispatch = () => {
    if (dispatching) return;
    dispatching = true;
    dispatchDueWebhooks(getDb(), boss)
      .catch(logFailure("webhook dispatch"))
      .finally(() => (dispatching = false));
  };
  // A completion anywhere sends NOTIFY; the interval is the safety net.
  onTaskStatus(getDb(), (_id, status) => {
    if (status === "complete") dispatch();
  });
  everyUntilDrained(dispatch, DISPATCH_INTERVAL_MS);
  dispatch();

  let sweeping = false;
  everyUntilDrained(() => {
    if (sweeping) return;
    sweeping = true;
    sweepPendingTestRequests(getDb())
      .catch(logFailure("test request sweep"))
      .finally(() => (sweeping = false));
  }, TEST_SWEEP_INTERVAL_MS);
}
