import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAccount, makeKey } from "@/lib/auth/testing";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { expected, fixture, IRIS_FEATURES, irisMeansCsv, irisMetadata, multipartBody, registerModel, settledStatus, type KeyHeaders } from "./testing";

process.env.CRUCIBLE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "crucible-deployments-"));

const clients = await adapterClients(apiRouter);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

const json = (value: unknown) => JSON.stringify(value);
const logreg = expected.models.logreg_multinomial!;
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe.each(clients.map((c) => [c.name, c] as const))("deployments API through the %s", (_name, client: AdapterClient) => {
  let headers: KeyHeaders;
  let other: KeyHeaders;
  let irisModel: string;

  beforeAll(async () => {
    headers = { "X-api-key": await makeKey((await makeAccount()).id, { scope: "models" }), "Content-Type": "application/json" };
    other = { "X-api-key": await makeKey((await makeAccount()).id, { scope: "models" }), "Content-Type": "application/json" };
    irisModel = await registerModel(client, headers, irisMetadata, [
      { bytes: fixture(logreg.files.protocol4!), name: "iris_logreg.pkl", kind: "model" },
      { bytes: irisMeansCsv(), name: "iris.csv", kind: "data" },
    ]);
  });

  const deploy = (body: object, as: KeyHeaders = headers) => client.request("POST", "/deployment/add", { headers: as, body: json(body) });
  const predict = (id: string, body: string, as: KeyHeaders = headers) => client.request("POST", `/deployment/${id}/predict`, { headers: as, body });

  it("runs the document's iris example: deploy, status, predict with explain", async () => {
    const created = await deploy({ modelid: irisModel, ownerid: "agent-1", placement: { clusterID: "*", node: "*", continuum: true }, deployment_id: "dep-iris-001", inference_data: 1 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      deployment_id: "dep-iris-001",
      modelid: irisModel,
      version: 1,
      // No version asked for: it follows production, which the model's latest version became.
      version_ref: "production",
      ownerid: "agent-1",
      placement: { clusterID: "*", node: "*", continuum: true },
      inference_data: 1,
      status: "pending",
      reason: null,
      inference_endpoint: expect.stringMatching(/\/deployment\/dep-iris-001\/predict$/),
    });
    expect(await settledStatus(client, headers, "dep-iris-001")).toMatchObject({ status: "deployed", reason: null });

    const res = await client.request("POST", "/deployment/dep-iris-001/predict/", { headers, body: json({ data: [5.1, 3.5, 1.4, 0.2], explain: true }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-model-version")).toBe("1");
    expect(res.body).toMatchObject({
      prediction: [0],
      classes: [0, 1, 2],
      explanation: { method: "shap", features: IRIS_FEATURES, algorithm: "linear", exact: true, explained_output: "decision_function[class=0]", background: "data_file", row: 0 },
    });
    const { explanation, probabilities } = res.body;
    expect(probabilities[0].every((p: number, k: number) => close(p, logreg.predict_proba![0]![k]!))).toBe(true);
    // Exact linear SHAP against the training mean, as the fixture's reference values.
    const reference = (logreg.shap!.values as number[][][])[0]![0]!;
    expect(explanation.feature_importance).toHaveLength(4);
    explanation.feature_importance.forEach((phi: number, j: number) => expect(close(phi, reference[j]!), `φ${j}`).toBe(true));
    expect(explanation.residual).toBeLessThanOrEqual(1e-9);
    const total = explanation.base_value + explanation.feature_importance.reduce((s: number, v: number) => s + v, 0);
    expect(Math.abs(total - explanation.value)).toBeLessThanOrEqual(1e-9);

    // The document's curl body writes the row as a Python tuple: not JSON, so 400 saying what to send.
    const tuple = await predict("dep-iris-001", '{\n"data": (5.1, 3.5, 1.4, 0.2),\n"explain": true\n}');
    expect(tuple.status).toBe(400);
    expect(tuple.body.detail).toMatch(/JSON array/);
  });

  it("accepts rows, named rows, the original flag, and answers misfits with 422", async () => {
    await deploy({ modelid: irisModel, deployment_id: "dep-shapes" });
    await settledStatus(client, headers, "dep-shapes");
    const many = await predict("dep-shapes", json({ data: logreg.X }));
    expect(many.status).toBe(200);
    expect(many.body.prediction).toEqual(logreg.predict);
    expect(many.body.explanation).toBeUndefined();
    const named = Object.fromEntries(IRIS_FEATURES.map((f, j) => [f, logreg.X[3]![j]]));
    const byName = await predict("dep-shapes", json({ data: named, explanation: true }));
    expect(byName.body.prediction).toEqual([1]);
    expect(byName.body.explanation.explained_output).toBe("decision_function[class=1]");
    // The MLConnector's inference-container contract: one named row in, numpy's str() of the prediction out.
    const container = await client.request("POST", "/deployment/dep-shapes/prediction", { headers, body: json({ data: named, explanation: false }) });
    expect(container).toMatchObject({ status: 200, body: { inference: "[1]" } });
    expect(container.body).not.toHaveProperty("explanation");
    const explained = await client.request("POST", "/deployment/dep-shapes/prediction", { headers, body: json({ data: named, explanation: true }) });
    expect(explained.body).toMatchObject({ inference: "[1]", explanation: { method: "shap" } });
    expect((await client.request("POST", "/deployment/dep-nope/prediction", { headers, body: json({ data: named, explanation: false }) })).status).toBe(404);

    const width = await predict("dep-shapes", json({ data: [5.1, 3.5, 1.4], explain: true }));
    expect(width.status).toBe(422);
    expect(width.body.detail[0]).toMatchObject({ loc: ["body", "data"], type: "too_short" });
    expect(width.body.detail[0].msg).toMatch(/Expected 4 values/);
    const unknown = await predict("dep-shapes", json({ data: { ...named, colour: 1 } }));
    expect(unknown.body.detail.map((d: { loc: string[] }) => d.loc.join("."))).toEqual(["body.data.colour"]);
    const text = await predict("dep-shapes", json({ data: [5.1, "wide", 1.4, 0.2] }));
    expect(text.status).toBe(422);
    expect(text.body.detail[0]).toMatchObject({ loc: ["body", "data", 1], type: "float_parsing" });
    // data_link needs inference_data 1 (the server fetches URLs only for deployments that opt in).
    expect((await predict("dep-shapes", json({ data_link: "http://127.0.0.1:9/x.csv" }))).status).toBe(422);
  });

  it("follows its alias: moving `production` to a new version switches the deployment to it", async () => {
    const { body, contentType } = await multipartBody(fixture(logreg.files.protocol4!), "iris_logreg_v2.pkl", "model");
    const up = await client.request("POST", `/model/${irisModel}/upload`, { headers: { "X-api-key": headers["X-api-key"]!, "Content-Type": contentType }, body });
    const newVersion = up.body.version as number;
    await client.request("PUT", `/model/${irisModel}/aliases/live`, { headers, body: json({ version: 1 }) });
    const created = await deploy({ modelid: irisModel, alias: "live" });
    expect(created.body).toMatchObject({ version: 1, version_ref: "live" });
    await client.request("PUT", `/model/${irisModel}/aliases/live`, { headers, body: json({ version: newVersion }) });
    const status = await client.request("GET", `/deployment/get/status/${created.body.deployment_id}`, { headers });
    expect(status.body.version).toBe(newVersion);
    expect(await settledStatus(client, headers, created.body.deployment_id)).toMatchObject({ status: "deployed" });
    expect((await predict(created.body.deployment_id, json({ data: [5.1, 3.5, 1.4, 0.2] }))).body.prediction).toEqual([0]);
  });

  it("validates deployments: 409 duplicate id, generated ids, versions and aliases, failed without a model file", async () => {
    expect((await deploy({ modelid: irisModel, deployment_id: "dep-iris-001" })).status).toBe(409);
    const generated = await deploy({ modelid: irisModel, deployment_id: "", placement: { clusterID: "edge-1", node: "*", continuum: "false" } });
    expect(generated.status).toBe(201);
    expect(generated.body.deployment_id).toMatch(/^dep-[0-9a-f]{16}$/);
    expect(generated.body.placement).toEqual({ clusterID: "edge-1", node: "*", continuum: "false" });

    await client.request("PUT", `/model/${irisModel}/aliases/production`, { headers, body: json({ version: 1 }) });
    const byAlias = await deploy({ modelid: irisModel, alias: "production" });
    expect(byAlias.body).toMatchObject({ version: 1, version_ref: "production" });
    expect((await deploy({ modelid: irisModel, version: "production" })).body.version_ref).toBe("production");
    expect((await deploy({ modelid: irisModel, version: 7 })).body.detail[0]).toMatchObject({ loc: ["body", "version"] });
    expect((await deploy({ modelid: irisModel, alias: "nope" })).status).toBe(422);
    expect((await deploy({ modelid: irisModel, version: 1, alias: "production" })).body.detail[0]).toMatchObject({ loc: ["body", "alias"] });
    // Placement parts default to anywhere.
    expect((await deploy({ modelid: irisModel, placement: { continuum: false } })).body.placement).toEqual({ clusterID: "*", node: "*", continuum: false });
    expect((await deploy({ modelid: irisModel })).body.placement).toEqual({ clusterID: "*", node: "*", continuum: "*" });
    expect((await deploy({ modelid: "00000000-0000-0000-0000-000000000000" })).status).toBe(404);

    const bad = await deploy({ modelid: irisModel, placement: { clusterID: 3, node: "*", continuum: [] }, inference_data: 2, deployment_id: "has space", colour: 1 });
    expect(bad.status).toBe(422);
    const locs = bad.body.detail.map((d: { loc: (string | number)[] }) => d.loc.join("."));
    for (const loc of ["body.placement.clusterID", "body.placement.continuum", "body.inference_data", "body.deployment_id"]) expect(locs).toContain(loc);
    expect((await deploy({ modelid: irisModel, deployment_id: "all" })).status).toBe(422);

    const empty = (await client.request("POST", "/model/add", { headers, body: json({ modelname: "empty", modelkind: "x" }) })).body.modelid;
    const failed = await deploy({ modelid: empty, deployment_id: "dep-empty" });
    expect(failed.status).toBe(201);
    expect(failed.body).toMatchObject({ status: "Deployment_Failed", version: null, reason: expect.stringMatching(/no model file/) });
    const refused = await predict("dep-empty", json({ data: [1] }));
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/no model file/);
  });

  it("fails a deployment whose model cannot be served, with the reason", async () => {
    const notAModel = await registerModel(client, headers, { modelname: "not a model", modelkind: "x" }, [
      { bytes: Buffer.from([0x80, 0x04, 0x7d, 0x94, 0x2e]), name: "dict.pkl", kind: "model" },
    ]);
    await deploy({ modelid: notAModel, deployment_id: "dep-dict" });
    const settled = await settledStatus(client, headers, "dep-dict");
    expect(settled).toMatchObject({ status: "Deployment_Failed", reason: expect.stringMatching(/not servable/) });
  });

  it("records every prediction and external operations; lists them by owner with skip/limit and a cursor", async () => {
    await deploy({ modelid: irisModel, ownerid: "agent-ops", deployment_id: "dep-ops" });
    await settledStatus(client, headers, "dep-ops");
    for (const row of logreg.X.slice(0, 3)) expect((await predict("dep-ops", json({ data: row, explain: true }))).status).toBe(200);
    const external = await client.request("POST", "/deployment/add/operation", {
      headers,
      body: json({ ownerid: "agent-ops", deploymentid: "dep-ops", modelid: irisModel, data: "{...}", result: "{...}" }),
    });
    expect(external.status).toBe(201);
    expect(external.body).toMatchObject({ ownerid: "agent-ops", deploymentid: "dep-ops", modelid: irisModel, data: "{...}", result: "{...}", source: "external" });
    expect((await client.request("POST", "/deployment/add/operation", { headers, body: json({ deploymentid: "dep-nope", data: "x" }) })).status).toBe(404);

    // What the MLConnector's generated inference container posts after each prediction (its
    // generate_dockerfile.py template), byte for byte; it sends no key header, so the key rides in its
    // base URL (https://<key>@host), which HTTP clients send as Basic.
    const template = {
      ownerid: "agent-ops",
      deploymentid: "dep-ops",
      modelid: irisModel,
      data: "{'sepal_length': 5.1, 'sepal_width': 3.5, 'petal_length': 1.4, 'petal_width': 0.2}",
      result: "[0]",
      timestamp: "2026-12-07T10:00:00.123Z",
    };
    const basicAuth = { "content-type": "application/json", accept: "application/json", authorization: `Basic ${Buffer.from(`${headers["X-api-key"]}:`).toString("base64")}` };
    const reported = await client.request("POST", "/deployment/add/operation", { headers: basicAuth, body: json(template) });
    expect(reported.status).toBe(201);
    expect(reported.body).toMatchObject({ ...template, timestamp: "2026-12-07T10:00:00.123+00:00" });
    expect(reported.body.operationid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Text that looks like JSON comes back as the text that was sent.
    const texts = await client.request("POST", "/deployment/add/operation", { headers, body: json({ ownerid: "agent-texts", deploymentid: "dep-ops", data: "[159.84]", result: "5" }) });
    expect(texts.body).toMatchObject({ data: "[159.84]", result: "5" });
    const naive = await client.request("POST", "/deployment/add/operation", { headers, body: json({ ownerid: "agent-texts", deploymentid: "dep-ops", data: "true", result: "true", timestamp: "2026-12-07T11:00:00" }) });
    expect(naive.body).toMatchObject({ data: "true", result: "true", timestamp: "2026-12-07T11:00:00.000+00:00" });
    const listed = await client.request("GET", "/deployment/get/opos/agent-texts", { headers });
    expect(listed.body.map((o: { data: unknown; result: unknown }) => [o.data, o.result])).toEqual([["true", "true"], ["[159.84]", "5"]]);
    expect(listed.body[1].operationid).toBe(texts.body.operationid);
    const badTime = await client.request("POST", "/deployment/add/operation", { headers, body: json({ deploymentid: "dep-ops", data: "x", timestamp: "yesterday" }) });
    expect(badTime.status).toBe(422);
    expect(badTime.body.detail[0].loc).toEqual(["body", "timestamp"]);

    const all = await client.request("GET", "/deployment/get/opos/agent-ops", { headers });
    expect(all.status).toBe(200);
    expect(all.body.map((o: { source: string }) => o.source)).toEqual(["external", "external", "predict", "predict", "predict"]);
    expect(all.body[2]).toMatchObject({
      deploymentid: "dep-ops",
      modelid: irisModel,
      data: { data: [logreg.X[2]], explain: true },
      result: { prediction: [0], classes: [0, 1, 2] },
      explanation: { method: "shap", feature_importance: expect.any(Array) },
      latency_ms: expect.any(Number),
    });
    const first = await client.request("GET", "/deployment/get/opos/agent-ops/?limit=2", { headers });
    expect(first.body).toHaveLength(2);
    const cursor = first.headers.get("x-next-cursor");
    expect(cursor).toBe(String(first.body[1].id));
    const next = await client.request("GET", `/deployment/get/opos/agent-ops?limit=2&cursor=${cursor}`, { headers });
    expect(next.body.map((o: { id: number }) => o.id)).toEqual(all.body.slice(2, 4).map((o: { id: number }) => o.id));
    expect((await client.request("GET", "/deployment/get/opos/agent-ops?skip=4", { headers })).body).toHaveLength(1);
  });

  it("lists newest first; DELETE moves a deployment, or a deployed model with its deployments, to the trash", async () => {
    const list = await client.request("GET", "/deployment/all?skip=0&limit=2", { headers });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    expect(new Date(list.body[0].created_at) >= new Date(list.body[1].created_at)).toBe(true);

    const model = await registerModel(client, headers, irisMetadata, [{ bytes: fixture(logreg.files.protocol2!), name: "m.pkl", kind: "model" }]);
    await deploy({ modelid: model, deployment_id: "dep-delete-me" });
    await deploy({ modelid: model, deployment_id: "dep-goes-with-model" });
    const removed = await client.request("DELETE", "/deployment/dep-delete-me/", { headers });
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ message: expect.stringMatching(/trash/), deployment_id: "dep-delete-me", deleted: true });
    expect((await client.request("GET", "/deployment/get/status/dep-delete-me", { headers })).status).toBe(404);
    expect((await predict("dep-delete-me", json({ data: [1, 2, 3, 4] }))).status).toBe(404);
    expect((await client.request("DELETE", "/deployment/dep-delete-me", { headers })).status).toBe(404);

    const trashed = await client.request("DELETE", `/model/${model}`, { headers });
    expect(trashed.status).toBe(200);
    expect(trashed.body).toEqual({ message: expect.stringMatching(/trash with its 1 deployment/), modelid: model, deleted: true, deployments: ["dep-goes-with-model"] });
    expect((await client.request("GET", "/deployment/get/status/dep-goes-with-model", { headers })).status).toBe(404);
    // Ids stay reserved while in the trash, and the refusal says so.
    const reused = await deploy({ modelid: irisModel, deployment_id: "dep-delete-me" });
    expect(reused.status).toBe(409);
    expect(reused.body.detail).toMatch(/in the trash.*reserved/);
  });

  it("gives another account's key 404 on every deployment route", async () => {
    const checks: [string, string, string?][] = [
      ["GET", "/deployment/get/status/dep-iris-001"],
      ["POST", "/deployment/dep-iris-001/predict", json({ data: [5.1, 3.5, 1.4, 0.2], explain: true })],
      ["DELETE", "/deployment/dep-iris-001"],
      ["POST", "/deployment/add/operation", json({ ownerid: "agent-1", deploymentid: "dep-iris-001", data: "{}" })],
      ["POST", "/deployment/add", json({ modelid: irisModel })],
    ];
    for (const [method, p, body] of checks) {
      const res = await client.request(method, p, { headers: other, ...(body ? { body } : {}) });
      expect(res.status, `${method} ${p}`).toBe(404);
      expect(res.body).toEqual({ detail: expect.any(String) });
    }
    expect((await client.request("GET", "/deployment/all", { headers: other })).body).toEqual([]);
    expect((await client.request("GET", "/deployment/get/opos/agent-1", { headers: other })).body).toEqual([]);
    expect((await client.request("GET", "/deployment/all", { headers: { "Content-Type": "application/json" } })).status).toBe(401);
    // Still there for its owner.
    expect((await client.request("GET", "/deployment/get/status/dep-iris-001", { headers })).body).toMatchObject({ status: "deployed", response: "deployed" });
  });
});
