import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accounts } from "@/db/schema";
import type { PublicAccount } from "@/lib/auth/accounts-store";
import { setAccountEnabled } from "@/lib/workspaces/lifecycle";
import { sessionClaims } from "@/lib/auth/session-cookie";
import { revokeSession } from "@/lib/auth/sessions-store";
import { joinWorkspace, makeAccount, makeKey, sessionCookieFor } from "@/lib/auth/testing";
import { createValidatedRequest } from "@/lib/tasks/create";
import { cruncherIdOf, leaseSpecificTask } from "@/lib/tasks/queue";
import { parseRequestBody } from "@/lib/tasks/request-types";
import { apiRouter } from "./routes";
import { adapterClients, type AdapterClient } from "./testing";

// The dashboard's session routes under the family wrapper: who may call them, from where, with what.

const clients = await adapterClients(apiRouter, 4096);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

let admin: PublicAccount;
let member: PublicAccount;
let cruncher: PublicAccount;
beforeAll(async () => {
  admin = await makeAccount(); // the first account of its database may be the admin; harmless here
  member = await makeAccount();
  cruncher = await makeAccount("cruncher");
  await joinWorkspace(member.id, cruncher.id, "cruncher");
});

const newRequest = (instruction = "Is this a cat?") => JSON.stringify({ mode: "test", type: "free-text", body: { instruction }, block: false });

