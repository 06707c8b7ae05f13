import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, type WorkspaceRole } from "@/db/schema";
import { eq } from "drizzle-orm";
import { setAccountDisabled } from "@/lib/auth/accounts-store";
import { forgetAccountKeysEverywhere, lookupApiKey, revokeApiKeyEverywhere } from "@/lib/auth/key-lookup";
import { joinWorkspace, makeAccount, makeKey, sessionCookieFor } from "@/lib/auth/testing";
import { listApiKeys } from "@/lib/auth/api-keys-store";
import { createLoop } from "@/lib/loops/store";
import { modelCreateSchema } from "@/lib/models/schemas";
import { createModel } from "@/lib/models/store";
import { createValidatedRequest } from "@/lib/tasks/create";
import { cruncherIdOf, leaseSpecificTask } from "@/lib/tasks/queue";
import { parseRequestBody } from "@/lib/tasks/request-types";
import { acceptInvitation, createInvitation, revokeInvitation } from "@/lib/workspaces/invitations";
import { listMembers } from "@/lib/workspaces/store";
import { apiRouter } from "./routes";
import { adapterClients, type AdapterClient, type TestResponse } from "./testing";

/**
 * Every route × every kind of caller of workspace A — a member's key and session, each role, a
 * disabled account, an expired key — aimed at workspace B's resources: nothing of B is ever read
 * (its marker never appears) or changed, and each role gets only what its role allows. The fast
 * path serves the matrix (both adapters share the family wrapper that decides; session-routes and
 * bad-input tests cover both adapters).
 */

const MARK = "SECRET-OF-B";
const json = { "content-type": "application/json", origin: "http://localhost", "sec-fetch-site": "same-origin" };
let client: AdapterClient;

interface Caller {
  name: string;
  /** Headers for a route of this family, or null when the caller has nothing for it. */
  headers(family: string): Record<string, string> | null;
}

const ids: Record<string, string> = {};
const callers: Record<string, Caller> = {};
let bobWorkspace = "";
let bobRequestId = "";

function keyCaller(name: string, username: string, keys: Record<"loops" | "models" | "tasks", string>, loopId?: string): Caller {
  return {
    name,
    headers: (family) =>
      family === "loops"
        ? { "x-api-key": keys.loops, "x-username": username, ...(loopId ? { "x-loop-id": loopId } : {}), ...json }
        : family === "models"
          ? { "x-api-key": keys.models, ...json }
          : family === "tasks"
            ? { "x-heat-api-key": keys.tasks, ...json }
            : null,
  };
}

function sessionCaller(name: string, cookie: string): Caller {
  return { name, headers: (family) => (family === "session" ? { cookie, ...json } : null) };
}

async function keysOf(workspaceId: string, creatorId: string, role: WorkspaceRole = "member") {
  return {
    loops: await makeKey(workspaceId, { scope: "loops", role: role as "member" }, creatorId),
    models: await makeKey(workspaceId, { scope: "models", role: role as "member" }, creatorId),
    tasks: await makeKey(workspaceId, { scope: "tasks", role: role as "member" }, creatorId),
  };
}

