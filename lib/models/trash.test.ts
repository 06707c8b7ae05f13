import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, getSql } from "@/db/client";
import { auditEvents, deploymentOperations, deployments, modelFiles, models } from "@/db/schema";
import type { PublicAccount } from "@/lib/auth/accounts-store";
import { joinWorkspace, makeAccount, makeKey, sessionCookieFor } from "@/lib/auth/testing";
import { getBlobStore } from "@/lib/blobs/store";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { purgeExpiredTrash } from "@/lib/trash/service";
import { expected, fixture, irisMetadata, registerModel, settledStatus, type KeyHeaders } from "./deployments/testing";

// The models' trash through the API and the Trash page's session routes: a deleted model and its
// deployments vanish from every read and stop serving, come back together, and are purged for good.

process.env.CRUCIBLE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "crucible-trash-"));

const [client] = (await adapterClients(apiRouter)) as [AdapterClient, AdapterClient];
afterAll(async () => {
  await client.close();
});

const json = (value: unknown) => JSON.stringify(value);
const logreg = expected.models.logreg_multinomial!;
const ROW = json({ data: [5.1, 3.5, 1.4, 0.2] });
const sessionHeaders = (cookie: string) => ({ cookie, "content-type": "application/json", origin: "http://localhost", "sec-fetch-site": "same-origin" });

let owner: PublicAccount;
let headers: KeyHeaders;
let cookie: string;

beforeAll(async () => {
  owner = await makeAccount();
  headers = { "X-api-key": await makeKey(owner.id, { scope: "models" }), "Content-Type": "application/json" };
  cookie = await sessionCookieFor(owner);
});

async function deployedModel(deploymentIds: string[]): Promise<string> {
  const model = await registerModel(client, headers, irisMetadata, [{ bytes: fixture(logreg.files.protocol4!), name: "iris.pkl", kind: "model" }]);
  for (const id of deploymentIds) {
    expect((await client.request("POST", "/deployment/add", { headers, body: json({ modelid: model, deployment_id: id }) })).status).toBe(201);
    expect(await settledStatus(client, headers, id)).toMatchObject({ status: "deployed" });
  }
  return model;
}

const predict = (id: string) => client.request("POST", `/deployment/${id}/predict`, { headers, body: ROW });
const trash = async () => (await client.request("GET", "/api/trash", { headers: sessionHeaders(cookie) })).body;

