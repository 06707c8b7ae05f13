import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeAccount } from "@/lib/auth/testing";
import { stopBoss } from "@/lib/jobs/boss";
import { createModel } from "../store";
import { retrainReply, trainingJobReply } from "../training/session";
import { storeUpload } from "../uploads";
import { checkNowReply, driftPanelReply, driftSettingsReply } from "./session";
import { insertTestDeployment } from "./testing";

// The drift panel's session replies (the route files only add the session check).

process.env.CRUCIBLE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "crucible-drift-session-"));
const TESTDATA = path.resolve(import.meta.dirname, "../training/testdata");
const db = getDb();
let accountId: string;
let deploymentId: string;

beforeAll(async () => {
  accountId = (await makeAccount()).id;
  const model = await createModel(db, accountId, {
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
    await storeUpload(db, accountId, model.id, { filename: name, contentType: "text/plain", bytes: readFileSync(path.join(TESTDATA, name)), fileKind: kind });
  }
  // Not "running": the scheduled checks of a test running alongside must not add rows to this one.
  deploymentId = (await insertTestDeployment(accountId, model.id, { status: "loading" })).deploymentId;
});
afterAll(async () => {
  await stopBoss();
});

describe("drift panel session replies", () => {
  it("serves the panel, runs a check, flips the setting and starts a retraining job", async () => {
    expect(await driftPanelReply(db, accountId, deploymentId)).toMatchObject({ status: 200, body: { checks: [], job: null, detection: { enabled: true, method: 2 } } });
    const check = await checkNowReply(db, accountId, deploymentId);
    expect(check).toMatchObject({ status: 200, body: { check: { drifted: null, windowSize: 0 }, retrainJob: null } });

    expect(await driftSettingsReply(db, accountId, deploymentId, '{"autoRetrainOnDrift": true}')).toEqual({ status: 200, body: { autoRetrainOnDrift: true } });
    expect((await driftSettingsReply(db, accountId, deploymentId, '{"autoRetrainOnDrift": "yes"}')).status).toBe(422);
    expect((await driftSettingsReply(db, accountId, deploymentId, "not json")).status).toBe(400);

    const started = await retrainReply(db, accountId, JSON.stringify({ deploymentId }));
    expect(started).toMatchObject({ status: 201, body: { status: "waiting", trigger: "dashboard", placement: { clusterID: "*" } } });
    const jobId = (started.body as { job_id: string }).job_id;
    expect(await trainingJobReply(db, accountId, jobId)).toMatchObject({ status: 200, body: { job_id: jobId } });
    expect((await retrainReply(db, accountId, JSON.stringify({ modelId: "00000000-0000-0000-0000-000000000000" }))).status).toBe(404);

    const panel = await driftPanelReply(db, accountId, deploymentId);
    expect(panel.body).toMatchObject({ deployment: { autoRetrainOnDrift: true }, job: { job_id: jobId }, checks: [{ drifted: null }] });
  });

  it("answers 404 for another account's deployment and job", async () => {
    const other = (await makeAccount()).id;
    expect((await driftPanelReply(db, other, deploymentId)).status).toBe(404);
    expect((await checkNowReply(db, other, deploymentId)).status).toBe(404);
    expect((await driftSettingsReply(db, other, deploymentId, '{"autoRetrainOnDrift": false}')).status).toBe(404);
    expect((await retrainReply(db, other, JSON.stringify({ deploymentId }))).status).toBe(404);
    expect((await trainingJobReply(db, other, "00000000-0000-0000-0000-000000000000")).status).toBe(404);
  });
});