beforeAll(async () => {
  [, client] = (await adapterClients(apiRouter)) as [AdapterClient, AdapterClient];
  const db = getDb();
  // Workspace A: alice owns it; mia is a member, vic a viewer, cru a cruncher, dan a member who gets disabled.
  const alice = await makeAccount();
  const [mia, vic, dan] = [await makeAccount(), await makeAccount(), await makeAccount()];
  const cru = await makeAccount("cruncher");
  await joinWorkspace(alice.id, mia.id, "member");
  await joinWorkspace(alice.id, vic.id, "viewer");
  await joinWorkspace(alice.id, dan.id, "member");
  await joinWorkspace(alice.id, cru.id, "cruncher");
  const ownLoop = await createLoop(db, alice.id, "a loop of A");

  // Workspace B: bob's, with a loop, a model, a live request leased by B's cruncher and an open invitation.
  const bob = await makeAccount();
  bobWorkspace = bob.id;
  const bobCruncher = await makeAccount("cruncher");
  await joinWorkspace(bob.id, bobCruncher.id, "cruncher");
  ids.loop_id = (await createLoop(db, bob.id, `${MARK} loop`)).id;
  ids.model_id = (await createModel(db, bob.id, modelCreateSchema.parse({ modelname: `${MARK} model`, modelkind: "Regressor" }))).id;
  const parsed = parseRequestBody("free-text", { instruction: `${MARK} question`, batch: `${MARK} batch` });
  if (!parsed.ok) throw new Error("fixture");
  const { record } = await createValidatedRequest(db, { workspaceId: bob.id, mode: "live", type: "free-text", params: parsed.params, idempotencyKey: null, keyId: null });
  bobRequestId = record.id;
  ids.request_id = record.id;
  ids.batch_id = `${MARK} batch`;
  ids.assignment_id = (await leaseSpecificTask(db, record.id, cruncherIdOf(bobCruncher.id)))!.assignmentId;
  ids.invitation_id = (await createInvitation(db, bob.id, bob.id, "someone@example.com", "member")).invitation.id;
  ids.account_id = bobCruncher.id;
  ids.workspace_id = bob.id;
  ids.deployment_id = `${MARK}-deployment`;
  ids.ownerid = "owner-of-b";
  ids.job_id = crypto.randomUUID();
  ids.sha256 = "0".repeat(64);
  ids.version = "1";
  ids.name = "production";
  ids.modelkind = "Regressor";
  ids.type = "free-text";
  ids.token = "x".repeat(43);
  ids.file = "nothing.png";
  ids.file_id = crypto.randomUUID();

  callers.memberKeys = keyCaller("A member's keys", mia.username, await keysOf(alice.id, mia.id), ids.loop_id);
  callers.memberSession = sessionCaller("A member's session", await sessionCookieFor(mia));
  callers.viewerKeys = keyCaller("A viewer's keys", vic.username, await keysOf(alice.id, vic.id), ownLoop.id);
  callers.viewerCeilingKeys = keyCaller("A member's viewer-only keys", mia.username, await keysOf(alice.id, mia.id, "viewer"), ownLoop.id);
  callers.viewerSession = sessionCaller("A viewer's session", await sessionCookieFor(vic));
  callers.cruncherSession = sessionCaller("A cruncher's session", await sessionCookieFor(cru));
  const danKeys = await keysOf(alice.id, dan.id);
  const danCookie = await sessionCookieFor(dan);
  for (const secret of Object.values(danKeys)) expect(await lookupApiKey(secret)).not.toBeNull(); // cached before the change
  await setAccountDisabled(db, dan.id, true);
  await forgetAccountKeysEverywhere(dan.id);
  callers.disabledKeys = keyCaller("A disabled member's keys", dan.username, danKeys, ownLoop.id);
  callers.disabledSession = sessionCaller("A disabled member's session", danCookie);
  // Keys that expired a second ago (keys are given an expiry when made; the past one is set here).
  const expired = await keysOf(alice.id, mia.id);
  for (const secret of Object.values(expired)) {
    const key = await lookupApiKey(secret);
    await db.update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, key!.keyId));
  }
  await forgetAccountKeysEverywhere(mia.id);
  callers.expiredKeys = keyCaller("Expired keys", mia.username, expired, ownLoop.id);
});

afterAll(async () => {
  await client?.close();
});

/** The route's path with B's ids for its parameters. */
function pathFor(path: string): string {
  return path.replace(/:([a-z_]+)/g, (_m, name: string) => encodeURIComponent(ids[name] ?? crypto.randomUUID()));
}

const BODY = JSON.stringify({ name: "made by A", data: [], modelname: "x", modelkind: "Regressor", instruction: "x", email: "x@example.com", role: "member" });

async function call(method: string, path: string, headers: Record<string, string>): Promise<TestResponse> {
  return client.request(method, pathFor(path), { headers, body: method === "GET" ? undefined : BODY });
}

/** Routes any signed-in account may call for itself, whatever its role (its own settings, leaving, its own new workspace). */
const ACCOUNT_ROUTES = new Set(["POST /api/workspaces", "POST /api/account/password", "POST /api/invitations/:token/accept", "DELETE /api/workspace/members/:account_id", "POST /api/workspaces/:workspace_id/restore"]);
/** Routes a cruncher may call: the Work area. */
const WORK_ROUTES = /^(GET|POST) \/api\/work\//;

const routes = apiRouter.list().filter((r) => !r.doc.public && r.doc.family !== "platform");

