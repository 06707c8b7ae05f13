import { Ajv2020 } from "ajv/dist/2020";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAccount, makeKey } from "@/lib/auth/testing";
import { openApiDocument } from "@/lib/http/openapi";
import { apiRouter } from "@/lib/http/routes";
import { liveServer } from "@/lib/http/testing";
import { expected, fixture, irisMeansCsv, irisMetadata } from "@/lib/models/deployments/testing";
import { DOC_CREATE_EXAMPLES } from "@/lib/tasks/testdata/doc-examples";
import { createLoopsClient, createModelsClient, createTasksClient } from "./src";

// The generated client against a real server: each family's main calls, and each answer checked
// against the schema the description gives it, so the description says what the handlers answer.

process.env.CRUCIBLE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "crucible-client-"));

let server: Awaited<ReturnType<typeof liveServer>>;
let account: Awaited<ReturnType<typeof makeAccount>>;
const keys = { loops: "", models: "", tasks: "", live: "" };

const doc = openApiDocument(apiRouter.list()) as { components: { schemas: Record<string, unknown> } };
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ $id: "crucible", components: doc.components });

/** Fails with the problems when `value` does not fit the named component. */
function expectFits(name: string, value: unknown) {
  const validate = ajv.compile({ $ref: `crucible#/components/schemas/${name}` });
  expect(validate(value), `${name}: ${JSON.stringify(validate.errors?.slice(0, 5))}`).toBe(true);
}

beforeAll(async () => {
  server = await liveServer(apiRouter);
  account = await makeAccount();
  keys.loops = await makeKey(account.id, { scope: "loops" });
  keys.models = await makeKey(account.id, { scope: "models" });
  keys.tasks = await makeKey(account.id, { scope: "tasks", mode: "test" });
  keys.live = await makeKey(account.id, { scope: "tasks" });
});
afterAll(() => server.close());