describe("DELETE /model/{id} of a deployed model", () => {
  it("moves it and its deployments to the trash: hidden from every read, not served, ids reserved", async () => {
    const model = await deployedModel(["trash-a", "trash-b"]);
    expect((await predict("trash-a")).status).toBe(200); // its serving plan is cached in this process now
    const deleted = await client.request("DELETE", `/model/${model}`, { headers });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ message: expect.stringMatching(/trash with its 2 deployments.*30 days/), modelid: model, deleted: true, deployments: ["trash-a", "trash-b"] });

    for (const [method, url] of [
      ["GET", `/model/${model}`],
      ["GET", `/model/${model}/versions`],
      ["GET", `/model/${model}/versions/1/download`],
      ["PATCH", `/model/${model}`],
      ["DELETE", `/model/${model}`],
      ["GET", "/deployment/get/status/trash-a"],
      ["POST", "/deployment/trash-a/predict"],
      ["POST", "/deployment/trash-b/prediction"],
      ["DELETE", "/deployment/trash-b"],
    ] as const) {
      const res = await client.request(method, url, { headers, ...(method === "GET" || method === "DELETE" ? {} : { body: method === "PATCH" ? json({ modelname: "x" }) : ROW }) });
      expect(res.status, `${method} ${url}`).toBe(404);
    }
    const all = await client.request("GET", "/model/all?limit=100", { headers });
    expect(all.body.map((m: { modelid: string }) => m.modelid)).not.toContain(model);
    const deps = await client.request("GET", "/deployment/all?limit=100", { headers });
    expect(deps.body.map((d: { deployment_id: string }) => d.deployment_id)).not.toContain("trash-a");
    expect((await client.request("POST", "/deployment/add", { headers, body: json({ modelid: model }) })).status).toBe(404);
    expect((await client.request("POST", "/mltraining/add", { headers, body: json({ modelid: model, placement: { clusterID: "*", node: "*", continuum: false } }) })).status).toBe(404);
    expect((await client.request("GET", "/api/deployments", { headers: sessionHeaders(cookie) })).body).not.toContain("trash-a");

    const listed = await trash();
    expect(listed.days).toBe(30);
    expect(listed.models).toContainEqual(expect.objectContaining({ modelid: model, name: irisMetadata.modelname, deployments: ["trash-a", "trash-b"], deleted_at: expect.stringMatching(/\+00:00$/) }));
    expect(listed.deployments.map((d: { deployment_id: string }) => d.deployment_id)).not.toContain("trash-a");

    const audit = await getDb().select().from(auditEvents).where(and(eq(auditEvents.workspaceId, owner.id), eq(auditEvents.action, "model.trashed")));
    expect(audit.map((a) => a.target)).toContain(model);
  });

  it("restore brings the model back with its deployments, which serve again", async () => {
    const model = await deployedModel(["restore-a"]);
    expect((await client.request("DELETE", `/model/${model}`, { headers })).status).toBe(200);
    expect((await predict("restore-a")).status).toBe(404);

    const restored = await client.request("POST", `/api/trash/models/${model}/restore`, { headers: sessionHeaders(cookie) });
    expect(restored).toMatchObject({ status: 200, body: { message: expect.stringMatching(/restored with 1 deployment/), deployments: ["restore-a"] } });
    expect((await client.request("GET", `/model/${model}`, { headers })).status).toBe(200);
    const served = await predict("restore-a");
    expect(served.status).toBe(200);
    expect(served.body.prediction).toEqual([0]);
    expect((await trash()).models.map((m: { modelid: string }) => m.modelid)).not.toContain(model);
    expect((await client.request("POST", `/api/trash/models/${model}/restore`, { headers: sessionHeaders(cookie) })).status).toBe(404);
  });

  it("a deployment deleted alone is listed alone, stays in the trash when its model is restored, and needs its model back first", async () => {
    const model = await deployedModel(["alone-a", "alone-b"]);
    expect((await client.request("DELETE", "/deployment/alone-a", { headers })).body).toMatchObject({ message: expect.stringMatching(/trash/), deleted: true });
    expect((await client.request("DELETE", `/model/${model}`, { headers })).body.deployments).toEqual(["alone-b"]);
    const listed = await trash();
    expect(listed.deployments).toContainEqual(expect.objectContaining({ deployment_id: "alone-a", modelid: model, model_trashed: true }));
    const early = await client.request("POST", "/api/trash/deployments/alone-a/restore", { headers: sessionHeaders(cookie) });
    expect(early).toMatchObject({ status: 409, body: { message: expect.stringMatching(/restore the model first/) } });

    expect((await client.request("POST", `/api/trash/models/${model}/restore`, { headers: sessionHeaders(cookie) })).body.deployments).toEqual(["alone-b"]);
    expect((await predict("alone-b")).status).toBe(200);
    expect((await predict("alone-a")).status).toBe(404);
    expect((await client.request("POST", "/api/trash/deployments/alone-a/restore", { headers: sessionHeaders(cookie) })).status).toBe(200);
    expect((await predict("alone-a")).status).toBe(200);
  });

  it("another workspace's session can neither see, restore nor purge it; a member restores, only owners and admins purge", async () => {
    const model = await deployedModel(["guarded"]);
    await client.request("DELETE", `/model/${model}`, { headers });
    const stranger = await makeAccount();
    const strangerCookie = await sessionCookieFor(stranger);
    expect(JSON.stringify((await client.request("GET", "/api/trash", { headers: sessionHeaders(strangerCookie) })).body)).not.toContain(model);
    expect((await client.request("POST", `/api/trash/models/${model}/restore`, { headers: sessionHeaders(strangerCookie) })).status).toBe(404);
    expect((await client.request("DELETE", `/api/trash/models/${model}`, { headers: sessionHeaders(strangerCookie) })).status).toBe(404);

    const member = await makeAccount();
    await joinWorkspace(owner.id, member.id, "member");
    const memberHeaders = { ...sessionHeaders(await sessionCookieFor(member)), "x-crucible-workspace": owner.username };
    expect((await client.request("DELETE", `/api/trash/models/${model}`, { headers: memberHeaders })).status).toBe(403);
    expect((await client.request("GET", `/model/${model}`, { headers })).status).toBe(404);
  });

  it("delete forever removes the rows (deployments, operations, files) and collects the blobs no one else uses", async () => {
    const model = await deployedModel(["purged"]);
    expect((await predict("purged")).status).toBe(200);
    const [file] = await getDb().select().from(modelFiles).where(eq(modelFiles.modelId, model));
    const [row] = await getDb().select().from(deployments).where(eq(deployments.deploymentId, "purged"));
    await client.request("DELETE", `/model/${model}`, { headers });
    const purged = await client.request("DELETE", `/api/trash/models/${model}`, { headers: sessionHeaders(cookie) });
    expect(purged).toMatchObject({ status: 200, body: { message: expect.stringMatching(/for good/), deployments: ["purged"] } });
    expect(await getDb().select().from(models).where(eq(models.id, model))).toEqual([]);
    expect(await getDb().select().from(deployments).where(eq(deployments.id, row!.id))).toEqual([]);
    expect(await getDb().select().from(deploymentOperations).where(eq(deploymentOperations.deploymentRowId, row!.id))).toEqual([]);
    // The fixture's bytes are shared with the other models of this file: the blob stays.
    expect(await getBlobStore().has(file!.sha256)).toBe(true);
    // The id is free again.
    const again = await deployedModel([]);
    expect((await client.request("POST", "/deployment/add", { headers, body: json({ modelid: again, deployment_id: "purged" }) })).status).toBe(201);
  });
});

