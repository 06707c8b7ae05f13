import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { closeDb } from "@/db/client";
import { makeAccount, makeKey } from "@/lib/auth/testing";
import { listApiKeys } from "@/lib/auth/api-keys-store";
import { revokeApiKeyEverywhere } from "@/lib/auth/key-lookup";
import { getDb } from "@/db/client";
import { defineRoute } from "@/lib/http/family";
import { loopsApi, modelsApi, tasksApi } from "@/lib/http/families";
import { ApiRouter } from "@/lib/http/router";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";

// A body-parsing route per family, to check parsing and error shapes through the shared wrapper.
const echoBody = z.object({ data: z.object({ rating: z.number() }) });
const echo = async ({ body }: { body: unknown }) => ({ status: 200, body });
const testRouter = new ApiRouter([
  ...[loopsApi, modelsApi, tasksApi].map((family) => defineRoute(family as typeof loopsApi, { method: "POST", path: `/echo/${family.name}`, body: echoBody }, echo)),
]);

const clients = await adapterClients(apiRouter);
const echoClients = await adapterClients(testRouter, 4096);
afterAll(async () => {
  await Promise.all([...clients, ...echoClients].map((c) => c.close()));
});

interface Tenant {
  id: string;
  username: string;
  loops: string;
  models: string;
  tasks: string;
}
async function tenant(): Promise<Tenant> {
  const account = await makeAccount();
  return {
    id: account.id,
    username: account.username,
    loops: await makeKey(account.id, { scope: "loops" }),
    models: await makeKey(account.id, { scope: "models" }),
    tasks: await makeKey(account.id, { scope: "tasks", mode: "test" }),
  };
}

let a: Tenant;
let b: Tenant;
beforeAll(async () => {
  [a, b] = await Promise.all([tenant(), tenant()]);
});

