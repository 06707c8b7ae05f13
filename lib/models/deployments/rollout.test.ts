import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeAccount, makeKey, sessionCookieFor } from "@/lib/auth/testing";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients, type AdapterClient, type TestResponse } from "@/lib/http/testing";
import { listAudit } from "@/lib/workspaces/audit";
import { registerTrainingWorkers } from "../training/worker";
import { multipartBody } from "./testing";

// Acceptance: a deployment follows production; a retrain whose thresholds pass (the real worker, a
// real python3 in the bubblewrap sandbox) rolls it to the new version within seconds; "Roll back"
// returns it to the old one and pins it; a version that cannot be loaded is never served.

process.env.CRUCIBLE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "crucible-rollout-"));
const TRAINING = path.resolve(import.meta.dirname, "../training/testdata");
const RIDGE_V1 = readFileSync(path.resolve(import.meta.dirname, "../fixtures/models/ridge.p4.pkl"));
/** A pickle of an empty dict: stored as a version, but no estimator to serve. */
const NOT_A_MODEL = Buffer.from([0x80, 0x04, 0x7d, 0x94, 0x2e]);
const FEATURES = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"];
const ROW = [0.03, 0.05, 0.06, 0.02, -0.04, -0.03, -0.04, 0.0, 0.02, -0.02];

const clients = await adapterClients(apiRouter);
const fastPath = clients[1] as AdapterClient;
const json = (value: unknown) => JSON.stringify(value);

let workspaceId: string;
let headers: Record<string, string>;
let session: Record<string, string>;

beforeAll(async () => {
  const account = await makeAccount();
  workspaceId = account.id;
  headers = { "X-api-key": await makeKey(account.id, { scope: "models" }), "Content-Type": "application/json" };
  session = { cookie: await sessionCookieFor(account), "content-type": "application/json", origin: "http://localhost", "sec-fetch-site": "same-origin" };
  await registerTrainingWorkers(await getBoss());
});

afterAll(async () => {
  await stopBoss();
  await Promise.all(clients.map((c) => c.close()));
});

async function upload(modelId: string, kind: string, name: string, bytes: Uint8Array): Promise<number | null> {
  const { body, contentType } = await multipartBody(bytes, name, kind);
  const res = await fastPath.request("POST", `/model/${modelId}/upload`, { headers: { "X-api-key": headers["X-api-key"]!, "Content-Type": contentType }, body });
  expect(res.status).toBe(201);
  return res.body.version;
}

/** Ridge v1 with the diabetes data and the retraining script; r2 ≥ 0.3 promotes. No alias yet. */
async function makeModel(): Promise<string> {
  const featurelist = FEATURES.map((f) => ({ feature_name: f, type: "cont", kind: 0 }));
  const created = await fastPath.request("POST", "/model/add", {
    headers,
    body: json({ modelname: "Ridge rollout", modelkind: "Regressor", modelperformance: [{ metric: "r2", order: 1, threshold: 0.3 }], featurelist }),
  });
  const id = created.body.modelid as string;
  expect(await upload(id, "model", "model.pkl", RIDGE_V1)).toBe(1);
  await upload(id, "data", "diabetes.csv", readFileSync(path.join(TRAINING, "diabetes.csv")));
  await upload(id, "code", "retrain_ridge.py", readFileSync(path.join(TRAINING, "retrain_ridge.py")));
  return id;
}

const predict = (deploymentId: string) => fastPath.request("POST", `/deployment/${deploymentId}/predict`, { headers, body: json({ data: ROW }) });
const live = async (deploymentId: string) => (await fastPath.request("GET", `/api/deployments/${deploymentId}`, { headers: session })).body;

async function servedVersion(deploymentId: string): Promise<string | null> {
  const res = await predict(deploymentId);
  expect(res.status).toBe(200);
  return res.headers.get("x-model-version");
}

async function jobFinished(jobId: string, timeoutMs = 90_000): Promise<TestResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fastPath.request("GET", `/mltraining/${jobId}`, { headers });
    if (res.body.status === "succeeded" || res.body.status === "failed" || Date.now() > deadline) return res;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Polls predictions until the deployment answers with `version`; the milliseconds it took. */
