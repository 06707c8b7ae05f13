import { describe, expect, it } from "vitest";
import { snippetOperation, type SnippetLanguage } from "@/lib/http/api-snippets";
import { openApiDocument } from "@/lib/http/openapi";
import { apiRouter } from "@/lib/http/routes";
import { bodyOf, clientSnippet as snippetWith, LOOPS_KEY_VARIABLE, pythonLiteral, type SnippetCall, type SnippetInput } from "./client-snippets";

const description = openApiDocument(apiRouter.list(), { families: ["loops"] });
const clientSnippet = (language: SnippetLanguage, call: SnippetCall, input: SnippetInput) => snippetWith(language, call, input, snippetOperation(description, "POST", `/${call}`));

const input: SnippetInput = {
  baseUrl: "https://crucible.example",
  loopId: "loop-1",
  username: "lou",
  example: { plan: "a", seats: 1, active: true },
  output: { name: "churned", type: "boolean" },
};

describe("client snippets", () => {
  it("call /train/ with labelled rows and /predict/ with one row", () => {
    expect(bodyOf("train", input)).toEqual({ data: [{ plan: "a", seats: 1, active: true, churned: true }] });
    expect(bodyOf("predict", input)).toEqual({ data: { plan: "a", seats: 1, active: true } });
    for (const language of ["curl", "python", "typescript"] as const) {
      expect(clientSnippet(language, "train", input)).toContain("https://crucible.example/train/");
      expect(clientSnippet(language, "predict", input)).toContain("https://crucible.example/predict/");
    }
  });

  it("name the key the same way in every language", () => {
    for (const language of ["curl", "python", "typescript"] as const) {
      const code = clientSnippet(language, "predict", input);
      expect(code).toContain(LOOPS_KEY_VARIABLE);
      expect(code).not.toMatch(/LOOP_API_KEY/);
    }
  });

  it("write Python literals, not JSON, in Python", () => {
    expect(pythonLiteral({ a: true, b: null, c: [false, 1.5, "x"] }, false)).toBe('{"a": True, "b": None, "c": [False, 1.5, "x"]}');
    expect(clientSnippet("python", "predict", input)).toContain('body = {"data": {"plan": "a", "seats": 1, "active": True}}');
  });

  it("put thirty fields one a line, keeping their order", () => {
    const example = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`feature_${30 - i}`, i]));
    const code = clientSnippet("curl", "predict", { ...input, example });
    const lines = code.split("\n");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(80);
    expect(code.indexOf('"feature_30"')).toBeLessThan(code.indexOf('"feature_1"'));
    const python = clientSnippet("python", "train", { ...input, example });
    expect(python).toContain('        "feature_30": 0,\n');
    expect(python.split("\n").length).toBeGreaterThan(30);
  });

  it("quote a single quote inside the curl body", () => {
    expect(clientSnippet("curl", "predict", { ...input, example: { note: "it's" } })).toContain(`'{"data":{"note":"it'\\''s"}}'`);
  });

  it("write the operation as the description has it: method, path, the key headers of its scheme, x-loop-id", () => {
    const curl = clientSnippet("curl", "train", input);
    expect(curl.split(" \\\n")).toEqual([
      "curl -X POST https://crucible.example/train/",
      '  -H "X-api-key: $LOOPS_KEY"',
      '  -H "X-username: lou"',
      '  -H "x-loop-id: loop-1"',
      '  -H "Content-Type: application/json"',
      `  -d '{"data":[{"plan":"a","seats":1,"active":true,"churned":true}]}'`,
    ]);
    expect(clientSnippet("python", "predict", input)).toContain('res = requests.post("https://crucible.example/predict/", headers=headers, json=body)');
    expect(clientSnippet("typescript", "predict", input)).toContain('    "X-api-key": process.env.LOOPS_KEY!,\n    "X-username": "lou",\n    "x-loop-id": "loop-1",');
  });
});
