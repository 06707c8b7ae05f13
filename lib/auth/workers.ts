import type PgBoss from "pg-boss";
import { getDb } from "@/db/client";
import { QUEUES } from "@/lib/jobs/boss";
import { deleteEndedSessions } from "./sessions-store";
import { deleteOldCounters } from "./throttle";

/** Hourly: forget sessions that ended a day ago and throttle counters whose windows are long over. */
export async function registerAuthWorkers(boss: PgBoss): Promise<void> {
  await boss.work(QUEUES.authCleanup, { batchSize: 1 }, async () => {
    const db = getDb();
    await deleteEndedSessions(db);
    await deleteOldCounters(db);
  });
  await boss.schedule(QUEUES.authCleanup, "17 * * * *", {}, { singletonKey: "auth-cleanup", expireInSeconds: 10 * 60, retryLimit: 0 });
}
