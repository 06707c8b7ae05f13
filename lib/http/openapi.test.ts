import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, describe, expect, it } from "vitest";
import { DOCUMENTED_FAMILIES, isDocumented, openApiDocument, openApiPath } from "./openapi";
import { ROUTE_RESPONSE_DOCS, routeKey } from "./route-response-docs";
import { apiRouter } from "./routes";
import { adapterClients } from "./testing";

type Operation = { requestBody?: unknown; parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema: Record<string, unknown>; example?: unknown }>; headers?: Record<string, unknown> }> };
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> } };

const statuses = (op: Operation) => Object.keys(op.responses);

const clients = await adapterClients(apiRouter);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

async function expectValid(doc: unknown) {
  const result = await new Validator().validate(doc as Record<string, unknown>);
  expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).toEqual([]);
  expect(result.valid).toBe(true);
}

describe("the OpenAPI description", () => {
  it("is a valid OpenAPI 3.1 document, combined and per family", async () => {
    await expectValid(openApiDocument(apiRouter.list()));
    for (const family of DOCUMENTED_FAMILIES) await expectValid(openApiDocument(apiRouter.list(), { families: [family] }));
  });

  it("describes every public route the router serves, and nothing else", () => {
    const doc = openApiDocument(apiRouter.list()) as Doc;
    const served = apiRouter.list().filter(isDocumented).map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`).sort();
    const described = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`)).sort();
    expect(described).toEqual(served);
    expect(described).toContain("post /train");
    expect(described).toContain("post /deployment/add/operation");
    expect(described).toContain("get /v1/requests/{request_id}");
    expect(described.some((d) => d.includes(" /api/"))).toBe(false); // the dashboard's session routes are not public
  });

  it("takes bodies and query parameters from the schemas the handlers parse with", () => {
    const doc = openApiDocument(apiRouter.list()) as Doc;
    const add = doc.paths["/model/add"]!.post!.requestBody as { content: { "application/json": { schema: { properties: Record<string, { description?: string }> } } } };
    expect(add.content["application/json"].schema.properties.modelname!.description).toMatch(/name/);
    expect(doc.paths["/model/all"]!.get!.parameters!.map((p) => `${p.in}:${p.name}`)).toEqual(["query:skip", "query:limit"]);
    expect(doc.paths["/v1/requests/{request_id}"]!.get!.parameters!.map((p) => `${p.in}:${p.name}`)).toEqual(["path:request_id", "query:block"]);
    const upload = doc.paths["/model/{model_id}/upload"]!.post!.requestBody as { content: Record<string, unknown> };
    expect(Object.keys(upload.content)).toContain("multipart/form-data");
  });

  it("is served at /openapi.json through both adapters, whole or for one family", async () => {
    for (const client of clients) {
      const whole = await client.request("GET", "/openapi.json", {});
      expect(whole.status).toBe(200);
      expect(whole.body.openapi).toBe("3.1.0");
      const tasks = await client.request("GET", "/openapi.json?family=tasks", {});
      expect(Object.keys(tasks.body.paths).every((p: string) => p.startsWith("/v1/") || p === "/healthz/tasks")).toBe(true);
      expect((await client.request("GET", "/openapi.json?family=nope", {})).status).toBe(400);
    }
  });

  it("says what every route answers: each documented route has its answers, and each answer names a served route", () => {
    const documented = apiRouter.list().filter(isDocumented).map(routeKey).sort();
    expect(Object.keys(ROUTE_RESPONSE_DOCS).sort()).toEqual(documented);
    const doc = openApiDocument(apiRouter.list()) as Doc;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const codes = statuses(op);
        expect(codes.filter((c) => /^2\d\d$/.test(c)), `${method} ${path}`).toHaveLength(1);
        expect(codes.some((c) => c.includes("X")), `${method} ${path}: no generic ranges`).toBe(false);
        expect(codes, `${method} ${path}`).toContain("500");
      }
    }
  });

  it("gives the concrete success status and schema, and the errors each route can produce", () => {
    const doc = openApiDocument(apiRouter.list()) as Doc;
    const add = doc.paths["/model/add"]!.post!;
    expect(statuses(add)).toEqual(["201", "401", "403", "413", "422", "429", "500"]);
    expect(add.responses["201"]!.content!["application/json"]!.schema).toEqual({ $ref: "#/components/schemas/Model" });
    expect(add.responses["422"]!.content!["application/json"]!.schema).toEqual({ $ref: "#/components/schemas/ModelsError" });
    // Reading routes never answer 403 (a viewer key may read); a route of one model answers 404.
    expect(statuses(doc.paths["/model/{model_id}"]!.get!)).toEqual(["200", "401", "404", "422", "429", "500"]);
    expect(statuses(doc.paths["/model/{model_id}"]!.delete!)).toEqual(["200", "401", "403", "404", "422", "429", "500"]);
    expect(statuses(doc.paths["/train"]!.post!)).toEqual(["200", "400", "401", "403", "409", "413", "422", "429", "500", "503"]);
    expect(doc.paths["/train"]!.post!.responses["200"]!.content!["application/json"]!.schema).toEqual({ $ref: "#/components/schemas/TrainResult" });
    const create = doc.paths["/v1/requests/{type}"]!.post!;
    expect(statuses(create)).toEqual(["200", "400", "401", "403", "404", "413", "429", "500", "503"]);
    expect(create.responses["200"]!.content!["application/json"]!.example).toMatchObject({ status: "complete", response: ["no violence"], type: "multiple-choice" });
    expect(create.parameters!.map((p) => `${p.in}:${p.name}`)).toContain("header:Idempotency-Key");
    expect(statuses(doc.paths["/healthz"]!.get!)).toEqual(["200", "500", "503"]);
    const download = doc.paths["/model/{model_id}/files/{sha256}"]!.get!.responses["200"]!;
    expect(Object.keys(download.content!)).toEqual(["application/octet-stream"]);
    for (const name of ["Loop", "TrainResult", "PredictResult", "Model", "ModelFile", "Deployment", "Operation", "TrainingJob", "TaskRequest", "TaskRequestPage"]) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
    expect(Object.keys(doc.components.securitySchemes)).toEqual(["loopsKey", "loopsUser", "modelsKey", "bearer", "basic", "heatKey", "crunchKey"]);
  });

  it("holds only the components its families refer to", () => {
    const tasks = openApiDocument(apiRouter.list(), { families: ["tasks"] }) as Doc;
    expect(Object.keys(tasks.components.schemas).sort()).toEqual(["AbortResult", "KeyCheck", "TaskBatch", "TaskBatchPage", "TaskBatchWithRequests", "TaskRequest", "TaskRequestPage", "TasksError"]);
    const models = openApiDocument(apiRouter.list(), { families: ["models"] }) as Doc;
    expect(models.components.schemas.ModelFile).toBeDefined(); // through Model.files
    expect(models.components.schemas.TaskRequest).toBeUndefined();
  });
});
