import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeAccount, makeKey } from "@/lib/auth/testing";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { apiRouter } from "@/lib/http/routes";
import { listConsensusModels } from "./consensus-models";
import { goldStanding, updateGoldSettings } from "./gold-store";
import { leaseNextTask } from "./queue";
import { submitAnswer } from "./submit-answer";
import { workTaskOf } from "./work-task";

// The API side of answer quality: confidence.strategy "dawid-skene" (adaptive overlap and the
// Request object's confidence) and gold questions (validation, lists, mixing, the pausing rule).

let clients: AdapterClient[];
const json = (key: string) => ({ "x-heat-api-key": key, "content-type": "application/json" });
const cruncher = (s: string) => createHash("md5").update(`${s}:${Math.random()}`).digest("hex");
const CHOICES = ["cat", "dog", "bird"];

beforeAll(async () => {
  clients = await adapterClients(apiRouter);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

async function workspaceWithKeys() {
  const account = await makeAccount();
  return { workspaceId: account.id, live: await makeKey(account.id, { scope: "tasks" }), test: await makeKey(account.id, { scope: "tasks", mode: "test" }) };
}

/** Leases the cruncher's next task and answers it; the lease's request id and the outcome. */
async function answerNext(workspaceId: string, cruncherId: string, answer: unknown) {
  const lease = await leaseNextTask(getDb(), workspaceId, cruncherId);
  if (!lease) return null;
  return { requestId: lease.request.id, gold: lease.request.gold, task: workTaskOf(lease), outcome: await submitAnswer(getDb(), cruncherId, lease.assignmentId, answer) };
}

describe.each([0, 1])("answer quality through adapter %i", (index) => {
  const client = () => clients[index]!;
  const post = (key: string, type: string, body: unknown) => client().request("POST", `/v1/requests/${type}`, { headers: json(key), body: JSON.stringify(body) });
  const get = (key: string, path: string) => client().request("GET", path, { headers: json(key) });

  it("refuses dawid-skene where it does not apply, and bad confidence values, in the tasks shape", async () => {
    const { live } = await workspaceWithKeys();
    const freeText = await post(live, "free-text", { instruction: "Name it", confidence: { strategy: "dawid-skene" } });
    expect(freeText.status).toBe(400);
    expect(freeText.body).toMatchObject({ error: "bad_request", errors: [expect.stringMatching(/^confidence\.strategy: "dawid-skene" applies to multiple-choice/)] });
    const multi = await post(live, "multiple-choice", { instruction: "Pick", choices: CHOICES, confidence: { strategy: "dawid-skene" } });
    expect(multi.status).toBe(400); // max_answers 0: several choices per answer
    const low = await post(live, "multiple-choice", { instruction: "Pick", choices: CHOICES, max_answers: 1, confidence: { strategy: "dawid-skene", min_confidence: 0.3 } });
    expect(low.status).toBe(400);
    expect(low.body.errors).toEqual([expect.stringMatching(/^confidence\.min_confidence: /)]);
    const mixed = await post(live, "multiple-choice", { instruction: "Pick", choices: CHOICES, max_answers: 1, confidence: { strategy: "dawid-skene", min_agreements: 2 } });
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors).toEqual([expect.stringMatching(/^confidence\.min_agreements: Not used by the "dawid-skene" strategy/)]);
    const majority = await post(live, "multiple-choice", { instruction: "Pick", choices: CHOICES, confidence: { min_confidence: 0.9 } });
    expect(majority.status).toBe(400);
  });

  it("completes a dawid-skene request as soon as the posterior reaches min_confidence, one cruncher at a time", async () => {
    const { workspaceId, live } = await workspaceWithKeys();
    const created = await post(live, "multiple-choice", { instruction: "Which animal?", choices: CHOICES, max_answers: 1, confidence: { strategy: "dawid-skene", min_confidence: 0.9, max_crunchers: 4 } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: "pending", confidence: { strategy: "dawid-skene", min_confidence: 0.9, max_crunchers: 4, probability: null, answers_used: 0 } });
    const [a, b, c] = [cruncher("a"), cruncher("b"), cruncher("c")];
    expect((await answerNext(workspaceId, a, ["dog"]))?.outcome).toMatchObject({ ok: true, requestStatus: "pending" });
    // One slot at a time: while a's answer is not enough, one more cruncher may take it.
    const afterOne = await get(live, `/v1/requests/${created.body.id}`);
    expect(afterOne.body.confidence).toMatchObject({ answers_used: 1 });
    expect(afterOne.body.confidence.probability).toBeCloseTo(0.75, 5);
    expect((await answerNext(workspaceId, b, ["dog"]))?.outcome).toMatchObject({ ok: true, requestStatus: "complete", response: ["dog"] });
    expect(await answerNext(workspaceId, c, ["dog"])).toBeNull();
    const done = await get(live, `/v1/requests/${created.body.id}`);
    expect(done.body).toMatchObject({ status: "complete", response: ["dog"], min_answers: 1, max_answers: 1, confidence: { strategy: "dawid-skene", answers_used: 2 } });
    expect(done.body.confidence.probability).toBeGreaterThanOrEqual(0.9);
    expect(Object.keys(done.body.raw_responses)).toEqual([a, b]);
    // The workspace's model was fitted on demand and stored.
    expect(await listConsensusModels(getDb(), workspaceId)).toEqual([expect.objectContaining({ kind: "multiple-choice" })]);
  });

  it("completes with a null response when max_crunchers answered below min_confidence", async () => {
    const { workspaceId, live } = await workspaceWithKeys();
    const created = await post(live, "rating", { instruction: "How good?", rating_min: 1, rating_max: 5, confidence: { strategy: "dawid-skene", min_confidence: 0.99, max_crunchers: 2 } });
    expect(created.status).toBe(200);
    await answerNext(workspaceId, cruncher("a"), 2);
    expect((await answerNext(workspaceId, cruncher("b"), 4))?.outcome).toMatchObject({ ok: true, requestStatus: "complete", response: null });
    const done = await get(live, `/v1/requests/${created.body.id}`);
    expect(done.body).toMatchObject({ status: "complete", response: null, confidence: { answers_used: 2 } });
    expect(done.body.confidence.probability).toBeLessThan(0.99);
  });

  it("answers a dawid-skene request with a test key through the simulated crunchers", async () => {
    const { test } = await workspaceWithKeys();
    const res = await client().request("POST", "/v1/requests/multiple-choice?block=20", {
      headers: json(test),
      body: JSON.stringify({ instruction: "Which?", choices: CHOICES, max_answers: 1, confidence: { strategy: "dawid-skene", min_confidence: 0.9 } }),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "complete", confidence: { strategy: "dawid-skene", answers_used: 2 } });
    expect(res.body.confidence.probability).toBeGreaterThanOrEqual(0.9);
  });

  it("validates gold like an answer and keeps gold questions out of the lists unless asked", async () => {
    const { live } = await workspaceWithKeys();
    const wrong = await post(live, "multiple-choice", { instruction: "Pick", choices: CHOICES, gold: "fish" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual(["gold.0: Not one of the choices."]);
    expect((await post(live, "image", { instruction: "Draw", gold: "http://example.com/a.png" })).status).toBe(400);
    expect((await post(live, "multiple-choice", { instruction: "Pick", choices: CHOICES, gold: "cat", confidence: { min_agreements: 2 } })).status).toBe(400);
    const gold = await post(live, "multiple-choice", { instruction: "Pick", choices: CHOICES, gold: "cat" });
    expect(gold.status).toBe(200);
    expect(gold.body).toMatchObject({ status: "pending", gold: ["cat"] });
    const real = await post(live, "free-text", { instruction: "Say hi" });
    const listed = await get(live, "/v1/requests");
    expect(listed.body.requests.map((r: { id: string }) => r.id)).toEqual([real.body.id]);
    expect(listed.body.counts).toMatchObject({ pending: 1 });
    const golds = await get(live, "/v1/requests?gold=true");
    expect(golds.body.requests.map((r: { id: string }) => r.id)).toEqual([gold.body.id]);
    expect((await get(live, "/v1/requests?gold=maybe")).status).toBe(400);
  });

  it("mixes gold into a cruncher's work at the workspace's rate, scores it, and pauses a cruncher below the rule", async () => {
    const { workspaceId, live } = await workspaceWithKeys();
    await updateGoldSettings(getDb(), workspaceId, { rate: 0.5, minAccuracy: 0.8, minAnswers: 3 });
    for (const animal of CHOICES) expect((await post(live, "multiple-choice", { instruction: `Is it a ${animal}?`, choices: CHOICES, gold: animal })).status).toBe(200);
    for (let i = 0; i < 6; i++) expect((await post(live, "free-text", { instruction: `Task ${i}` })).status).toBe(200);
    const careless = cruncher("careless");
    const seen: boolean[] = [];
    for (;;) {
      const lease = await leaseNextTask(getDb(), workspaceId, careless);
      if (!lease) break;
      seen.push(lease.request.gold);
      // A gold question looks like any task: its known answer never reaches the cruncher.
      expect(workTaskOf(lease).params).not.toHaveProperty("gold");
      const answer = lease.request.gold ? ["bird", "cat", "dog"][seen.filter(Boolean).length - 1] : "hello";
      expect((await submitAnswer(getDb(), careless, lease.assignmentId, lease.request.gold ? [answer] : answer)).ok).toBe(true);
    }
    // Gold first, then every other task (rate 0.5), until three wrong gold answers pause them.
    expect(seen).toEqual([true, false, true, false, true]);
    const standing = await goldStanding(getDb(), workspaceId, careless);
    expect(standing).toMatchObject({ paused: true, accuracy: { correct: 0, total: 3 } });
    // The gold questions stay open: a careful cruncher gets them and the remaining work.
    const careful = cruncher("careful");
    const carefulSeen: boolean[] = [];
    for (;;) {
      const lease = await leaseNextTask(getDb(), workspaceId, careful);
      if (!lease) break;
      carefulSeen.push(lease.request.gold);
      const known = lease.request.params.gold as string[] | undefined;
      expect((await submitAnswer(getDb(), careful, lease.assignmentId, known ?? "fine")).ok).toBe(true);
    }
    expect(carefulSeen.filter((g) => !g)).toHaveLength(4); // the real tasks the careless cruncher did not take
    expect(await goldStanding(getDb(), workspaceId, careful)).toMatchObject({ paused: false, accuracy: { correct: 3, total: 3 } });
    // The list never shows the gold questions, which stay pending.
    const golds = await get(live, "/v1/requests?gold=true&status=pending");
    expect(golds.body.requests).toHaveLength(3);
  });
});
