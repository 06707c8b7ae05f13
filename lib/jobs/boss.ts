import PgBoss from "pg-boss";
import { databaseUrl } from "@/db/client";
import { processSlot } from "@/lib/process-singleton";

/**
 * The Postgres-backed job queue (pg-boss, schema `pgboss`) shared by webhooks, training jobs, drift
 * checks, the blob sweep, the auth clean-up and the consensus-model refit. One instance per process (lib/process-singleton.ts).
 */
const boss = processSlot<Promise<PgBoss>>("jobs.boss");

export const QUEUES = {
  taskWebhook: "task-webhook",
  trainingJob: "training-job",
  driftCheck: "drift-check",
  driftSchedule: "drift-schedule",
  blobGc: "blob-gc",
  authCleanup: "auth-cleanup",
  consensusRefit: "task-consensus-refit",
  trashPurge: "trash-purge",
} as const;

async function start(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl(),
    schema: "pgboss",
    max: 4,
    application_name: "crucible-jobs",
    // Our own tables keep the history that matters (webhook attempts, job logs).
    deleteAfterDays: 7,
  });
  boss.on("error", (error: Error) => console.error("[crucible] job queue:", error.message));
  await boss.start();
  for (const name of Object.values(QUEUES)) await boss.createQueue(name);
  return boss;
}

/** The started queue (created on first use; pg-boss installs its schema under an advisory lock). */
export function getBoss(): Promise<PgBoss> {
  let started = boss.get();
  if (!started) {
    started = start().catch((error: unknown) => {
      boss.set(undefined);
      throw error;
    });
    boss.set(started);
  }
  return started;
}

export async function stopBoss(): Promise<void> {
  const current = boss.get();
  boss.set(undefined);
  if (!current) return;
  const running = await current.catch(() => null);
  await running?.stop({ graceful: true, wait: true, timeout: 5_000 }).catch(() => {});
}