describe.each(clients.map((c, i) => [c.name, c, echoClients[i]!] as const))("through the %s", (_name, client: AdapterClient, echoClient: AdapterClient) => {
  it("GET /healthz reports the database, with and without the trailing slash", async () => {
    for (const path of ["/healthz", "/healthz/"]) {
      const res = await client.request("GET", path);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: "ok", database: "up" });
    }
  });

  it("each family's key sees its own account and never another's", async () => {
    for (const t of [a, b]) {
      const loops = await client.request("GET", "/healthz/loops/", { headers: { "X-api-key": t.loops, "X-username": t.username } });
      const models = await client.request("GET", "/healthz/models", { headers: { Authorization: `Bearer ${t.models}` } });
      const tasks = await client.request("GET", "/healthz/tasks", { headers: { "X-Heat-API-Key": t.tasks } });
      for (const res of [loops, models, tasks]) {
        expect(res.status).toBe(200);
        expect(res.body.account).toEqual({ id: t.id, username: t.username });
      }
      expect(tasks.body.key).toMatchObject({ scope: "tasks", mode: "test" });
    }
  });

  it("accepts the alternative headers: models X-api-key, tasks HTTP Basic", async () => {
    const models = await client.request("GET", "/healthz/models", { headers: { "X-api-key": a.models } });
    const basic = Buffer.from(`${a.tasks}:`).toString("base64");
    const tasks = await client.request("GET", "/healthz/tasks", { headers: { Authorization: `Basic ${basic}` } });
    expect([models.status, tasks.status]).toEqual([200, 200]);
  });

  it("refuses a loops key presented with another account's username", async () => {
    const res = await client.request("GET", "/healthz/loops", { headers: { "X-api-key": a.loops, "X-username": b.username } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ status: "failed", message: expect.stringMatching(/X-username/), errors: [] });
  });

  it("answers 401 in each family's own error shape for missing, unknown and wrong-scope keys", async () => {
    const loops = await client.request("GET", "/healthz/loops", { headers: { "X-api-key": a.models, "X-username": a.username } });
    expect(loops.status).toBe(401);
    expect(loops.body).toEqual({ status: "failed", message: expect.stringMatching(/models key/), errors: [] });

    const models = await client.request("GET", "/healthz/models", { headers: { "X-api-key": "models_" + "x".repeat(43) } });
    expect(models.status).toBe(401);
    expect(models.body).toEqual({ detail: expect.stringMatching(/Invalid API key/) });

    const tasks = await client.request("GET", "/healthz/tasks");
    expect(tasks.status).toBe(401);
    expect(tasks.body).toEqual({ error: "unauthorized", message: expect.any(String) });

    const wrongScope = await client.request("GET", "/healthz/tasks", { headers: { "X-Heat-API-Key": a.loops } });
    expect(wrongScope.status).toBe(401);
  });

  it("answers 401 once a key is revoked", async () => {
    const owner = await makeAccount();
    const secret = await makeKey(owner.id, { scope: "models" });
    expect((await client.request("GET", "/healthz/models", { headers: { "X-api-key": secret } })).status).toBe(200);
    const [key] = await listApiKeys(getDb(), owner.id);
    await revokeApiKeyEverywhere(owner.id, key!.id);
    expect((await client.request("GET", "/healthz/models", { headers: { "X-api-key": secret } })).status).toBe(401);
  });

  it("answers 405 with the allowed methods for a known path", async () => {
    const res = await client.request("POST", "/healthz");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
  });

  const headersFor = (family: string): Record<string, string> =>
    family === "loops" ? { "X-api-key": a.loops, "X-username": a.username } : family === "models" ? { "X-api-key": a.models } : { "X-Heat-API-Key": a.tasks };

  it("parses JSON bodies and answers malformed JSON with 400, never 500", async () => {
    for (const family of ["loops", "models", "tasks"]) {
      const good = await echoClient.request("POST", `/echo/${family}/`, { headers: headersFor(family), body: '{"data":{"rating":4}}' });
      expect(good).toMatchObject({ status: 200, body: { data: { rating: 4 } } });
      for (const body of ["{not json", ""]) {
        const bad = await echoClient.request("POST", `/echo/${family}`, { headers: headersFor(family), body });
        expect(bad.status).toBe(400);
      }
    }
  });

  it("answers 413 in the family's shape for a body over the limit", async () => {
    const body = JSON.stringify({ data: { rating: 1, padding: "x".repeat(5000) } });
    const res = await echoClient.request("POST", "/echo/tasks", { headers: headersFor("tasks"), body });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: "payload_too_large", message: expect.stringMatching(/limit of 4096 bytes/) });
  });

  it("lists every schema problem in the family's shape and status", async () => {
    const body = JSON.stringify({ data: { rating: "high" }, extra: 1 });
    const loops = await echoClient.request("POST", "/echo/loops", { headers: headersFor("loops"), body });
    expect(loops.status).toBe(422);
    expect(loops.body).toEqual({ status: "failed", message: expect.any(String), errors: [expect.stringMatching(/^data\.rating: /)] });
    const models = await echoClient.request("POST", "/echo/models", { headers: headersFor("models"), body });
    expect(models.status).toBe(422);
    expect(models.body.detail[0]).toMatchObject({ loc: ["body", "data", "rating"], type: "invalid_type" });
    const tasks = await echoClient.request("POST", "/echo/tasks", { headers: headersFor("tasks"), body });
    expect(tasks.status).toBe(400);
    expect(tasks.body).toMatchObject({ error: "bad_request", errors: [expect.stringMatching(/data\.rating/)] });
  });
});

describe("GET /healthz with the database down", () => {
  it("answers 503 quickly", async () => {
    const url = process.env.DATABASE_URL!;
    await closeDb();
    process.env.DATABASE_URL = "postgres://nobody:nothing@127.0.0.1:1/none";
    try {
      const started = Date.now();
      const res = await clients[1]!.request("GET", "/healthz");
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: "unavailable", database: "down" });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await closeDb();
      process.env.DATABASE_URL = url;
    }
  });
});
