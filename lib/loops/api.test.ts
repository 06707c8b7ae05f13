import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeAccount, makeKey } from "@/lib/auth/testing";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { createLoop, getLoop } from "./store";

// The loops document's own examples, sent as a client written from it would send them.
const definition = {
  name: "Customer Recommendation Loop",
  task_type: "classification",
  input_schema: { user_id: "string", item_id: "string", rating: "integer", time_of_day: "integer" },
  output_schema: { recommendation: "string" },
};
const trainBatch = {
  data: [
    { user_id: "user_123", item_id: "item_456", rating: 5, time_of_day: 14, recommendation: "highly_recommended" },
    { user_id: "user_124", item_id: "item_789", rating: 2, time_of_day: 22, recommendation: "not_recommended" },
  ],
};
const predictBatch = {
  data: [
    { user_id: "user_123", item_id: "item_456", rating: 4, time_of_day: 15 },
    { user_id: "user_125", item_id: "item_999", rating: 3, time_of_day: 20 },
  ],
};

const clients = await adapterClients(apiRouter);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

let workspaceId: string;
let headers: Record<string, string>;
let otherHeaders: Record<string, string>;
beforeAll(async () => {
  const account = await makeAccount();
  workspaceId = account.id;
  headers = { "X-api-key": await makeKey(account.id, { scope: "loops" }), "X-username": account.username, "Content-Type": "application/json" };
  const other = await makeAccount();
  otherHeaders = { "X-api-key": await makeKey(other.id, { scope: "loops" }), "X-username": other.username, "Content-Type": "application/json" };
});

const json = (value: unknown) => JSON.stringify(value);

