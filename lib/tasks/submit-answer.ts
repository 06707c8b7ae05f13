import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { taskAssignments, taskRequests } from "@/db/schema";
import type { ApiErrorDetail } from "@/lib/http/errors";
import { answersAgree, decideConsensus } from "./agreement";
import { validateAnswer } from "./answers";
import { decideDawidSkene } from "./consensus-decision";
import { consensusKindOf, consensusModelFor } from "./consensus-models";
import { queueStatements } from "./queue-statements";
import type { Answer, RequestParams, RequestType } from "./request-types";
import { answersOf, notificationOf } from "./store";

export type SubmitOutcome =
  | { ok: true; requestStatus: "pending" | "complete"; response: unknown }
  | { ok: false; reason: "not_leased" | "not_pending"; message: string }
  | { ok: false; reason: "invalid"; message: string; errors: ApiErrorDetail[] };

/**
 * Stores one cruncher's answer to the slot they hold, after validating it against the request,
 * and decides the request: complete when enough answers agree (or with a null response when
 * max_crunchers answered without agreement). The request row is locked while its answers are
 * read and decided, so two answers never decide it at once. Completion wakes blocked readers
 * (NOTIFY) and marks the webhook as due in the same transaction, so neither can be lost.
 *
 * A gold question only scores the answer (gold_correct) and stays open for other crunchers. A
 * "dawid-skene" request is decided by adaptive overlap with the workspace's model (read, or
 * fitted, before the lock): complete once the chosen answer's posterior reaches min_confidence,
 * else one more slot opens, up to max_crunchers, after which it completes with a null response.
 */
export async function submitAnswer(db: Database, cruncherId: string, assignmentId: string, answer: unknown): Promise<SubmitOutcome> {
  const [slot] = await queueStatements(db).answeredSlot.execute({ assignmentId, cruncherId });
  if (!slot || slot.state !== "leased") {
    return { ok: false, reason: "not_leased", message: "This task is not leased to you (the lease expired or it was answered)." };
  }
  const { requestId, mode } = slot;
  // Stored type and params were validated when the request was made.
  const type = slot.type as RequestType;
  const params = slot.params as RequestParams;
  const strategy = params.confidence?.strategy === "dawid-skene" && !slot.gold ? consensusKindOf(type, params) : null;
  const model = strategy ? await consensusModelFor(db, slot.workspaceId, strategy.kind, strategy.mapping.classes) : null;
  return db.transaction(async (tx) => {
    // Run for every answer, so prepared: Postgres parses and plans each once per connection.
    const [locked] = await tx
      .select({ status: taskRequests.status })
      .from(taskRequests)
      .where(eq(taskRequests.id, requestId))
      .for("update")
      .prepare("tasks_submit_lock")
      .execute();
    if (locked!.status !== "pending") {
      return { ok: false, reason: "not_pending", message: `The request is ${locked!.status}; no more answers are taken.` } as const;
    }
    const checked = validateAnswer(type, params, answer);
    if (!checked.ok) return { ok: false, reason: "invalid", message: "The answer does not fit the request.", errors: checked.errors } as const;
    const [stored] = await tx
      .update(taskAssignments)
      .set({
        state: "answered",
        answer: checked.answer,
        answeredAt: sql`now()`,
        leaseUntil: null,
        goldCorrect: slot.gold ? answersAgree(type, params, checked.answer as never, params.gold as never) : null,
      })
      .where(and(eq(taskAssignments.id, assignmentId), eq(taskAssignments.state, "leased")))
      .returning({ id: taskAssignments.id })
      .prepare("tasks_submit_store")
      .execute();
    if (!stored) return { ok: false, reason: "not_leased", message: "This task is no longer leased to you." } as const;
    if (slot.gold) return { ok: true, requestStatus: "pending", response: null } as const;
    const answers = await answersOf(tx, requestId);
    let response: Answer | null;
    if (strategy && model && params.confidence?.strategy === "dawid-skene") {
      const outcome = decideDawidSkene(model, strategy.mapping, params.confidence, answers);
      const consensus = { probability: outcome.probability, answers: outcome.answers };
      if (outcome.state === "pending") {
        // One more slot: the next cruncher may take it (answered so far + 1, never beyond max_crunchers).
        await tx
          .update(taskRequests)
          .set({ consensus, maxCrunchers: sql`greatest(${taskRequests.maxCrunchers}, ${Math.min(outcome.answers + 1, params.confidence.max_crunchers)}::smallint)` })
          .where(eq(taskRequests.id, requestId));
        return { ok: true, requestStatus: "pending", response: null } as const;
      }
      await tx.update(taskRequests).set({ consensus }).where(eq(taskRequests.id, requestId));
      response = outcome.response;
    } else {
      const decision = decideConsensus(type, params, answers);
      if (decision.state === "pending") return { ok: true, requestStatus: "pending", response: null } as const;
      response = decision.state === "complete" ? decision.response : null;
    }
    // The other crunchers' leases end with it, and blocked readers are notified (on commit).
    const released = tx.$with("released").as(
      tx.delete(taskAssignments).where(and(eq(taskAssignments.requestId, requestId), eq(taskAssignments.state, "leased"))),
    );
    await tx
      .with(released)
      .update(taskRequests)
      .set({
        // JSON null, not SQL NULL: complete without agreement.
        response: sql`${JSON.stringify(response)}::jsonb`,
        status: "complete",
        completedAt: sql`now()`,
        hookState: sql`case when ${taskRequests.hookUrl} is not null then 'due' end`,
      })
      .where(eq(taskRequests.id, requestId))
      .returning({ notified: notificationOf(requestId, "complete", mode) })
      .prepare("tasks_submit_complete")
      .execute();
    return { ok: true, requestStatus: "complete", response } as const;
  });
}