describe.each(clients.map((c) => [c.name, c] as const))("session routes through the %s", (_name, client: AdapterClient) => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await sessionCookieFor(member);
  });
  const json = { "content-type": "application/json" };

  it("creates with a session and JSON from the app's own pages (or from no browser at all)", async () => {
    const plain = await client.request("POST", "/api/tasks", { headers: { cookie, ...json }, body: newRequest() });
    expect(plain.status).toBe(200);
    expect(plain.body.request).toMatchObject({ status: "pending", type: "free-text" });
    const sameOrigin = await client.request("POST", "/api/tasks", { headers: { cookie, ...json, "sec-fetch-site": "same-origin", origin: "http://localhost" }, body: newRequest() });
    expect(sameOrigin.status).toBe(200);
  });

  it("refuses a state change forged by another site or another port of this host (403), and a body not declared as JSON (415)", async () => {
    const forgeries: Record<string, string>[] = [{ "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "http://evil.example" }, { origin: "http://localhost:8081" }];
    for (const forged of forgeries) {
      const refused = await client.request("POST", "/api/tasks", { headers: { cookie, ...json, ...forged }, body: newRequest("forged") });
      expect(refused.status, JSON.stringify(forged)).toBe(403);
      expect(refused.body).toMatchObject({ error: "forbidden", message: expect.stringMatching(/another site|not from this app/) });
    }
    for (const type of ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"]) {
      const refused = await client.request("POST", "/api/tasks", { headers: { cookie, "content-type": type }, body: newRequest("form") });
      expect(refused.status, type).toBe(415);
      expect(refused.body).toMatchObject({ error: "unsupported_media_type" });
    }
    // Reads are not state changes: a cross-site GET is answered (the browser keeps the answer from the other site).
    expect((await client.request("GET", "/api/work/stats", { headers: { cookie, "sec-fetch-site": "cross-site" } })).status).toBe(200);
  });

  it("answers 413 in the route's shape past the body limit", async () => {
    const big = JSON.stringify({ mode: "test", type: "free-text", body: { instruction: "x".repeat(8000) } });
    const refused = await client.request("POST", "/api/tasks", { headers: { cookie, ...json }, body: big });
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ error: "payload_too_large" });
    const answer = await client.request("POST", "/api/work/00000000-0000-4000-8000-000000000000/answer", { headers: { cookie, ...json }, body: JSON.stringify({ answer: "y".repeat(8000) }) });
    expect(answer.status).toBe(413);
  });

  it("answers 401 signed out, with a forged cookie, and after the session is revoked", async () => {
    expect(await client.request("GET", "/api/work/stats")).toMatchObject({ status: 401, body: { error: "unauthorized", message: "Sign in first." } });
    expect((await client.request("GET", "/api/work/stats", { headers: { cookie: "next-auth.session-token=forged" } })).status).toBe(401);
    const own = await sessionCookieFor(member);
    expect((await client.request("GET", "/api/work/stats", { headers: { cookie: own } })).status).toBe(200);
    const claims = await sessionClaims({ cookie: own });
    await revokeSession(getDb(), claims!.sessionId);
    expect((await client.request("GET", "/api/work/stats", { headers: { cookie: own } })).status).toBe(401);
  });

  it("lets crunchers into the Work routes only (403 elsewhere, in each route's own shape)", async () => {
    const worker = await sessionCookieFor(cruncher);
    expect((await client.request("GET", "/api/work/stats", { headers: { cookie: worker } })).status).toBe(200);
    expect((await client.request("POST", "/api/work/next", { headers: { cookie: worker } })).status).toBe(200);
    expect(await client.request("POST", "/api/tasks", { headers: { cookie: worker, ...json }, body: newRequest() })).toMatchObject({ status: 403, body: { error: "forbidden" } });
    expect(await client.request("GET", "/api/deployments", { headers: { cookie: worker } })).toMatchObject({ status: 403, body: { detail: expect.any(String) } });
    // A workspace it is not in is not found, by header or by ?ws=.
    const stranger = await makeAccount();
    expect((await client.request("GET", "/api/work/stats", { headers: { cookie: worker, "x-crucible-workspace": stranger.id } })).status).toBe(404);
    expect((await client.request("GET", `/api/work/stats?ws=${stranger.id}`, { headers: { cookie: worker } })).status).toBe(404);
  });

  it("takes an answer for a leased task, lists every problem of a wrong one, and says 410 for a lease that is gone", async () => {
    const worker = await sessionCookieFor(cruncher);
    const parsed = parseRequestBody("rating", { instruction: "How good is it?", rating_min: 1, rating_max: 5 });
    if (!parsed.ok) throw new Error("bad fixture");
    const { record } = await createValidatedRequest(getDb(), { workspaceId: member.id, mode: "live", type: "rating", params: parsed.params, idempotencyKey: null, keyId: null });
    const lease = (await leaseSpecificTask(getDb(), record.id, cruncherIdOf(cruncher.id)))!;
    const path = `/api/work/${lease.assignmentId}/answer`;
    const wrong = await client.request("POST", path, { headers: { cookie: worker, ...json }, body: JSON.stringify({ answer: 9 }) });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({ message: expect.any(String), path: expect.any(Array) });
    expect(await client.request("POST", path, { headers: { cookie: worker, ...json }, body: JSON.stringify({ answer: 4 }) })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await client.request("POST", path, { headers: { cookie: worker, ...json }, body: JSON.stringify({ answer: 4 }) })).toMatchObject({ status: 410, body: { error: "gone" } });
    expect((await client.request("POST", "/api/work/not-an-id/renew", { headers: { cookie: worker } })).status).toBe(410);
  });
});

describe("disabling an account", () => {
  it("ends the account's sessions and stops its API keys at once", async () => {
    const [client] = clients as [AdapterClient];
    const disabled = await makeAccount();
    const cookie = await sessionCookieFor(disabled);
    const key = await makeKey(disabled.id, { scope: "models" });
    expect((await client.request("GET", "/model/all", { headers: { "x-api-key": key } })).status).toBe(200);
    expect((await client.request("GET", "/api/deployments", { headers: { cookie } })).status).toBe(200);

    const adminAccount = admin.isAdmin ? admin : await makeAdmin();
    expect(await setAccountEnabled(getDb(), { id: adminAccount.id, label: adminAccount.username }, disabled.id, disabled.username, false)).toEqual({ ok: true });
    expect((await client.request("GET", "/api/deployments", { headers: { cookie } })).status).toBe(401);
    expect((await client.request("GET", "/model/all", { headers: { "x-api-key": key } })).status).toBe(401);
  });
});

/** An admin of this test database (the suite's first account is the admin only on a fresh database). */
async function makeAdmin(): Promise<PublicAccount> {
  const account = await makeAccount();
  await getDb().update(accounts).set({ isAdmin: true }).where(eq(accounts.id, account.id));
  return { ...account, isAdmin: true };
}
