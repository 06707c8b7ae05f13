import { createHash } from "node:crypto";
import { and, asc, eq, lt, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { taskRequests } from "@/db/schema";
import { leaseSpecificTask } from "./queue";
import { simulatedAnswer } from "./simulated-answer";
import { getTaskRequestInternal } from "./store";
import { submitAnswer } from "./submit-answer";

/**
 * Test-key requests never reach people: simulated crunchers answer them through the same queue
 * functions real crunchers use (so block, confidence, raw_responses and hook_url behave as in live
 * use), shortly after creation. A sweep catches requests whose creating process went away.
 */

const SIMULATION_DELAY_MS = 250;

/** A stable 32-hex id per request and slot, shaped like real cruncher ids. */
function simulatedCruncherId(requestId: string, slot: number): string {
  return createHash("sha256").update(`simulated:${requestId}:${slot}`).digest("hex").slice(0, 32);
}

async function simulateTestRequest(db: Database, requestId: string): Promise<void> {
  const request = await getTaskRequestInternal(db, requestId);
  // Gold questions never complete: the simulated crunchers leave them alone.
  if (!request || request.mode !== "test" || request.status !== "pending" || request.gold) return;
  // Adaptive overlap opens its slots one at a time, up to confidence.max_crunchers.
  const slots = Math.max(request.maxCrunchers, request.params.confidence?.max_crunchers ?? 1);
  for (let slot = 1; slot <= slots; slot++) {
    const cruncherId = simulatedCruncherId(requestId, slot);
    const lease = await leaseSpecificTask(db, requestId, cruncherId, 30);
    if (!lease) continue;
    const answer = simulatedAnswer(request.type, request.params, requestId, slot);
    const outcome = await submitAnswer(db, cruncherId, lease.assignmentId, answer);
    if (!outcome.ok || outcome.requestStatus === "complete") return;
  }
}

/** Simulates a new test request shortly, on the pool of that moment (like the workers). */
export function scheduleSimulation(requestId: string): void {
  setTimeout(() => {
    simulateTestRequest(getDb(), requestId).catch((error: unknown) => console.error("[crucible] test simulation:", (error as Error).message));
  }, SIMULATION_DELAY_MS);
}

/** Completes test requests left pending for more than two seconds (e.g. after a restart). */
export async function sweepPendingTestRequests(db: Database): Promise<number> {
  const rows = await db
    .select({ id: taskRequests.id })
    .from(taskRequests)
    .where(and(eq(taskRequests.status, "pending"), eq(taskRequests.mode, "test"), eq(taskRequests.gold, false), lt(taskRequests.createdAt, sql`now() - interval '2 seconds'`)))
    .orderBy(asc(taskRequests.createdAt))
    .limit(100);
  for (const row of rows) await simulateTestRequest(db, row.id);
  return rows.length;
}
