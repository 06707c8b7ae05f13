import PgBoss from "pg-boss";
import { databaseUrl } from "@/db/client";

/**
 * The Postgres-backed job queue (pg-boss, schema `pgboss`) shared by webhooks, training jobs, drift
 * checks and the blob sweep. One instance per process, kept on globalThis because the custom server and Next's
 * bundled route code load separate copies of this module.
 */
const holder = globalThis as typeof globalThis & { __crucibleBoss?: Promise<PgBoss> };

export const QUEUES = {
  taskWebhook: "task-webhook",
  trainingJob: "training-job",
  driftCheck: "drift-check",
  driftSchedule: "drift-schedule",
  blobGc: "blob-gc",
  authCleanup: "auth-cleanup",
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
  holder.__crucibleBoss ??= start().catch((error: unknown) => {
    holder.__crucibleBoss = undefined;
    throw error;
  });
  return holder.__crucibleBoss;
}

export async function stopBoss(): Promise<void> {
  const current = holder.__crucibleBoss;
  holder.__crucibleBoss = undefined;
  if (!current) return;
  const boss = await current.catch(() => null);
  await boss?.stop({ graceful: true, wait: true, timeout: 5_000 }).catch(() => {});
}
