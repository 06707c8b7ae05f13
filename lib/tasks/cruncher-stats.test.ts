import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { taskAssignments, taskRequests } from "@/db/schema";
import { makeAccount } from "@/lib/auth/testing";
import { createValidatedRequest } from "./create";
import { countWaitingTasks, cruncherStats } from "./cruncher-stats";
import { cruncherIdOf, leaseSpecificTask } from "./queue";
import { parseRequestBody } from "./request-types";
import { submitAnswer } from "./submit-answer";

const body = (confidence?: { min_agreements: number; max_crunchers: number }) => ({
  instruction: "Is this review positive?",
  attachments: ["Great product!"],
  choices: ["yes", "no"],
  ...(confidence ? { confidence } : {}),
});

/** Live requests of the test's own workspace (no other test's cruncher is in it; no simulator answers), answered through the queue as crunchers answer. */
async function answeredRequest(ownerId: string, answers: [string, string][], confidence?: { min_agreements: number; max_crunchers: number }) {
  const parsed = parseRequestBody("multiple-choice", body(confidence));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { record } = await createValidatedRequest(getDb(), { workspaceId: ownerId, mode: "live", type: "multiple-choice", params: parsed.params, idempotencyKey: null, keyId: null });
  const leases = [];
  for (const [cruncher] of answers) leases.push(await leaseSpecificTask(getDb(), record.id, cruncher));
  for (const [i, [cruncher, choice]] of answers.entries()) await submitAnswer(getDb(), cruncher, leases[i]!.assignmentId, [choice]);
  return record;
}

describe("cruncher stats", () => {
  it("counts today and in total, and agreement only where several crunchers reached a consensus", async () => {
    const owner = await makeAccount();
    const [me, b, c] = await Promise.all([makeAccount("cruncher"), makeAccount("cruncher"), makeAccount("cruncher")]).then((a) => a.map((x) => cruncherIdOf(x.id)));
    const majority = { min_agreements: 2, max_crunchers: 3 };
    await answeredRequest(owner.id, [[me!, "yes"], [b!, "yes"]], majority); // agrees with the consensus
    await answeredRequest(owner.id, [[me!, "no"], [b!, "yes"], [c!, "yes"]], majority); // disagrees
    await answeredRequest(owner.id, [[me!, "yes"], [b!, "no"]], { min_agreements: 2, max_crunchers: 2 }); // no agreement: left out
    await answeredRequest(owner.id, [[me!, "no"]]); // a single cruncher decides alone: left out
    const old = await answeredRequest(owner.id, [[me!, "yes"]]);
    await getDb()
      .update(taskAssignments)
      .set({ answeredAt: sql`now() - interval '2 days'` })
      .where(eq(taskAssignments.requestId, old.id));

    const startOfDay = new Date(Date.now() - 60 * 60 * 1000);
    expect(await cruncherStats(getDb(), me!, startOfDay)).toEqual({ answeredToday: 4, answeredTotal: 5, decided: 2, agreed: 1, agreementRate: 0.5 });
    expect(await cruncherStats(getDb(), c!, startOfDay)).toMatchObject({ answeredTotal: 1, decided: 1, agreed: 1 });
    const fresh = cruncherIdOf((await makeAccount("cruncher")).id);
    expect(await cruncherStats(getDb(), fresh, startOfDay)).toEqual({ answeredToday: 0, answeredTotal: 0, decided: 0, agreed: 0, agreementRate: null });
  });

  it("counts the live tasks a cruncher may still take", async () => {
    const cruncher = cruncherIdOf((await makeAccount("cruncher")).id);
    const owner = await makeAccount();
    const row = (mode: "live" | "test", maxCrunchers: number, slotsTaken: number, excludeCrunchers: string[] = []) => ({
      workspaceId: owner.id,
      mode,
      type: "multiple-choice",
      params: { instruction: "Pick", attachments: [], attachments_type: "text", choices: ["a"], min_answers: 1, max_answers: 0 },
      maxCrunchers,
      slotsTaken,
      excludeCrunchers,
    });
    // In a snapshot that is rolled back: other test files' crunchers drain the live queue meanwhile,
    // and must never see these rows.
    const rollback = new Error("rollback");
    await getDb()
      .transaction(
        async (tx) => {
          const before = await countWaitingTasks(tx, owner.id, cruncher, 100_000);
          await tx.insert(taskRequests).values([row("live", 1, 0), row("live", 3, 1), row("live", 1, 0, [cruncher]), row("live", 2, 2), row("test", 1, 0)]);
          const [taken] = await tx.insert(taskRequests).values(row("live", 1, 0)).returning({ id: taskRequests.id });
          await tx.insert(taskAssignments).values({ requestId: taken!.id, workspaceId: owner.id, cruncherId: cruncher, state: "skipped" });
          // Two with a free slot count; excluded, full, test-mode and already-skipped ones do not.
          expect(await countWaitingTasks(tx, owner.id, cruncher, 100_000)).toBe(before + 2);
          expect(await countWaitingTasks(tx, owner.id, cruncher, 0)).toBe(0);
          throw rollback;
        },
        { isolationLevel: "repeatable read" },
      )
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
  });
});