describe("workspace A's callers against every route", () => {
  it("never read or change anything of workspace B", async () => {
    const leaks: string[] = [];
    for (const caller of [callers.memberKeys!, callers.memberSession!]) {
      for (const route of routes) {
        const headers = caller.headers(route.doc.family);
        if (!headers) continue;
        const res = await call(route.method, route.path, headers);
        const where = `${caller.name}: ${route.method} ${route.path} → ${res.status}`;
        if (res.raw.toString("utf8").includes(MARK)) leaks.push(`${where} shows B's data`);
        if (res.status >= 500) leaks.push(`${where} failed`);
        if (route.path.includes(":") && res.status < 300 && /:(loop_id|model_id|request_id|batch_id|assignment_id|invitation_id|account_id|workspace_id|deployment_id)/.test(route.path)) {
          leaks.push(`${where} acted on B's resource`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it("give each role only what it allows, and nothing to disabled accounts and expired keys", async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      for (const caller of [callers.viewerKeys!, callers.viewerCeilingKeys!, callers.viewerSession!]) {
        const headers = caller.headers(route.doc.family);
        if (!headers || route.method === "GET" || ACCOUNT_ROUTES.has(name)) continue;
        const res = await call(route.method, route.path, headers);
        if (res.status !== 403 && !(res.status === 404 && name.startsWith("POST /api/admin"))) wrong.push(`${caller.name}: ${name} → ${res.status} (a viewer changes nothing)`);
      }
      const cruncher = callers.cruncherSession!.headers(route.doc.family);
      if (cruncher && !WORK_ROUTES.test(name) && !ACCOUNT_ROUTES.has(name)) {
        const res = await call(route.method, route.path, cruncher);
        if (res.status !== 403) wrong.push(`${callers.cruncherSession!.name}: ${name} → ${res.status} (a cruncher sees only Work)`);
      }
      for (const caller of [callers.disabledKeys!, callers.disabledSession!, callers.expiredKeys!]) {
        const headers = caller.headers(route.doc.family);
        if (!headers) continue;
        const res = await call(route.method, route.path, headers);
        if (res.status !== 401) wrong.push(`${caller.name}: ${name} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("left workspace B as it was", async () => {
    const members = await listMembers(getDb(), bobWorkspace);
    expect(members.map((m) => m.role).sort()).toEqual(["cruncher", "owner"]);
    const [row] = await getDb().query.taskRequests.findMany({ where: (r, { eq }) => eq(r.id, bobRequestId) });
    expect(row).toMatchObject({ status: "pending", archivedAt: null });
    expect(await listApiKeys(getDb(), bobWorkspace)).toEqual([]);
  });
});

describe("invitations", () => {
  it("are single-use, for the invited address only, and stop when withdrawn", async () => {
    const db = getDb();
    const owner = await makeAccount();
    const invitee = await makeAccount();
    const stranger = await makeAccount();
    const { token } = await createInvitation(db, owner.id, owner.id, invitee.email.toUpperCase(), "viewer");
    expect(await acceptInvitation(db, token, stranger)).toMatchObject({ ok: false, message: expect.stringMatching(/is for/) });
    expect(await acceptInvitation(db, token, invitee)).toMatchObject({ ok: true });
    expect(await acceptInvitation(db, token, invitee)).toMatchObject({ ok: false, message: expect.stringMatching(/already been used/) });
    expect((await listMembers(db, owner.id)).find((m) => m.accountId === invitee.id)?.role).toBe("viewer");

    const withdrawn = await createInvitation(db, owner.id, owner.id, stranger.email, "admin");
    await revokeInvitation(db, owner.id, withdrawn.invitation.id);
    const cookie = await sessionCookieFor(stranger);
    const res = await client.request("POST", `/api/invitations/${withdrawn.token}/accept`, { headers: { cookie, ...json } });
    expect(res).toMatchObject({ status: 409, body: { message: expect.stringMatching(/withdrawn/) } });
    expect((await listMembers(db, owner.id)).some((m) => m.accountId === stranger.id)).toBe(false);
  });

  it("a revoked key stops at once", async () => {
    const owner = await makeAccount();
    const secret = await makeKey(owner.id, { scope: "models" });
    expect((await client.request("GET", "/model/all", { headers: { "x-api-key": secret } })).status).toBe(200);
    const [key] = await listApiKeys(getDb(), owner.id);
    await revokeApiKeyEverywhere(owner.id, key!.id);
    expect((await client.request("GET", "/model/all", { headers: { "x-api-key": secret } })).status).toBe(401);
  });
});
