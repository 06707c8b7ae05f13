import { closeDb } from "@/db/client";
import { dataDirectory } from "@/db/data-directory";
import { ensureSessionSecret } from "@/lib/auth/session-secret";
import { startDraining } from "@/lib/process-drain";
import { registerAllWorkers } from "./all-workers";
import { startWorkers, stopWorkers } from "./workers";

/**
 * The background workers as their own process (`node dist/lib/jobs/worker-main.js`), for a setup
 * that runs the app with CRUCIBLE_WORKERS=0. Needs DATABASE_URL, and the app's NEXTAUTH_SECRET (set,
 * or read from the shared data folder) to open the webhook signing secrets.
 */
async function main(): Promise<void> {
  const log = (line: string) => console.log(`[crucible-worker] ${line}`);
  ensureSessionSecret(dataDirectory());
  registerAllWorkers();
  await startWorkers(log);
  const stop = async () => {
    startDraining();
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
