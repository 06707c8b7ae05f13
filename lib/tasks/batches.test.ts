import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { ApiKeyMode } from "@/db/schema";
import { makeAccount, makeKey } from "@/lib/auth/testing";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { getBatch, listBatches } from "./batches";
import { createValidatedRequest } from "./create";
import { listTaskRequests } from "./list";
import { parseRequestBody, type RequestType } from "./request-types";
import { abortTaskRequest, archiveTaskRequest, getTaskRequest } from "./store";

// Batches and archiving: the stores, each workspace's and space's own, and the routes' answers.

async function ask(workspaceId: string, body: Record<string, unknown>, mode: ApiKeyMode = "live", type: RequestType = "free-text") {
  const parsed = parseRequestBody(type, body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return (await createValidatedRequest(getDb(), { workspaceId, mode, type, params: parsed.params, idempotencyKey: null, keyId: null })).record;
}

describe("the batch and archive stores", () => {
  it("list batches newest first with their counts, page by cursor, and read one with its requests", async () => {
    const db = getDb();
    const { id: ws } = await makeAccount();
    const a1 = await ask(ws, { instruction: "a1", batch: "  alpha " });
    const a2 = await ask(ws, { instruction: "a2", batch: "alpha" });
    await ask(ws, { instruction: "b1", batch: "beta" });
    await ask(ws, { instruction: "no batch" });
    await ask(ws, { instruction: "gold", batch: "alpha", gold: "x" });
    await ask(ws, { instruction: "test space", batch: "alpha" }, "test");
    await abortTaskRequest(db, ws, "live", a1.id);
    await archiveTaskRequest(db, ws, "live", a2.id);

    expect(a1.batch).toBe("alpha");
    expect(a1.params.batch).toBe("alpha");
    const first = await listBatches(db, ws, "live", { limit: 1 });
    expect(first.items).toMatchObject([{ name: "beta", requests: 1, pending: 1 }]);
    const second = await listBatches(db, ws, "live", { limit: 1, cursor: first.nextCursor! });
    // Gold questions are left out of the counts; archived requests are counted (and said to be).
    expect(second).toMatchObject({ items: [{ name: "alpha", requests: 2, pending: 1, aborted: 1, complete: 0, archived: 1 }], nextCursor: null });
    expect((await listBatches(db, ws, "test", { limit: 10 })).items.map((b) => b.name)).toEqual(["alpha"]);

    const alpha = await getBatch(db, ws, "live", "alpha", { limit: 1 });
    expect(alpha?.requests.map((r) => r.params.instruction)).toEqual(["a2"]);
    const rest = await getBatch(db, ws, "live", "alpha", { limit: 1, cursor: alpha!.nextCursor! });
    expect(rest?.requests.map((r) => r.params.instruction)).toEqual(["a1"]);
    expect(rest?.nextCursor).toBeNull();
    expect(await getBatch(db, ws, "live", "gamma", { limit: 10 })).toBeNull();
  });

  it("archive: idempotent, any status, out of the default list, still read by id", async () => {
    const db = getDb();
    const { id: ws } = await makeAccount();
    const kept = await ask(ws, { instruction: "kept" });
    const gone = await ask(ws, { instruction: "gone" });
    await abortTaskRequest(db, ws, "live", gone.id);
    const first = await archiveTaskRequest(db, ws, "live", gone.id);
    const again = await archiveTaskRequest(db, ws, "live", gone.id);
    expect(first?.archivedAt).toBeInstanceOf(Date);
    expect(again?.archivedAt?.getTime()).toBe(first!.archivedAt!.getTime());
    expect(first?.status).toBe("aborted");

    const names = async (archived?: "exclude" | "only" | "all") => (await listTaskRequests(db, ws, "live", { limit: 10, archived })).items.map((r) => r.params.instruction);
    expect(await names()).toEqual(["kept"]);
    expect(await names("only")).toEqual(["gone"]);
    expect(await names("all")).toEqual(["gone", "kept"]);
    expect((await getTaskRequest(db, ws, "live", gone.id))?.archivedAt).toEqual(first!.archivedAt);
    expect((await getTaskRequest(db, ws, "live", kept.id))?.archivedAt).toBeNull();
    expect(await archiveTaskRequest(db, ws, "test", kept.id)).toBeNull(); // not in the test space
    expect(await archiveTaskRequest(db, ws, "live", "not-a-uuid")).toBeNull();
  });

  it("keep each workspace's requests and batches its own", async () => {
    const db = getDb();
    const [a, b] = [await makeAccount(), await makeAccount()];
    const ofA = await ask(a.id, { instruction: "A's", batch: "shared name" });
    await ask(b.id, { instruction: "B's", batch: "shared name" });

    expect(await archiveTaskRequest(db, b.id, "live", ofA.id)).toBeNull();
    expect((await getTaskRequest(db, a.id, "live", ofA.id))?.archivedAt).toBeNull();
    expect((await listBatches(db, b.id, "live", { limit: 10 })).items).toMatchObject([{ name: "shared name", requests: 1 }]);
    expect((await getBatch(db, b.id, "live", "shared name", { limit: 10 }))?.requests.map((r) => r.params.instruction)).toEqual(["B's"]);
  });
});

describe("the batch and archive routes", () => {
  let clients: AdapterClient[];
  let keyA: string;
  let keyB: string;
  const headers = (key: string) => ({ "x-heat-api-key": key, "content-type": "application/json" });
  beforeAll(async () => {
    clients = await adapterClients(apiRouter);
    const [a, b] = [await makeAccount(), await makeAccount()];
    keyA = await makeKey(a.id, { scope: "tasks" });
    keyB = await makeKey(b.id, { scope: "tasks" });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
  });

  it.each([0, 1])("answer 404 for another workspace's request and batch, and 400 for bad parameters (adapter %i)", async (index) => {
    const client = clients[index]!;
    const post = (path: string, key: string, body: unknown) => client.request("POST", path, { headers: headers(key), body: JSON.stringify(body) });
    const made = await post("/v1/requests/multiple-choice", keyA, { instruction: "Q", choices: ["a", "b"], batch: `of A ${index}`, responseTitles: ["Pick one"] });
    expect(made.body).toMatchObject({ batch: `of A ${index}`, responseTitles: ["Pick one"], archived: false, archived_at: null });

    const theirs = await post(`/v1/tasks/archive/${made.body.id}`, keyB, {});
    expect(theirs).toMatchObject({ status: 404, body: { error: "not_found", message: expect.any(String) } });
    expect((await client.request("GET", `/v1/batch/${encodeURIComponent(`of A ${index}`)}`, { headers: headers(keyB) })).status).toBe(404);
    expect((await client.request("GET", "/v1/batch", { headers: headers(keyB) })).body).toEqual({ batches: [], next_cursor: null });

    const archived = await post(`/v1/tasks/archive/${made.body.id}`, keyA, {});
    expect(archived).toMatchObject({ status: 200, body: { id: made.body.id, archived: true, archived_at: expect.stringMatching(/\+00:00$/) } });
    const batch = await client.request("GET", `/v1/batch/${encodeURIComponent(`of A ${index}`)}?limit=5`, { headers: headers(keyA) });
    expect(batch.body).toMatchObject({ id: `of A ${index}`, requests: 1, archived: 1, tasks: [{ id: made.body.id, archived: true }], next_cursor: null });

    // Any name works in the path once URL-encoded, slashes included.
    const odd = `a/b ?#%é ${index}`;
    await post("/v1/requests/free-text", keyA, { instruction: "odd", batch: odd });
    const oddBatch = await client.request("GET", `/v1/batch/${encodeURIComponent(odd)}`, { headers: headers(keyA) });
    expect(oddBatch).toMatchObject({ status: 200, body: { id: odd, requests: 1 } });

    const bad = await post("/v1/requests/free-text", keyA, { instruction: "x", batch: "b".repeat(101), responseTitles: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.stringMatching(/^batch: /), expect.stringMatching(/^responseTitles: /)]);
    const longTitle = await post("/v1/requests/annotations", keyA, { instruction: "x", attachments_type: "image", attachments: ["https://example.com/a.png"], responseTitles: ["t".repeat(201)] });
    expect(longTitle.status).toBe(400);
    expect((await client.request("GET", "/v1/requests?archived=maybe", { headers: headers(keyA) })).status).toBe(400);
    expect((await client.request("GET", "/v1/batch?limit=1000", { headers: headers(keyA) })).status).toBe(400);
  });
});
