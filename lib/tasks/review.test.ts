import { describe, expect, it } from "vitest";
import { makeAccount } from "@/lib/auth/testing";
import { getDb, getSql } from "@/db/client";
import { createValidatedRequest } from "./create";
import { countTaskRequestsUpTo, listTaskRequests } from "./list";
import { cruncherIdOf, leaseSpecificTask } from "./queue";
import { parseRequestBody } from "./request-types";
import { findTaskRequest, requestProgress, reviewAnswers } from "./review";
import { getTaskRequestInternal } from "./store";
import { submitAnswer } from "./submit-answer";

async function choiceRequest(workspaceId: string, mode: "live" | "test", confidence?: { min_agreements: number; max_crunchers: number }) {
  const parsed = parseRequestBody("multiple-choice", { instruction: "Pick one", choices: ["a", "b", "c"], max_answers: 1, ...(confidence ? { confidence } : {}) });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return (await createValidatedRequest(getDb(), { workspaceId, mode, type: "multiple-choice", params: parsed.params, idempotencyKey: null, keyId: null })).record;
}

describe("request review", () => {
  it("finds a request of the account in either space, and never another account's", async () => {
    const [owner, other] = await Promise.all([makeAccount(), makeAccount()]);
    const request = await choiceRequest(owner.id, "test", { min_agreements: 2, max_crunchers: 3 });
    expect((await findTaskRequest(getDb(), owner.id, request.id))?.mode).toBe("test");
    expect(await findTaskRequest(getDb(), other.id, request.id)).toBeNull();
    expect(await findTaskRequest(getDb(), owner.id, "not-a-uuid")).toBeNull();
    expect(await requestProgress(getDb(), owner.id, request.id)).toEqual({ status: "pending", answers: 0 });
    expect(await requestProgress(getDb(), other.id, request.id)).toBeNull();
  });

  it("marks each cruncher's answer by agreement with the final response", async () => {
    const owner = await makeAccount();
    const request = await choiceRequest(owner.id, "live", { min_agreements: 2, max_crunchers: 3 }); // live: only this workspace's crunchers can lease it, and no simulator answers
    const ids = await Promise.all([1, 2, 3].map(async () => cruncherIdOf((await makeAccount("cruncher")).id)));
    const leases = await Promise.all(ids.map((id) => leaseSpecificTask(getDb(), request.id, id)));
    const pending = await findTaskRequest(getDb(), owner.id, request.id);
    expect(reviewAnswers(pending!)).toEqual([]);
    await submitAnswer(getDb(), ids[0]!, leases[0]!.assignmentId, ["a"]);
    expect(reviewAnswers((await findTaskRequest(getDb(), owner.id, request.id))!).map((a) => a.agreesWithResponse)).toEqual([null]);
    await submitAnswer(getDb(), ids[1]!, leases[1]!.assignmentId, ["b"]);
    await submitAnswer(getDb(), ids[2]!, leases[2]!.assignmentId, ["a"]);
    const done = (await findTaskRequest(getDb(), owner.id, request.id))!;
    expect(done).toMatchObject({ status: "complete", response: ["a"] });
    expect(reviewAnswers(done).map((a) => [a.cruncherId, a.agreesWithResponse])).toEqual([[ids[0], true], [ids[1], false], [ids[2], true]]);
    expect(await requestProgress(getDb(), owner.id, request.id)).toEqual({ status: "complete", answers: 3 });
  });

  it("creates dashboard requests like the API: slots from confidence, public excluded ids, test requests simulated", async () => {
    const owner = await makeAccount();
    const parsed = parseRequestBody("free-text", { instruction: "Say hi", exclude_crunchers: ["AAAAAAAA-bbbb-cccc-dddd-eeeeeeeeeeee"], confidence: { min_agreements: 1, max_crunchers: 2 } });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const { record } = await createValidatedRequest(getDb(), { workspaceId: owner.id, mode: "test", type: "free-text", params: parsed.params, idempotencyKey: null, keyId: null });
    expect(record).toMatchObject({ maxCrunchers: 2, minAgreements: 1, excludeCrunchers: ["aaaaaaaabbbbccccddddeeeeeeeeeeee"], mode: "test" });
    await expect.poll(async () => (await getTaskRequestInternal(getDb(), record.id))?.status, { timeout: 5_000 }).toBe("complete");
  });

  it("lists the Tasks page's filters (created range, status, type) and counts each status up to a cap", async () => {
    const owner = await makeAccount();
    // Inserted already decided, so no cruncher of another test file ever leases them.
    const params = JSON.stringify({ instruction: "Pick", attachments: [], attachments_type: "text", choices: ["a"], min_answers: 1, max_answers: 0 });
    const made = [];
    for (const [i, status] of (["complete", "aborted", "complete", "complete"] as const).entries()) {
      const [row] = await getSql()`
        insert into task_requests (workspace_id, mode, type, params, status, created_at)
        values (${owner.id}, 'live', 'multiple-choice', ${params}::jsonb, ${status}, ${`2026-03-0${i + 1}T12:00:00Z`}) returning id`;
      made.push({ id: row!.id as string });
    }
    const range = await listTaskRequests(getDb(), owner.id, "live", { createdFrom: new Date("2026-03-02T00:00:00Z"), createdTo: new Date("2026-03-04T00:00:00Z"), limit: 10 });
    expect(range.items.map((r) => r.id)).toEqual([made[2]!.id, made[1]!.id]);
    const first = await listTaskRequests(getDb(), owner.id, "live", { limit: 3 });
    expect(first.items.map((r) => r.id)).toEqual([made[3]!.id, made[2]!.id, made[1]!.id]);
    const rest = await listTaskRequests(getDb(), owner.id, "live", { limit: 3, cursor: first.nextCursor! });
    expect(rest).toEqual({ items: [expect.objectContaining({ id: made[0]!.id })], nextCursor: null });
    expect(await countTaskRequestsUpTo(getDb(), owner.id, "live", 2)).toEqual({ pending: 0, complete: 2, aborted: 1 });
    expect(await countTaskRequestsUpTo(getDb(), owner.id, "live", 100)).toEqual({ pending: 0, complete: 3, aborted: 1 });
    expect(await countTaskRequestsUpTo(getDb(), owner.id, "test", 100)).toEqual({ pending: 0, complete: 0, aborted: 0 });
    expect((await listTaskRequests(getDb(), owner.id, "live", { type: "rating", limit: 10 })).items).toEqual([]);
    expect((await listTaskRequests(getDb(), owner.id, "live", { status: "aborted", limit: 10 })).items.map((r) => r.id)).toEqual([made[1]!.id]);
  });
});
