import { describe, expect, it } from "vitest";
import { literal, renderSnippet, snippetOperation } from "./api-snippets";
import { openApiDocument } from "./openapi";
import { apiRouter } from "./routes";

const description = openApiDocument(apiRouter.list());

describe("snippets from the OpenAPI description", () => {
  it("take the method, path, key headers and header parameters of the operation", () => {
    expect(snippetOperation(description, "POST", "/train")).toEqual({
      method: "POST",
      path: "/train",
      auth: [
        { scheme: "loopsKey", header: "X-api-key", prefix: "" },
        { scheme: "loopsUser", header: "X-username", prefix: "" },
      ],
      headers: ["x-loop-id"],
      json: true,
    });
    // The models family takes a key, a bearer token or Basic: the snippet asks for the bearer scheme.
    expect(snippetOperation(description, "POST", "/deployment/{deployment_id}/predict", "bearer").auth).toEqual([{ scheme: "bearer", header: "Authorization", prefix: "Bearer " }]);
    expect(snippetOperation(description, "POST", "/deployment/{deployment_id}/predict").auth).toEqual([{ scheme: "modelsKey", header: "X-api-key", prefix: "" }]);
    expect(snippetOperation(description, "GET", "/v1/requests/{request_id}", "heatKey")).toMatchObject({ auth: [{ header: "X-Heat-API-Key" }], json: false });
    expect(() => snippetOperation(description, "POST", "/nowhere")).toThrow(/no POST \/nowhere/);
  });

  it("write a bearer key from the environment, path parameters encoded, the body's fields in their order", () => {
    const operation = snippetOperation(description, "POST", "/deployment/{deployment_id}/predict", "bearer");
    const call = { baseUrl: "https://c.example/", pathParams: { deployment_id: "dep 1" }, credentials: { bearer: { env: "MODELS_KEY" } }, body: { data: [5.1, 3.5], explain: true } };
    expect(renderSnippet("curl", operation, call)).toBe(
      `curl -X POST https://c.example/deployment/dep%201/predict \\\n  -H "Authorization: Bearer $MODELS_KEY" \\\n  -H "Content-Type: application/json" \\\n  -d '{"data":[5.1,3.5],"explain":true}'`,
    );
    const python = renderSnippet("python", operation, call);
    expect(python).toContain(`"Authorization": f"Bearer {os.environ['MODELS_KEY']}",`);
    expect(python).toContain('body = {"data": [5.1, 3.5], "explain": True}');
    const typescript = renderSnippet("typescript", operation, call);
    expect(typescript).toContain('"Authorization": `Bearer ${process.env.MODELS_KEY}`,');
    expect(typescript).toContain('const res = await fetch("https://c.example/deployment/dep%201/predict", {\n  method: "POST",');
    expect(literal({ z: 1, a: 2 }, false)).toBe('{"z":1,"a":2}');
  });

  it("write a GET without a body, and refuse a call missing a key", () => {
    const operation = snippetOperation(description, "GET", "/v1/requests/{request_id}", "heatKey");
    const call = { baseUrl: "https://c.example", pathParams: { request_id: "r1" }, credentials: { heatKey: { env: "TASKS_KEY" } } };
    expect(renderSnippet("curl", operation, call)).toBe('curl -X GET https://c.example/v1/requests/r1 \\\n  -H "X-Heat-API-Key: $TASKS_KEY"');
    expect(renderSnippet("python", operation, call)).toContain('res = requests.get("https://c.example/v1/requests/r1", headers=headers)');
    expect(renderSnippet("typescript", operation, call)).not.toContain("body");
    expect(() => renderSnippet("curl", operation, { ...call, credentials: {} })).toThrow(/heatKey/);
  });
});
