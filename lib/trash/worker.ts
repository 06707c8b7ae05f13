import type PgBoss from "pg-boss";
import { getDb } from "@/db/client";
import { QUEUES } from "@/lib/jobs/boss";
import { purgeExpiredTrash, TRASH_DAYS } from "./service";

/** pg-boss cron of the trash purge (CRUCIBLE_TRASH_PURGE_SCHEDULE, default hourly at minute 23). */
export function trashPurgeSchedule(): string {
  return process.env.CRUCIBLE_TRASH_PURGE_SCHEDULE || "23 * * * *";
}

/** The scheduled purge of items trashed more than TRASH_DAYS days ago (one run at a time). */
export async function registerTrashWorkers(boss: PgBoss): Promise<void> {
  await boss.work(QUEUES.trashPurge, { batchSize: 1 }, async () => {
    const purged = await purgeExpiredTrash(getDb());
    if (purged.models || purged.deployments || purged.loops) {
      console.log(`[crucible] trash purge (older than ${TRASH_DAYS} days): ${purged.models} model(s), ${purged.deployments} deployment(s), ${purged.loops} loop(s)`);
    }
  });
  await boss.schedule(QUEUES.trashPurge, trashPurgeSchedule(), {}, { singletonKey: "trash-purge", expireInSeconds: 60 * 60, retryLimit: 0 });
}