async function untilServing(deploymentId: string, version: string, timeoutMs = 5_000): Promise<number> {
  const started = Date.now();
  while ((await servedVersion(deploymentId)) !== version) {
    if (Date.now() - started > timeoutMs) throw new Error(`${deploymentId} still does not serve v${version} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}

describe("deployments roll with their alias", () => {
  it("retrain → the deployment serves v2 within seconds; roll back → v1, pinned; follow production again → v2", { timeout: 120_000 }, async () => {
    const modelId = await makeModel();
    const created = await fastPath.request("POST", "/deployment/add", { headers, body: json({ modelid: modelId, deployment_id: "dep-rollout" }) });
    expect(created.body).toMatchObject({ version: 1, version_ref: "production" });
    const versions = await fastPath.request("GET", `/model/${modelId}/versions`, { headers });
    expect(versions.body[0].aliases).toEqual(["production"]); // the latest version became production
    expect(await servedVersion("dep-rollout")).toBe("1");
    const v1Prediction = (await predict("dep-rollout")).body.prediction[0] as number;

    const started = await fastPath.request("POST", "/mltraining/add", { headers, body: json({ modelid: modelId, placement: { clusterID: "*", node: "*", continuum: false } }) });
    expect(started.status).toBe(201);
    const job = await jobFinished(started.body.job_id);
    expect(job.body).toMatchObject({ status: "succeeded", result_version: 2, promoted: true });
    expect(job.body.log).toContain("deployment dep-rollout: rolled v1 → v2");
    expect(await untilServing("dep-rollout", "2")).toBeLessThan(5_000);
    expect((await predict("dep-rollout")).body.prediction[0]).not.toBe(v1Prediction);

    const rolled = await live("dep-rollout");
    expect(rolled.rollout).toMatchObject({ version: 2, follows: "production", previousVersion: 1, rollFailure: null, rolledAt: expect.stringMatching(/\+00:00$/) });
    expect(rolled.rollout.events[0]).toMatchObject({ kind: "rolled", from: 1, to: 2, alias: "production" });
    const drift = await fastPath.request("GET", "/api/drift/dep-rollout", { headers: session });
    expect(drift.body.jobRolls).toEqual([{ deploymentId: "dep-rollout", kind: "rolled", toVersion: 2, reason: null }]);

    const back = await fastPath.request("POST", "/api/deployments/dep-rollout/rollback", { headers: session });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ version: 1, version_ref: "1" });
    expect(await servedVersion("dep-rollout")).toBe("1");
    expect((await predict("dep-rollout")).body.prediction[0]).toBe(v1Prediction);
    expect((await live("dep-rollout")).rollout).toMatchObject({ version: 1, follows: null, previousVersion: 2 });

    // Pinned: moving production again does not roll it.
    await fastPath.request("PUT", `/model/${modelId}/aliases/production`, { headers, body: json({ version: 1 }) });
    await fastPath.request("PUT", `/model/${modelId}/aliases/production`, { headers, body: json({ version: 2 }) });
    expect(await servedVersion("dep-rollout")).toBe("1");

    const again = await fastPath.request("POST", "/api/deployments/dep-rollout/follow", { headers: session, body: json({ alias: "production" }) });
    expect(again.body).toMatchObject({ version: 2, version_ref: "production" });
    expect(await servedVersion("dep-rollout")).toBe("2");

    const { events } = await listAudit(getDb(), workspaceId, { limit: 50 });
    expect(events.filter((e) => e.target === "dep-rollout").map((e) => e.action)).toEqual(["deployment.followed", "deployment.rolled_back", "deployment.rolled"]);
  });

  it("keeps serving the old version, and says why, when the new one cannot be loaded", async () => {
    const modelId = await makeModel();
    await fastPath.request("POST", "/deployment/add", { headers, body: json({ modelid: modelId, deployment_id: "dep-refuses" }) });
    expect(await servedVersion("dep-refuses")).toBe("1");
    expect(await upload(modelId, "model", "dict.pkl", NOT_A_MODEL)).toBe(2);

    // Through the model page's alias editor: the answer lists the refused roll.
    const moved = await fastPath.request("PUT", `/api/models/${modelId}/aliases/production`, { headers: session, body: json({ version: 2 }) });
    expect(moved.status).toBe(200);
    expect(moved.body.rolls).toEqual([{ deploymentId: "dep-refuses", from: 1, to: 2, ok: false, reason: expect.stringMatching(/^v2 could not be loaded: /) }]);
    expect(await servedVersion("dep-refuses")).toBe("1");
    const view = await live("dep-refuses");
    expect(view.deployment).toMatchObject({ version: 1, status: "running" });
    expect(view.rollout).toMatchObject({ version: 1, follows: "production", rollFailedVersion: 2, rollFailure: expect.stringMatching(/could not be loaded/) });
    expect(view.rollout.events[0]).toMatchObject({ kind: "roll_failed", from: 1, to: 2 });

    // Nothing to roll back to yet; a version that does load clears the failure.
    expect((await fastPath.request("POST", "/api/deployments/dep-refuses/rollback", { headers: session })).status).toBe(409);
    expect(await upload(modelId, "model", "v3.pkl", RIDGE_V1)).toBe(3);
    const fixed = await fastPath.request("PUT", `/api/models/${modelId}/aliases/production`, { headers: session, body: json({ version: 3 }) });
    expect(fixed.body.rolls).toEqual([{ deploymentId: "dep-refuses", from: 1, to: 3, ok: true, reason: null }]);
    expect(await servedVersion("dep-refuses")).toBe("3");
    expect((await live("dep-refuses")).rollout).toMatchObject({ rollFailure: null, previousVersion: 1 });
  });

  it("answers bad alias edits and follows with 4xx", async () => {
    const modelId = await makeModel();
    await fastPath.request("POST", "/deployment/add", { headers, body: json({ modelid: modelId, deployment_id: "dep-bad" }) });
    const put = (name: string, body: unknown) => fastPath.request("PUT", `/api/models/${modelId}/aliases/${name}`, { headers: session, body: json(body) });
    expect((await put("production", { version: 9 })).status).toBe(404);
    expect((await put("production", { version: 1e12 })).status).toBe(422);
    expect((await put("9lives", { version: 1 })).status).toBe(422);
    expect((await fastPath.request("POST", "/api/deployments/dep-bad/follow", { headers: session, body: json({ alias: "nope" }) })).status).toBe(422);
    expect((await fastPath.request("POST", "/api/deployments/dep-nope/rollback", { headers: session })).status).toBe(404);
  });
});