describe.each(clients.map((c) => [c.name, c] as const))("loops API through the %s", (_name, client: AdapterClient) => {
  async function define(body: unknown = definition, extra: Record<string, string> = {}) {
    return client.request("POST", "/definitions/", { headers: { ...headers, ...extra }, body: json(body) });
  }

  it("runs the document's definition, train and predict examples with the documented shapes", async () => {
    const created = await define();
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ ...definition, definition_id: expect.any(String), model_url: expect.stringMatching(/^https?:\/\/.+\/definitions\/.+\/model$/) });
    expect(created.body.loop_id).toBe(created.body.definition_id);
    expect(Number.isNaN(Date.parse(created.body.created_at))).toBe(false);
    const loop = { ...headers, "x-loop-id": created.body.loop_id };

    const trained = await client.request("POST", "/train/", { headers: loop, body: json(trainBatch) });
    expect(trained.status).toBe(200);
    expect(trained.body).toMatchObject({ status: "success", message: "Successfully trained 2 sample(s)", trained_samples: 2, failed_samples: 0, errors: [] });

    const predicted = await client.request("POST", "/predict/", { headers: loop, body: json(predictBatch) });
    expect(predicted.status).toBe(200);
    expect(predicted.body).toMatchObject({ status: "success", message: "Successfully predicted 2 sample(s)", failed_samples: 0, errors: [] });
    expect(predicted.body.predictions).toHaveLength(2);
    for (const p of predicted.body.predictions) {
      expect(["highly_recommended", "not_recommended"]).toContain(p.recommendation);
      expect(Object.keys(p)[0]).toBe("recommendation"); // the document's client reads the first key
      for (const c of p.explanation.top_contributors) {
        expect(c).toMatchObject({ feature: expect.any(String), contribution: expect.any(Number), weight: expect.any(Number) });
        expect(c).toHaveProperty("value");
      }
      expect(p.explanation).toMatchObject({ baseline: expect.any(Number), units: "centred_logit", status: "warming_up", model_version: 1 });
      expect(p.n_seen).toBe(2);
      expect(Object.keys(p.probabilities).sort()).toEqual(["highly_recommended", "not_recommended"]);
    }

    const model = await client.request("GET", new URL(created.body.model_url).pathname, { headers });
    expect(model.status).toBe(200);
    expect(model.body).toMatchObject({ loop_id: created.body.loop_id, n_seen: 2, model_version: 1, learner: expect.any(Object) });

    const metrics = await client.request("GET", `/definitions/${created.body.loop_id}/metrics`, { headers });
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatchObject({
      status: "success",
      loop_id: created.body.loop_id,
      task_type: "classification",
      n_seen: 2,
      model_version: 1,
      examples: { cumulative: 2, last_200: 2, last_1000: 2 },
      lift: { metric: "accuracy", last_200: { value: expect.any(Number), against: expect.any(String) } },
      alert: false,
      drift_events: { drift: 0, warning: 0 },
    });
    expect(Object.keys(metrics.body.metrics).slice(0, 3)).toEqual(["accuracy", "log_loss", "macro_f1"]);
    // Both examples were scored before they were learned: the first with no class known (wrong), the second against one class.
    expect(metrics.body.metrics.accuracy).toEqual({
      label: "Accuracy",
      better: "higher",
      model: { cumulative: 0, last_200: 0, last_1000: 0 },
      baselines: { majority_class: { cumulative: 0, last_200: 0, last_1000: 0 }, last_class: { cumulative: 0, last_200: 0, last_1000: 0 } },
    });
    expect(metrics.body.metrics.log_loss.model.cumulative).toBeCloseTo(34.538776394910684, 9);
  });

  it("learns the good rows of a batch and reports each bad one", async () => {
    const loop = { ...headers, "x-loop-id": (await define()).body.loop_id };
    const res = await client.request("POST", "/train", {
      headers: loop,
      body: json({ data: [trainBatch.data[0], { ...trainBatch.data[1], rating: "two" }, { user_id: "u" }, trainBatch.data[1]] }),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "success", trained_samples: 2, failed_samples: 2 });
    expect(res.body.errors.join("\n")).toMatch(/data\[1\]: rating/);
    expect(res.body.errors.join("\n")).toMatch(/data\[2\]: recommendation/);

    const allBad = await client.request("POST", "/train", { headers: loop, body: json({ data: { rating: 1.5 } }) });
    expect(allBad.status).toBe(422);
    expect(allBad.body).toMatchObject({ status: "failed", errors: expect.arrayContaining([expect.stringMatching(/^data: /)]) });
  });

  it("answers bad requests in the document's error shape", async () => {
    const bad = await define({ ...definition, input_schema: { rating: "decimal" }, output_schema: { a: "string", b: "string" } });
    expect(bad.status).toBe(422);
    expect(bad.body).toEqual({ status: "failed", message: expect.any(String), errors: expect.arrayContaining([expect.stringMatching(/decimal/), expect.stringMatching(/exactly one/)]) });

    expect((await define({ name: "only a name" })).status).toBe(400);
    expect((await client.request("POST", "/train/", { headers: { ...headers, "x-loop-id": "x" }, body: "{oops" })).status).toBe(400);
    const loopHeaders = { ...headers, "x-loop-id": (await define()).body.loop_id };
    for (const body of ["[]", "{}", '{"data":[]}', '{"data":null}']) {
      const res = await client.request("POST", "/train/", { headers: loopHeaders, body });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: "failed", message: expect.any(String), errors: [] });
    }
    expect((await client.request("POST", "/predict/", { headers: loopHeaders, body: json({ ...predictBatch, top_k: 0 }) })).status).toBe(422);
    const noLoop = await client.request("POST", "/predict/", { headers, body: json(predictBatch) });
    expect(noLoop.status).toBe(401);
    expect(noLoop.body.message).toMatch(/x-loop-id/);

    const mine = (await define()).body.loop_id;
    const theirs = await client.request("POST", "/predict/", { headers: { ...otherHeaders, "x-loop-id": mine }, body: json(predictBatch) });
    expect(theirs.status).toBe(401);
    const download = await client.request("GET", `/definitions/${mine}/model`, { headers: otherHeaders });
    expect(download.status).toBe(401);
    const metrics = await client.request("GET", `/definitions/${mine}/metrics`, { headers: otherHeaders });
    expect(metrics.status).toBe(401);
    expect(metrics.body).toMatchObject({ status: "failed", message: expect.stringMatching(/Invalid Loop ID/) });
  });

  it("defines a loop created in the dashboard, and a key bound to it acts on it only", async () => {
    const loop = await createLoop(getDb(), workspaceId, "from the dashboard");
    const boundKey = await makeKey(workspaceId, { scope: "loops", loopId: loop.id });
    const bound = { ...headers, "X-api-key": boundKey };
    expect((await client.request("GET", `/definitions/${loop.id}/metrics`, { headers: bound })).status).toBe(409); // not defined yet
    const res = await define(definition, { "X-api-key": boundKey });
    expect(res.status).toBe(200);
    expect(res.body.loop_id).toBe(loop.id);
    expect((await define(definition, { "X-api-key": boundKey })).status).toBe(409);
    expect((await client.request("POST", "/train/", { headers: bound, body: json(trainBatch) })).status).toBe(200);
    const elsewhere = (await define()).body.loop_id;
    expect((await client.request("POST", "/train/", { headers: { ...bound, "x-loop-id": elsewhere }, body: json(trainBatch) })).status).toBe(401);
    expect((await client.request("GET", `/definitions/${elsewhere}/metrics`, { headers: bound })).status).toBe(401);
    expect((await client.request("GET", `/definitions/${loop.id}/metrics`, { headers: bound })).body.examples.cumulative).toBe(2);
  });

  it("keeps the fields in the order they were defined, as stored and read back", async () => {
    const input_schema = { zeta: "float", a: "string", middle_name: "integer", b: "boolean", longer_field_name: "float", c: "float" };
    const res = await define({ ...definition, name: "ordered", input_schema });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.input_schema)).toEqual(Object.keys(input_schema));
    const stored = await getLoop(getDb(), workspaceId, res.body.loop_id);
    expect(Object.keys(stored!.inputSchema!)).toEqual(Object.keys(input_schema));
  });
});

describe("concurrent training", () => {
  it("loses no update: 20 parallel clients, n_seen is exact", async () => {
    const fast = clients[1]!;
    const created = await fast.request("POST", "/definitions", {
      headers,
      body: json({ name: "counter", task_type: "regression", input_schema: { x: "float" }, output_schema: { y: "float" } }),
    });
    const loop = { ...headers, "x-loop-id": created.body.loop_id };
    const perClient = 15;
    await Promise.all(
      Array.from({ length: 20 }, async (_, c) => {
        for (let i = 0; i < perClient; i++) {
          const x = c * perClient + i;
          const res = await fast.request("POST", "/train/", { headers: loop, body: json({ data: { x, y: 2 * x + 1 } }) });
          expect(res.status).toBe(200);
        }
      }),
    );
    const res = await fast.request("POST", "/predict/", { headers: loop, body: json({ data: { x: 1 } }) });
    expect(res.body.predictions[0].n_seen).toBe(20 * perClient);
    // Concurrent examples are committed in groups: one version per group, never more than one per example.
    expect(res.body.predictions[0].model_version).toBeGreaterThan(0);
    expect(res.body.predictions[0].model_version).toBeLessThanOrEqual(20 * perClient);
  }, 60_000);
});
