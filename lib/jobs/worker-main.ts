import { closeDb } from "@/db/client";
import { registerAllWorkers } from "./all-workers";
import { startWorkers, stopWorkers } from "./workers";

/**
 * The background workers as their own process (`node dist/lib/jobs/worker-main.js`), for a setup
 * that runs the app with CRUCIBLE_WORKERS=0. Needs DATABASE_URL.
 */
async function main(): Promise<void> {
  const log = (line: string) => console.log(`[crucible-worker] ${line}`);
  registerAllWorkers();
  await startWorkers(log);
  const stop = async () => {
    await stopWorkers();
    await closeDb().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error("[crucible-worker] failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
