import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeAccount, sessionCookieFor } from "@/lib/auth/testing";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients } from "@/lib/http/testing";
import { stopBoss } from "@/lib/jobs/boss";
import { createModel } from "../store";
import { storeUpload } from "../uploads";
import { insertTestDeployment } from "./testing/deployments";

// The drift panel's session routes (lib/models/drift/session-api.ts) through both adapters.

process.env.CRUCIBLE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "crucible-drift-session-"));
const TESTDATA = path.resolve(import.meta.dirname, "../training/testdata");
const db = getDb();
const clients = await adapterClients(apiRouter);
let workspaceId: string;
let deploymentId: string;
let cookie: string;
let otherCookie: string;

beforeAll(async () => {
  const account = await makeAccount();
  workspaceId = account.id;
  cookie = await sessionCookieFor(account);
  otherCookie = await sessionCookieFor(await makeAccount());
  const model = await createModel(db, workspaceId, {
    modelname: "m",
    modelkind: "regression",
    hyperparameter: [],
    modelperformance: [],
    trainingresource: [],
    runresource: [],
    inference: [],
    modeltags: [],
    featurelist: [{ feature_name: "bmi", type: "cont", kind: 0 }],
    drift_detection: [{ is_true: 1, method: 2 }],
  });
  for (const [kind, name] of [["data", "diabetes.csv"], ["code", "retrain_ridge.py"]] as const) {
    await storeUpload(db, workspaceId, model.id, { filename: name, contentType: "text/plain", bytes: readFileSync(path.join(TESTDATA, name)), fileKind: kind });
  }
  // Not "running": the scheduled checks of a test running alongside must not add rows to this one.
  deploymentId = (await insertTestDeployment(workspaceId, model.id, { status: "loading" })).deploymentId;
});
afterAll(async () => {
  await stopBoss();
  await Promise.all(clients.map((c) => c.close()));
});

describe.each(clients.map((c) => [c.name, c] as const))("drift panel session routes through the %s", (_name, client) => {
  const call = async (as: string, method: string, path: string, body?: string) => {
    const response = await client.request(method, path, { headers: { cookie: as, ...(body === undefined ? {} : { "content-type": "application/json" }) }, body });
    return { status: response.status, body: response.body };
  };

  it("serves the panel, runs a check, flips the setting and starts a retraining job", async () => {
    const base = `/api/drift/${deploymentId}`;
    expect(await call(cookie, "GET", base)).toMatchObject({ status: 200, body: { detection: { enabled: true, method: 2 } } });
    const check = await call(cookie, "POST", `${base}/check`);
    expect(check).toMatchObject({ status: 200, body: { check: { drifted: null, windowSize: 0 } } });

    expect(await call(cookie, "PATCH", `${base}/settings`, '{"autoRetrainOnDrift": true}')).toEqual({ status: 200, body: { autoRetrainOnDrift: true } });
    expect((await call(cookie, "PATCH", `${base}/settings`, '{"autoRetrainOnDrift": "yes"}')).status).toBe(422);
    expect((await call(cookie, "PATCH", `${base}/settings`, "not json")).status).toBe(400);

    const started = await call(cookie, "POST", "/api/training", JSON.stringify({ deploymentId }));
    expect([201, 400]).toContain(started.status); // 400: the other adapter's job for this model is still waiting
    if (started.status === 201) {
      expect(started.body).toMatchObject({ status: "waiting", trigger: "dashboard", placement: { clusterID: "*" } });
      const jobId = started.body.job_id as string;
      expect(await call(cookie, "GET", `/api/training/${jobId}`)).toMatchObject({ status: 200, body: { job_id: jobId } });
      const panel = await call(cookie, "GET", base);
      expect(panel.body).toMatchObject({ deployment: { autoRetrainOnDrift: true }, job: { job_id: jobId } });
    } else expect(started.body.detail).toMatch(/already running/);
    expect((await call(cookie, "POST", "/api/training", JSON.stringify({ modelId: "00000000-0000-0000-0000-000000000000" }))).status).toBe(404);
  });

  it("answers 404 for another account's deployment and job", async () => {
    const base = `/api/drift/${deploymentId}`;
    expect((await call(otherCookie, "GET", base)).status).toBe(404);
    expect((await call(otherCookie, "POST", `${base}/check`)).status).toBe(404);
    expect((await call(otherCookie, "PATCH", `${base}/settings`, '{"autoRetrainOnDrift": false}')).status).toBe(404);
    expect((await call(otherCookie, "POST", "/api/training", JSON.stringify({ deploymentId }))).status).toBe(404);
    expect((await call(otherCookie, "GET", "/api/training/00000000-0000-0000-0000-000000000000")).status).toBe(404);
  });

  it("answers 401 without a session", async () => {
    expect(await call("", "GET", `/api/drift/${deploymentId}`)).toEqual({ status: 401, body: { detail: "Sign in first." } });
  });
});
