import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, describe, expect, it } from "vitest";
import { DOCUMENTED_FAMILIES, isDocumented, openApiDocument, openApiPath } from "./openapi";
import { apiRouter } from "./routes";
import { adapterClients } from "./testing";

type Doc = { paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { name: string; in: string }[] }>> };

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
});
