import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, getSql } from "@/db/client";
import { auditEvents, loops } from "@/db/schema";
import type { PublicAccount } from "@/lib/auth/accounts-store";
import { makeAccount, makeKey, sessionCookieFor } from "@/lib/auth/testing";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { purgeExpiredTrash } from "@/lib/trash/service";

// The loop page's delete (to the trash), restore, purge, rename, reset and model download.

const [client] = (await adapterClients(apiRouter)) as [AdapterClient, AdapterClient];
afterAll(async () => {
  await client.close();
});

const json = (value: unknown) => JSON.stringify(value);
let owner: PublicAccount;
let headers: Record<string, string>;
let session: Record<string, string>;

beforeAll(async () => {
  owner = await makeAccount();
  headers = { "X-api-key": await makeKey(owner.id, { scope: "loops" }), "X-username": owner.username, "Content-Type": "application/json" };
  session = { cookie: await sessionCookieFor(owner), "content-type": "application/json", origin: "http://localhost", "sec-fetch-site": "same-origin" };
});

async function trainedLoop(name = "trash me"): Promise<string> {
  const defined = await client.request("POST", "/definitions/", { headers, body: json({ name, task_type: "regression", input_schema: { x: "float" }, output_schema: { y: "float" } }) });
  expect(defined.status).toBe(200);
  const loopId = defined.body.loop_id as string;
  const trained = await client.request("POST", "/train/", { headers: { ...headers, "x-loop-id": loopId }, body: json({ data: [{ x: 1, y: 3 }, { x: 2, y: 5 }, { x: 3, y: 7 }] }) });
  expect(trained.status).toBe(200);
  return loopId;
}

const predict = (loopId: string) => client.request("POST", "/predict/", { headers: { ...headers, "x-loop-id": loopId }, body: json({ data: { x: 2 } }) });
const train = (loopId: string) => client.request("POST", "/train/", { headers: { ...headers, "x-loop-id": loopId }, body: json({ data: { x: 4, y: 9 } }) });

describe("a loop in the trash", () => {
  it("is unknown to every loops route (as a deleted loop: the document's 401) and the loop page's routes (404), then comes back as it was", async () => {
    const loopId = await trainedLoop();
    expect((await predict(loopId)).body.predictions[0].n_seen).toBe(3); // cached in this process
    const deleted = await client.request("DELETE", `/api/loops/${loopId}`, { headers: session });
    expect(deleted).toMatchObject({ status: 200, body: { message: expect.stringMatching(/trash.*30 days/), loop_id: loopId } });

    const unknown = { status: 401, body: { status: "failed", message: expect.stringMatching(/Invalid Loop ID/) } };
    expect(await predict(loopId)).toMatchObject(unknown);
    expect(await train(loopId)).toMatchObject(unknown);
    expect(await client.request("GET", `/definitions/${loopId}/metrics`, { headers })).toMatchObject(unknown);
    expect(await client.request("GET", `/definitions/${loopId}/model`, { headers })).toMatchObject(unknown);
    expect((await client.request("GET", `/api/loops/${loopId}/live`, { headers: session })).status).toBe(404);
    expect((await client.request("DELETE", `/api/loops/${loopId}`, { headers: session })).status).toBe(404);
    const listed = (await client.request("GET", "/api/trash", { headers: session })).body;
    expect(listed.loops).toContainEqual(expect.objectContaining({ loop_id: loopId, name: "trash me", n_seen: 3 }));

    const restored = await client.request("POST", `/api/trash/loops/${loopId}/restore`, { headers: session });
    expect(restored).toMatchObject({ status: 200, body: { message: "Loop restored." } });
    expect((await predict(loopId)).body.predictions[0].n_seen).toBe(3);
    expect((await train(loopId)).status).toBe(200);

    const actions = (await getDb().select().from(auditEvents).where(and(eq(auditEvents.workspaceId, owner.id), eq(auditEvents.target, loopId)))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["loop.trashed", "loop.restored"]));
  });

  it("is deleted for good by Delete forever, or by the purge once 30 days old", async () => {
    const now = await trainedLoop("purge now");
    const old = await trainedLoop("purge later");
    const young = await trainedLoop("stays");
    for (const id of [now, old, young]) await client.request("DELETE", `/api/loops/${id}`, { headers: session });
    expect((await client.request("DELETE", `/api/trash/loops/${now}`, { headers: session })).status).toBe(200);
    expect(await getDb().select({ id: loops.id }).from(loops).where(eq(loops.id, now))).toEqual([]);

    await getSql()`update loops set deleted_at = now() - interval '31 days' where id = ${old}`;
    expect((await purgeExpiredTrash(getDb())).loops).toBeGreaterThanOrEqual(1);
    expect(await getDb().select({ id: loops.id }).from(loops).where(eq(loops.id, old))).toEqual([]);
    expect(await getDb().select({ id: loops.id }).from(loops).where(eq(loops.id, young))).toHaveLength(1);
  });

  it("another workspace's session cannot delete, restore or purge it", async () => {
    const loopId = await trainedLoop("guarded");
    const stranger = { ...session, cookie: await sessionCookieFor(await makeAccount()) };
    expect((await client.request("DELETE", `/api/loops/${loopId}`, { headers: stranger })).status).toBe(404);
    await client.request("DELETE", `/api/loops/${loopId}`, { headers: session });
    expect((await client.request("POST", `/api/trash/loops/${loopId}/restore`, { headers: stranger })).status).toBe(404);
    expect((await client.request("DELETE", `/api/trash/loops/${loopId}`, { headers: stranger })).status).toBe(404);
    expect(JSON.stringify((await client.request("GET", "/api/trash", { headers: stranger })).body)).not.toContain(loopId);
  });
});

