import type PgBoss from "pg-boss";
import { getBoss, stopBoss } from "./boss";

/** Registers one domain's job handlers (and schedules) on the started queue. */
export type WorkerRegistration = (boss: PgBoss) => Promise<void>;

const registrations: WorkerRegistration[] = [];

/** Domains add their handlers here (at import time of lib/jobs/all-workers.ts). */
export function addWorkers(registration: WorkerRegistration): void {
  registrations.push(registration);
}

/**
 * Starts every registered worker in this process. The app calls this on start unless
 * CRUCIBLE_WORKERS=0 (then `node dist/lib/jobs/worker-main.js` runs them as their own process).
 */
export async function startWorkers(log: (line: string) => void = () => {}): Promise<void> {
  const boss = await getBoss();
  for (const register of registrations) await register(boss);
  log(`background workers started (${registrations.length} domains)`);
}

export { stopBoss as stopWorkers };