describe("the generated client against a live server", () => {
  it("loops: defines a loop, trains it and predicts", async () => {
    const loops = createLoopsClient({ baseUrl: `${server.baseUrl}/`, apiKey: keys.loops, username: account.username });
    const defined = await loops.POST("/definitions", {
      body: { name: "Churn", task_type: "classification", input_schema: { plan: "string", seats: "integer" }, output_schema: { churned: "boolean" } },
    });
    expect(defined.response.status).toBe(200);
    expectFits("Loop", defined.data);
    const loopId = defined.data!.loop_id;

    const loop = createLoopsClient({ baseUrl: server.baseUrl, apiKey: keys.loops, username: account.username, loopId });
    const rows = [
      { plan: "a", seats: 1, churned: true },
      { plan: "b", seats: 5, churned: false },
    ];
    const trained = await loop.POST("/train", { body: { data: rows } });
    expect(trained.response.status).toBe(200);
    expectFits("TrainResult", trained.data);
    expect(trained.data!.trained_samples).toBe(2);

    const predicted = await loop.POST("/predict", { body: { data: { plan: "a", seats: 2 } } });
    expect(predicted.response.status).toBe(200);
    expectFits("PredictResult", predicted.data);
    expect(predicted.data!.predictions[0]!.explanation.top_contributors.length).toBeGreaterThan(0);

    const model = await loop.GET("/definitions/{loop_id}/model", { params: { path: { loop_id: loopId } } });
    expectFits("LoopModel", model.data);
    const metrics = await loop.GET("/definitions/{loop_id}/metrics", { params: { path: { loop_id: loopId } } });
    expectFits("LoopMetrics", metrics.data);

    const undefinedLoop = await createLoopsClient({ baseUrl: server.baseUrl, apiKey: keys.loops, username: account.username, loopId: "nope" }).POST("/train", { body: { data: rows } });
    expect(undefinedLoop.response.status).toBe(401);
    expect(undefinedLoop.error).toMatchObject({ status: "failed", message: expect.any(String) });
  });

  it("models: adds a model and lists the workspace's models", async () => {
    const models = createModelsClient({ baseUrl: server.baseUrl, apiKey: keys.models });
    const added = await models.POST("/model/add", { body: { modelname: "Ridge", modelkind: "Regressor", modeltags: ["client"], featurelist: [{ feature_name: "age", type: "cont", kind: 0 }] } });
    expect(added.response.status).toBe(201);
    expectFits("Model", added.data);
    const listed = await models.GET("/model/all", { params: { query: { limit: 5 } } });
    expect(listed.response.status).toBe(200);
    expectFits("ModelList", listed.data);
    expect(listed.data!.map((m) => m.modelid)).toContain(added.data!.modelid);

    const one = await models.GET("/model/{model_id}", { params: { path: { model_id: added.data!.modelid } } });
    expectFits("Model", one.data);
    const missing = await models.GET("/model/{model_id}", { params: { path: { model_id: "no-such-model" } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toEqual({ detail: "Model not found" });
    const invalid = await models.POST("/model/add", { body: { modelname: "", modelkind: "x" } });
    expect(invalid.response.status).toBe(422);
    expect(Array.isArray(invalid.error!.detail)).toBe(true);
  });

  it("models: uploads files, deploys, predicts, records and lists operations, lists training jobs", async () => {
    const models = createModelsClient({ baseUrl: server.baseUrl, apiKey: keys.models });
    const added = await models.POST("/model/add", { body: irisMetadata as never });
    const modelId = added.data!.modelid;
    const upload = (bytes: Buffer, name: string, kind: string) => {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(bytes)]), name);
      form.append("file_kind", kind);
      return models.POST("/model/{model_id}/upload", { params: { path: { model_id: modelId } }, body: form as never, bodySerializer: (body) => body as unknown as FormData });
    };
    const stored = await upload(fixture(expected.models.logreg_multinomial!.files.protocol4!), "iris.pkl", "model");
    expect(stored.response.status).toBe(201);
    expectFits("ModelFile", stored.data);
    expect((await upload(irisMeansCsv(), "iris.csv", "data")).response.status).toBe(201);
    expectFits("ModelVersionList", (await models.GET("/model/{model_id}/versions", { params: { path: { model_id: modelId } } })).data);
    expectFits("ModelAlias", (await models.PUT("/model/{model_id}/aliases/{name}", { params: { path: { model_id: modelId, name: "production" } }, body: { version: 1 } })).data);

    const deployed = await models.POST("/deployment/add", { body: { modelid: modelId, ownerid: "client-test", deployment_id: "dep-client-1", inference_data: 0 } });
    expect(deployed.response.status).toBe(201);
    expectFits("Deployment", deployed.data);
    const params = { path: { deployment_id: "dep-client-1" } };
    let status = await models.GET("/deployment/get/status/{deployment_id}", { params });
    for (let i = 0; i < 200 && (status.data!.status === "pending" || status.data!.status === "under_deployment"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      status = await models.GET("/deployment/get/status/{deployment_id}", { params });
    }
    expectFits("DeploymentStatus", status.data);
    expect(status.data!.status).toBe("deployed");

    const predicted = await models.POST("/deployment/{deployment_id}/predict", { params, body: { data: [5.1, 3.5, 1.4, 0.2], explain: true } });
    expect(predicted.response.status).toBe(200);
    expectFits("DeploymentPrediction", predicted.data);
    const contained = await models.POST("/deployment/{deployment_id}/prediction", { params, body: { data: { "sepal length (cm)": 5.1, "sepal width (cm)": 3.5, "petal length (cm)": 1.4, "petal width (cm)": 0.2 } } });
    expectFits("ContainerPrediction", contained.data);
    const recorded = await models.POST("/deployment/add/operation", { body: { ownerid: "client-test", deploymentid: "dep-client-1", data: "[5.1, 3.5, 1.4, 0.2]", result: "[0]" } });
    expect(recorded.response.status).toBe(201);
    expectFits("Operation", recorded.data);
    await new Promise((resolve) => setTimeout(resolve, 300)); // served predictions are logged just after they answer
    const operations = await models.GET("/deployment/get/opos/{ownerid}", { params: { path: { ownerid: "client-test" } } });
    expectFits("OperationList", operations.data);
    expect(operations.data!.length).toBeGreaterThanOrEqual(1);
    expectFits("DeploymentList", (await models.GET("/deployment/all")).data);
    expectFits("KubernetesList", (await models.GET("/deployment/{deployment_id}/manifest", { params })).data);

    const noCode = await models.POST("/mltraining/add", { body: { modelid: modelId, placement: { clusterID: "*", node: "*", continuum: false } } });
    expect(noCode.response.status).toBe(400); // no training script uploaded: as the description says
    expectFits("TrainingJobList", (await models.GET("/mltraining/all")).data);
    const removed = await models.DELETE("/deployment/{deployment_id}", { params });
    expectFits("TrashedDeployment", removed.data);
    expect(removed.data).toMatchObject({ deployment_id: "dep-client-1", deleted: true });
    const trashed = await models.DELETE("/model/{model_id}", { params: { path: { model_id: modelId } } });
    expectFits("TrashedModel", trashed.data);
  });

  it("tasks: creates a request, gets it, lists and aborts", async () => {
    const tasks = createTasksClient({ baseUrl: server.baseUrl, apiKey: keys.tasks });
    const example = DOC_CREATE_EXAMPLES.find((e) => e.type === "free-text")!;
    const created = await tasks.POST("/v1/requests/{type}", {
      params: { path: { type: "free-text" }, header: { "Idempotency-Key": "client-order-1" } },
      body: example.body as { instruction: string },
    });
    expect(created.response.status).toBe(200);
    expectFits("TaskRequest", created.data);
    const again = await tasks.POST("/v1/requests/{type}", { params: { path: { type: "free-text" }, header: { "Idempotency-Key": "client-order-1" } }, body: example.body as { instruction: string } });
    expect(again.data!.id).toBe(created.data!.id);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");

    const got = await tasks.GET("/v1/requests/{request_id}", { params: { path: { request_id: created.data!.id }, query: { block: 10 } } }); // the test key's simulated crunchers answer meanwhile
    expect(got.response.status).toBe(200);
    expectFits("TaskRequest", got.data);
    expect(got.data).toMatchObject({ type: "free-text", status: "complete" });

    const page = await tasks.GET("/v1/requests", { params: { query: { limit: 10 } } });
    expect(page.response.status).toBe(200);
    expectFits("TaskRequestPage", page.data);
    expect(page.data!.requests.map((r) => r.id)).toContain(created.data!.id);

    const live = createTasksClient({ baseUrl: server.baseUrl, apiKey: keys.live });
    const pending = await live.POST("/v1/requests/{type}", { params: { path: { type: "free-text" } }, body: { instruction: "Say hi" } });
    expect(pending.data!.status).toBe("pending");
    const aborted = await live.POST("/v1/tasks/abort/{request_id}", { params: { path: { request_id: pending.data!.id } } });
    expect(aborted.data).toEqual({ success: true });
    const twice = await live.DELETE("/v1/requests/{request_id}", { params: { path: { request_id: pending.data!.id } } });
    expect(twice.response.status).toBe(409);
    expect(twice.error).toMatchObject({ error: "conflict" });

    const unknownType = await tasks.POST("/v1/requests/{type}", { params: { path: { type: "poem" } }, body: { instruction: "x" } });
    expect(unknownType.response.status).toBe(404);
    const bad = await tasks.POST("/v1/requests/{type}", { params: { path: { type: "multiple-choice" } }, body: { instruction: "no choices" } as never });
    expect(bad.response.status).toBe(400);
    expect(bad.error).toMatchObject({ error: "bad_request", errors: expect.any(Array) });
  });

  it("tasks: posts every example of the document to its type's path", async () => {
    const tasks = createTasksClient({ baseUrl: server.baseUrl, apiKey: keys.tasks });
    for (const example of DOC_CREATE_EXAMPLES) {
      const created = await tasks.POST("/v1/requests/{type}", { params: { path: { type: example.type! } }, body: example.body as { instruction: string } });
      expect(created.response.status, example.name).toBe(200);
      expect(created.data, example.name).toMatchObject({ type: example.type, ...example.body });
      expectFits("TaskRequest", created.data);
    }
  });

  it("tasks: archives a request and reads batches", async () => {
    const tasks = createTasksClient({ baseUrl: server.baseUrl, apiKey: keys.tasks });
    const batch = `client-batch-${Date.now()}`;
    const created = await tasks.POST("/v1/requests/{type}", { params: { path: { type: "free-text" } }, body: { instruction: "Name a colour", batch } as never });
    expect(created.response.status).toBe(200);
    const archived = await tasks.POST("/v1/tasks/archive/{request_id}", { params: { path: { request_id: created.data!.id } } });
    expect(archived.response.status).toBe(200);
    expectFits("TaskRequest", archived.data);
    expect(archived.data!.archived).toBe(true);
    const batches = await tasks.GET("/v1/batch", { params: { query: { limit: 10 } } });
    expectFits("TaskBatchPage", batches.data);
    expect(batches.data!.batches.map((b) => b.id)).toContain(batch);
    const one = await tasks.GET("/v1/batch/{batch_id}", { params: { path: { batch_id: batch } } });
    expectFits("TaskBatchWithRequests", one.data);
    expect(one.data!.tasks.map((t) => t.id)).toEqual([created.data!.id]);
    expect((await tasks.GET("/v1/batch/{batch_id}", { params: { path: { batch_id: "no-such-batch" } } })).response.status).toBe(404);
  });

  it("health: checks each family's key", async () => {
    const check = await createTasksClient({ baseUrl: server.baseUrl, apiKey: keys.tasks }).GET("/healthz/tasks");
    expectFits("KeyCheck", check.data);
    expect(check.data!.key.mode).toBe("test");
    const refused = await createTasksClient({ baseUrl: server.baseUrl, apiKey: "test_nope" }).GET("/healthz/tasks");
    expect(refused.response.status).toBe(401);
  });
});
