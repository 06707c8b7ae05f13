import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeAccount } from "@/lib/auth/testing";
import { getBoss, QUEUES, stopBoss } from "@/lib/jobs/boss";
import { createModel } from "../store";
import { createTrainingJob } from "../training/store";
import { storeUpload } from "../uploads";
import { runDriftCheck } from "./check";
import type { FeatureDrift } from "./compare";
import { driftPanelData } from "./dashboard";
import { mulberry32 } from "@/lib/seeded-random";
import { deploymentsToCheck, listDriftChecks, setAutoRetrainOnDrift } from "./store";
import { insertTestDeployment, insertTestOperations } from "./testing/deployments";
import { registerDriftWorkers } from "./worker";

process.env.CRUCIBLE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "crucible-drift-"));
const TRAINING_DATA = path.resolve(import.meta.dirname, "../training/testdata");
const DIABETES = readFileSync(path.join(TRAINING_DATA, "diabetes.csv"));
const INPUTS = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"];
const ROWS = DIABETES.toString("utf8").trim().split("\n").slice(1).map((line) => line.split(",").map(Number).slice(0, 10));
const BMI_SD = Math.sqrt(ROWS.reduce((s, r) => s + (r[2]! - 26.3758) ** 2, 0) / ROWS.length);

const db = getDb();
let workspaceId: string;

beforeAll(async () => {
  workspaceId = (await makeAccount()).id;
});
afterAll(async () => {
  await stopBoss();
});

async function driftModel(driftDetection: { is_true: 0 | 1; method: 0 | 1 | 2 }[], withCode = false) {
  const model = await createModel(db, workspaceId, {
    modelname: "Ridge",
    modelkind: "Regressor",
    hyperparameter: [],
    modelperformance: [],
    trainingresource: [],
    runresource: [],
    inference: [],
    modeltags: [],
    featurelist: [
      ...INPUTS.map((name) => ({ feature_name: name, type: name === "sex" ? ("cat" as const) : ("cont" as const), kind: 0 as const })),
      { feature_name: "target", type: "cont", kind: 1 },
    ],
    drift_detection: driftDetection,
  });
  const data = await storeUpload(db, workspaceId, model.id, { filename: "diabetes.csv", contentType: "text/csv", bytes: DIABETES, fileKind: "data" });
  expect(data.ok).toBe(true);
  if (withCode) await storeUpload(db, workspaceId, model.id, { filename: "train.py", contentType: "text/x-python", bytes: readFileSync(path.join(TRAINING_DATA, "retrain_ridge.py")), fileKind: "code" });
  return model;
}

/** `n` rows resampled from the training data (seeded), bmi moved by `bmiShift` standard deviations. */
function resample(seed: number, n: number, bmiShift = 0): number[][] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const row = [...ROWS[Math.floor(random() * ROWS.length)]!];
    row[2] = row[2]! + bmiShift * BMI_SD;
    return row;
  });
}

const flagged = (features: FeatureDrift[]) => features.filter((f) => f.verdict === "drift").map((f) => f.feature);