describe("the loop page's changes", () => {
  it("renames, checking the name", async () => {
    const loopId = await trainedLoop("old name");
    expect((await client.request("PATCH", `/api/loops/${loopId}`, { headers: session, body: json({ name: "  new name " }) })).status).toBe(200);
    const [row] = await getDb().select({ name: loops.name }).from(loops).where(eq(loops.id, loopId));
    expect(row!.name).toBe("new name");
    expect((await client.request("PATCH", `/api/loops/${loopId}`, { headers: session, body: json({ name: " " }) })).status).toBe(400);
    expect((await client.request("PATCH", `/api/loops/${loopId}`, { headers: session, body: json({ name: "x".repeat(201) }) })).body.message).toMatch(/limit is 200/);
  });

  it("resets: the model forgets what it learned, keeps its definition, and may take new settings", async () => {
    const loopId = await trainedLoop("reset me");
    const before = (await predict(loopId)).body.predictions[0];
    expect(before.n_seen).toBe(3);
    const reset = await client.request("POST", `/api/loops/${loopId}/reset`, { headers: session, body: json({ settings: { learning_rate: 0.05 } }) });
    expect(reset).toMatchObject({ status: 200, body: { message: expect.stringMatching(/reset/) } });
    const after = (await predict(loopId)).body.predictions[0];
    expect(after.n_seen).toBe(0);
    expect(after.model_version).toBeGreaterThan(before.model_version);
    const [row] = await getDb().select({ settings: loops.settings, taskType: loops.taskType }).from(loops).where(eq(loops.id, loopId));
    expect(row).toMatchObject({ taskType: "regression", settings: { learning_rate: 0.05, intercept_learning_rate: 0.05 } });
    expect((await train(loopId)).body.n_seen).toBe(1);

    const bad = await client.request("POST", `/api/loops/${loopId}/reset`, { headers: session, body: json({ settings: { learning_rate: -1, colour: "red" } }) });
    expect(bad.status).toBe(400);
    const undefinedLoop = (await client.request("POST", "/definitions/", { headers, body: json({ name: "x", task_type: "regression", input_schema: { x: "float" }, output_schema: { y: "float" } }) })).body.loop_id;
    expect((await client.request("POST", `/api/loops/${undefinedLoop}/reset`, { headers: session, body: json({}) })).status).toBe(200);
  });

  it("downloads the model as the API does", async () => {
    const loopId = await trainedLoop("download me");
    const page = await client.request("GET", `/api/loops/${loopId}/model`, { headers: session });
    const api = await client.request("GET", `/definitions/${loopId}/model`, { headers });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-disposition")).toMatch(/attachment; filename="loop-.*\.json"/);
    expect(page.body).toEqual(api.body);
  });
});
