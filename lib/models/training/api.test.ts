import { mkdtempSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAccount, makeKey } from "@/lib/auth/testing";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients, type AdapterClient, type TestResponse } from "@/lib/http/testing";
import { registerTrainingWorkers } from "./worker";

// Acceptance: POST /mltraining/add → the pg-boss worker → the sandbox → a new model version, with
// Debian's python3-sklearn (CI installs it). Everything goes through the real API and queue.

process.env.CRUCIBLE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "crucible-training-"));
const TESTDATA = path.resolve(import.meta.dirname, "testdata");
const MODEL_V1 = readFileSync(path.resolve(import.meta.dirname, "../fixtures/models/ridge.p4.pkl"));

const clients = await adapterClients(apiRouter);
const [nextClient, fastPath] = clients as [AdapterClient, AdapterClient];

let headers: Record<string, string>;
let otherHeaders: Record<string, string>;
let server: http.Server;
let target: string;
let requestsSeen = 0;

beforeAll(async () => {
  const account = await makeAccount();
  headers = { "X-api-key": await makeKey(account.id, { scope: "models" }), "Content-Type": "application/json" };
  const other = await makeAccount();
  otherHeaders = { Authorization: `Bearer ${await makeKey(other.id, { scope: "models" })}`, "Content-Type": "application/json" };
  server = http.createServer((_req, res) => {
    requestsSeen++;
    res.end("reachable");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  target = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  await registerTrainingWorkers(await getBoss());
});

afterAll(async () => {
  await stopBoss();
  await Promise.all(clients.map((c) => c.close()));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  delete process.env.CRUCIBLE_TRAINING_TIMEOUT_SECONDS;
  delete process.env.CRUCIBLE_PYTHON;
});

const json = (value: unknown) => JSON.stringify(value);
const placement = { clusterID: "*", node: "*", continuum: false };

async function upload(modelId: string, kind: string, name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  form.append("file_kind", kind);
  const response = new Response(form);
  const res = await fastPath.request("POST", `/model/${modelId}/upload`, {
    headers: { "X-api-key": headers["X-api-key"]!, "Content-Type": response.headers.get("content-type")! },
    body: new Uint8Array(await response.arrayBuffer()),
  });
  expect(res.status).toBe(201);
  return res.body as { version: number | null };
}

/** A registered Ridge model with version 1 in production, the diabetes data and a training script. */
async function makeModel(script: { name: string; text: string }, modelperformance = [{ metric: "r2", order: 1, threshold: 0.3 }]): Promise<string> {
  const featurelist = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"].map((f) => ({ feature_name: f, type: "cont", kind: 0 }));
  const created = await fastPath.request("POST", "/model/add", { headers, body: json({ modelname: "Ridge", modelkind: "Regressor", modelperformance, featurelist }) });
  const id = created.body.modelid as string;
  expect((await upload(id, "model", "model.pkl", MODEL_V1)).version).toBe(1);
  expect((await fastPath.request("PUT", `/model/${id}/aliases/production`, { headers, body: json({ version: 1 }) })).status).toBe(200);
  await upload(id, "data", "diabetes.csv", readFileSync(path.join(TESTDATA, "diabetes.csv")));
  await upload(id, "code", script.name, Buffer.from(script.text));
  return id;
}

const scriptFile = (name: string) => ({ name, text: readFileSync(path.join(TESTDATA, name), "utf8") });

async function finished(jobId: string, timeoutMs = 60_000): Promise<TestResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fastPath.request("GET", `/mltraining/${jobId}`, { headers });
    if (res.body.status === "succeeded" || res.body.status === "failed" || Date.now() > deadline) return res;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function train(modelId: string): Promise<TestResponse> {
  const started = await fastPath.request("POST", "/mltraining/add", { headers, body: json({ modelid: modelId, placement }) });
  expect(started.status).toBe(201);
  return finished(started.body.deployment_id);
}

describe("training jobs", () => {
  it("retrains on the diabetes data into version 2 and moves production when the r2 threshold is met", { timeout: 90_000 }, async () => {
    const modelId = await makeModel(scriptFile("retrain_ridge.py"));
    const started = await fastPath.request("POST", "/mltraining/add", { headers, body: json({ modelid: modelId, placement }) });
    expect(started.status).toBe(201);
    // The original implementation's MLTrain fields, then the run's own.
    expect(started.body).toMatchObject({ modelid: modelId, placement, status: "waiting", deployment_id: expect.any(String), trigger: "api", result_version: null, promoted: false });
    expect(started.body.job_id).toBe(started.body.deployment_id);

    const done = await finished(started.body.deployment_id);
    expect(done.body).toMatchObject({ status: "succeeded", result_version: 2, promoted: true, reason: null });
    expect(done.body.metrics.r2).toBeGreaterThan(0.3);
    expect(done.body.log).toContain("442 rows");
    expect(done.body.log).toMatch(/sandbox: bubblewrap \S+ at \S+, verified: /);
    expect(done.body.log).toContain("promoted: production → version 2");

    const versions = await fastPath.request("GET", `/model/${modelId}/versions`, { headers });
    expect(versions.body.map((v: { version: number; aliases: string[] }) => [v.version, v.aliases])).toEqual([[1, []], [2, ["production"]]]);
    expect(versions.body[1].estimator).toMatchObject({ class: "sklearn.linear_model._ridge.Ridge", servable: true });

    // A threshold the retrained model cannot meet: version 3 stays a candidate.
    await fastPath.request("PATCH", `/model/${modelId}`, { headers, body: json({ modelperformance: [{ metric: "R2", order: 1, threshold: 0.99 }] }) });
    const second = await train(modelId);
    expect(second.body).toMatchObject({ status: "succeeded", result_version: 3, promoted: false });
    expect(second.body.log).toMatch(/R2 0\.\d+ ≥ 0\.99: not met/);
    const after = await fastPath.request("GET", `/model/${modelId}/versions`, { headers });
    expect(after.body.map((v: { aliases: string[] }) => v.aliases)).toEqual([[], ["production"], ["candidate"]]);
  });

  it("fails a script that loops forever at the wall-clock limit", { timeout: 60_000 }, async () => {
    process.env.CRUCIBLE_TRAINING_TIMEOUT_SECONDS = "2";
    try {
      const done = await train(await makeModel(scriptFile("loop_forever.py")));
      expect(done.body).toMatchObject({ status: "failed", result_version: null, promoted: false, reason: "The script was killed at the wall-clock limit of 2 s" });
    } finally {
      delete process.env.CRUCIBLE_TRAINING_TIMEOUT_SECONDS;
    }
  });

  it("fails a script that opens a network connection, and nothing reaches the network", { timeout: 60_000 }, async () => {
    const script = scriptFile("open_network.py");
    const done = await train(await makeModel({ ...script, text: script.text.replace("__TARGET__", target) }));
    expect(done.body.status).toBe("failed");
    // The sandbox's 127.0.0.1 is its own loopback, where nothing listens.
    expect(done.body.reason).toMatch(/^The script exited with status 1: ConnectionRefusedError: /);
    expect(requestsSeen).toBe(0);
  });

  it("refuses a model.pkl the safe reader rejects: no new version", { timeout: 60_000 }, async () => {
    const hostile = `import os, pickle
class Payload:
    def __reduce__(self):
        return (os.system, ("echo owned",))
with open(os.path.join(os.environ["CRUCIBLE_OUTPUT"], "model.pkl"), "wb") as f:
    pickle.dump(Payload(), f)
`;
    const modelId = await makeModel({ name: "hostile.py", text: hostile });
    const done = await train(modelId);
    expect(done.body).toMatchObject({ status: "failed", result_version: null });
    expect(done.body.reason).toMatch(/^The model.pkl the script wrote was refused: .*posix\.system/);
    expect((await fastPath.request("GET", `/model/${modelId}/versions`, { headers })).body).toHaveLength(1);
  });

  it("fails with the install command when Python 3 is missing", { timeout: 60_000 }, async () => {
    process.env.CRUCIBLE_PYTHON = "/nonexistent/python3";
    try {
      const done = await train(await makeModel(scriptFile("retrain_ridge.py")));
      expect(done.body.status).toBe("failed");
      expect(done.body.reason).toContain("Python 3 was not found at /nonexistent/python3");
      expect(done.body.reason).toContain("apt-get install -y python3-sklearn");
    } finally {
      delete process.env.CRUCIBLE_PYTHON;
    }
  });

  it("lists the account's jobs newest first with skip and limit", { timeout: 60_000 }, async () => {
    const all = await fastPath.request("GET", "/mltraining/all", { headers });
    expect(all.status).toBe(200);
    expect(all.body.length).toBeGreaterThanOrEqual(4);
    const times = all.body.map((j: { created_at: string }) => Date.parse(j.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const page = await fastPath.request("GET", "/mltraining/all?skip=1&limit=2", { headers });
    expect(page.body.map((j: { job_id: string }) => j.job_id)).toEqual(all.body.slice(1, 3).map((j: { job_id: string }) => j.job_id));
    expect((await fastPath.request("GET", "/mltraining/all", { headers: otherHeaders })).body).toEqual([]);
  });
});

describe.each([nextClient, fastPath].map((c) => [c.name, c] as const))("training API errors through the %s", (_name, client: AdapterClient) => {
  it("answers 404 for another account's model or job, 401 without a key", async () => {
    const modelId = await makeModel(scriptFile("retrain_ridge.py"));
    const foreign = await client.request("POST", "/mltraining/add", { headers: otherHeaders, body: json({ modelid: modelId, placement }) });
    expect(foreign).toMatchObject({ status: 404, body: { detail: "No model details found with that model_id" } });
    const mine = await client.request("POST", "/mltraining/add", { headers, body: json({ modelid: modelId, placement }) });
    expect(mine.status).toBe(201);
    expect((await client.request("GET", `/mltraining/${mine.body.job_id}`, { headers: otherHeaders })).status).toBe(404);
    expect((await client.request("GET", "/mltraining/not-a-uuid", { headers })).body).toEqual({ detail: "Training job not found" });
    expect((await client.request("GET", "/mltraining/all")).status).toBe(401);
    // One job per model at a time, as the original implementation.
    const again = await client.request("POST", "/mltraining/add", { headers, body: json({ modelid: modelId, placement }) });
    expect(again.status).toBe(400);
    expect(again.body.detail).toMatch(/^ML model training instance is already running/);
    await finished(mine.body.job_id);
  }, 60_000);

  it("validates the body (422, every problem listed) and needs the code and data files", async () => {
    const bad = await client.request("POST", "/mltraining/add", { headers, body: json({ placement: { clusterID: 3 }, extra: 1 }) });
    expect(bad.status).toBe(422);
    const locs = bad.body.detail.map((d: { loc: string[] }) => d.loc.join("."));
    expect(locs).toEqual(expect.arrayContaining(["body.modelid", "body.placement.clusterID"]));
    expect(bad.body.detail.some((d: { msg: string }) => d.msg.includes('"extra"'))).toBe(true);
    const created = await client.request("POST", "/model/add", { headers, body: json({ modelname: "bare", modelkind: "regression" }) });
    const noCode = await client.request("POST", "/mltraining/add", { headers, body: json({ modelid: created.body.modelid, placement }) });
    expect(noCode).toMatchObject({ status: 400, body: { detail: expect.stringContaining("no code file") } });
  });
});