describe("drift checks of a deployment", () => {
  it.each([0, 1, 2] as const)("method %i: no drift for operations from the training data, drift on bmi alone once it shifts by 1 SD", async (method) => {
    const model = await driftModel([{ is_true: 1, method }]);
    const deployment = await insertTestDeployment(workspaceId, model.id);
    // Predictions store {data: rows, explain}; ten rows per operation.
    const same = resample(10 + method, 300);
    await insertTestOperations(workspaceId, deployment.id, Array.from({ length: 30 }, (_, i) => ({ data: same.slice(i * 10, i * 10 + 10), explain: false })));
    const quiet = await runDriftCheck(db, workspaceId, deployment.deploymentId);
    if (!quiet.ok) throw new Error(quiet.message);
    expect(quiet.check).toMatchObject({ drifted: false, method, windowSize: 300, referenceSize: 442, reason: null });
    expect(quiet.check.features.map((f) => (f as FeatureDrift).feature)).toEqual(INPUTS);
    expect((quiet.check.features as FeatureDrift[]).find((f) => f.feature === "sex")!.test).toBe("chi_square");

    // External operations as the document shows them: `data` a JSON string of {feature: value}.
    const shifted = resample(20 + method, 400, 1);
    await insertTestOperations(workspaceId, deployment.id, shifted.map((row) => JSON.stringify(Object.fromEntries(INPUTS.map((name, i) => [name, row[i]])))), "external");
    const loud = await runDriftCheck(db, workspaceId, deployment.id);
    if (!loud.ok) throw new Error(loud.message);
    expect(loud.check).toMatchObject({ drifted: true, windowSize: 500 });
    expect(flagged(loud.check.features as FeatureDrift[])).toEqual(["bmi"]);
    expect(loud.retrainJob).toBeNull();
  });

  it("gives no verdict below 30 operations and refuses a model with drift detection off", async () => {
    const model = await driftModel([{ is_true: 1, method: 0 }]);
    const deployment = await insertTestDeployment(workspaceId, model.id);
    await insertTestOperations(workspaceId, deployment.id, resample(1, 29));
    const early = await runDriftCheck(db, workspaceId, deployment.deploymentId);
    expect(early.ok && early.check).toMatchObject({ drifted: null, windowSize: 29, features: [], reason: expect.stringContaining("at least 30") });

    const off = await driftModel([{ is_true: 0, method: 2 }]);
    const quiet = await insertTestDeployment(workspaceId, off.id);
    expect(await runDriftCheck(db, workspaceId, quiet.deploymentId)).toMatchObject({ ok: false, status: 409 });
    expect(await runDriftCheck(db, (await makeAccount()).id, deployment.deploymentId)).toMatchObject({ ok: false, status: 404 });
    const targets = (await deploymentsToCheck(db)).map((t) => t.deploymentRowId);
    expect(targets).toContain(deployment.id);
    expect(targets).not.toContain(quiet.id);
  });

  it("starts a retraining job (trigger drift) when drift is found and the deployment retrains automatically", async () => {
    const model = await driftModel([{ is_true: 1, method: 2 }], true);
    const deployment = await insertTestDeployment(workspaceId, model.id);
    await setAutoRetrainOnDrift(db, workspaceId, deployment.id, true);
    await insertTestOperations(workspaceId, deployment.id, resample(5, 200, 1));
    const outcome = await runDriftCheck(db, workspaceId, deployment.deploymentId);
    expect(outcome.ok && outcome.check.drifted).toBe(true);
    expect(outcome.ok && outcome.retrainJob).toMatchObject({ trigger: "drift", status: "waiting", modelId: model.id });

    const panel = await driftPanelData(db, workspaceId, deployment.deploymentId);
    expect(panel).toMatchObject({
      deployment: { deploymentId: deployment.deploymentId, autoRetrainOnDrift: true },
      detection: { enabled: true, method: 2, alpha: 0.01, window: 500, minWindow: 30 },
      job: { trigger: "drift" },
    });
    expect(panel!.checks).toHaveLength(1);
  });

  it("does not queue a second retraining while one is waiting or running for the model", async () => {
    const model = await driftModel([{ is_true: 1, method: 0 }], true);
    const deployment = await insertTestDeployment(workspaceId, model.id, { autoRetrainOnDrift: true });
    // A job row no worker will take (it is not on the queue), so it stays waiting.
    const pending = await createTrainingJob(db, workspaceId, { modelId: model.id, placement: {}, trigger: "api" });
    expect(pending.ok).toBe(true);
    await insertTestOperations(workspaceId, deployment.id, resample(6, 200, 1));
    const outcome = await runDriftCheck(db, workspaceId, deployment.deploymentId);
    expect(outcome).toMatchObject({ ok: true, check: { drifted: true }, retrainJob: null, retrainNote: expect.stringMatching(/already running/) });
  });

  it("runs from the queue: the schedule fans out a check per running deployment with drift on", { timeout: 30_000 }, async () => {
    const model = await driftModel([{ is_true: 1, method: 0 }]);
    const deployment = await insertTestDeployment(workspaceId, model.id);
    await insertTestOperations(workspaceId, deployment.id, resample(3, 100));
    const boss = await getBoss();
    await registerDriftWorkers(boss);
    await boss.send(QUEUES.driftSchedule, {});
    const deadline = Date.now() + 25_000;
    let checks = await listDriftChecks(db, workspaceId, deployment.id, 5);
    while (!checks.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      checks = await listDriftChecks(db, workspaceId, deployment.id, 5);
    }
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ drifted: false, windowSize: 100 });
  });
});
