import { createHash } from "node:crypto";
import { getSql } from "@/db/client";
import { leaseSpecificTask, submitAnswer } from "./queue";
import { simulatedAnswer } from "./simulated-answer";
import { getTaskRequestInternal } from "./store";

/**
 * Test-key requests never reach people: simulated crunchers answer them through the same queue
 * functions real crunchers use (so block, confidence, raw_responses and hook_url behave as in live
 * use), shortly after creation. A sweep catches requests whose creating process went away.
 */

const SIMULATION_DELAY_MS = 250;

/** A stable 32-hex id per request and slot, shaped like real cruncher ids. */
export function simulatedCruncherId(requestId: string, slot: number): string {
  return createHash("sha256").update(`simulated:${requestId}:${slot}`).digest("hex").slice(0, 32);
}

export async function simulateTestRequest(requestId: string): Promise<void> {
  const request = await getTaskRequestInternal(requestId);
  if (!request || request.mode !== "test" || request.status !== "pending") return;
  for (let slot = 1; slot <= request.maxCrunchers; slot++) {
    const cruncherId = simulatedCruncherId(requestId, slot);
    const lease = await leaseSpecificTask(requestId, cruncherId, 30);
    if (!lease) continue;
    const answer = simulatedAnswer(request.type as never, request.params as never, requestId, slot);
    const outcome = await submitAnswer(cruncherId, lease.assignmentId, answer);
    if (!outcome.ok || outcome.requestStatus === "complete") return;
  }
}

export function scheduleSimulation(requestId: string): void {
  setTimeout(() => {
    simulateTestRequest(requestId).catch((error: unknown) => console.error("[crucible] test simulation:", (error as Error).message));
  }, SIMULATION_DELAY_MS);
}

/** Completes test requests left pending for more than two seconds (e.g. after a restart). */
export async function sweepPendingTestRequests(): Promise<number> {
  const rows = await getSql()`
    select id from task_requests where status = 'pending' and mode = 'test' and created_at < now() - interval '2 seconds'
    order by created_at limit 100`;
  for (const row of rows) await simulateTestRequest(row.id as string);
  return rows.length;
}