describe("the scheduled purge", () => {
  it("purges what was trashed more than 30 days ago, and only that", async () => {
    const old = await deployedModel(["old-dep"]);
    const recent = await deployedModel(["recent-dep"]);
    const lone = await deployedModel(["old-lone"]);
    await client.request("DELETE", `/model/${old}`, { headers });
    await client.request("DELETE", `/model/${recent}`, { headers });
    await client.request("DELETE", "/deployment/old-lone", { headers });
    const longAgo = new Date(Date.now() - 31 * 24 * 3600_000).toISOString();
    await getSql()`update models set deleted_at = ${longAgo}::timestamptz where id = ${old}`;
    await getSql()`update deployments set deleted_at = ${longAgo}::timestamptz where deployment_id in ('old-dep', 'old-lone') and workspace_id = ${owner.id}`;

    const counts = await purgeExpiredTrash(getDb());
    expect(counts.models).toBeGreaterThanOrEqual(1);
    expect(counts.deployments).toBeGreaterThanOrEqual(1);
    expect(await getDb().select({ id: models.id }).from(models).where(eq(models.id, old))).toEqual([]);
    expect(await getDb().select({ id: models.id }).from(models).where(eq(models.id, recent))).toHaveLength(1);
    const left = await getDb().select({ id: deployments.deploymentId }).from(deployments).where(eq(deployments.workspaceId, owner.id));
    expect(left.map((d) => d.id)).toEqual(expect.arrayContaining(["recent-dep"]));
    expect(left.map((d) => d.id)).not.toContain("old-dep");
    expect(left.map((d) => d.id)).not.toContain("old-lone");
    // The lone deployment's model was never trashed: it stays.
    expect((await client.request("GET", `/model/${lone}`, { headers })).status).toBe(200);
    const audit = await getDb().select().from(auditEvents).where(and(eq(auditEvents.workspaceId, owner.id), eq(auditEvents.action, "model.purged")));
    expect(audit.find((a) => a.target === old)).toMatchObject({ actorLabel: "system" });
  });
});
