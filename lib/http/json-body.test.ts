import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { jsonValueProblem, MAX_JSON_DEPTH, parseJsonBody } from "./json-body";

const parse = (text: string) => parseJsonBody(Buffer.from(text, "utf8"), 422);

function refusal(text: string): { status: number; type?: string; path?: (string | number)[] } {
  try {
    parse(text);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const detail = error.details?.[0];
    return { status: error.status, type: detail?.type, path: detail?.path };
  }
  return { status: 200 };
}

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

describe("parseJsonBody", () => {
  it("refuses what cannot be stored, naming the place", () => {
    expect(refusal('{"a":["x\\u0000y"]}')).toEqual({ status: 422, type: "invalid_text", path: ["a", 0] });
    expect(refusal('{"k\\u0000":1}')).toEqual({ status: 422, type: "invalid_text", path: ["k\u0000"] });
    expect(refusal('{"a":"\\ud800"}')).toEqual({ status: 422, type: "invalid_text", path: ["a"] });
    expect(refusal('{"a":{"b":1e309}}')).toEqual({ status: 422, type: "non_finite_number", path: ["a", "b"] });
    expect(refusal(`{"a":${"9".repeat(320)}}`)).toEqual({ status: 422, type: "non_finite_number", path: ["a"] });
    expect(refusal(`{"a":-${"9".repeat(250)}e99}`)).toEqual({ status: 422, type: "non_finite_number", path: ["a"] });
  });

  it("refuses nesting deeper than the limit and accepts the limit itself", () => {
    expect(refusal(nested(MAX_JSON_DEPTH)).status).toBe(200);
    expect(refusal(nested(MAX_JSON_DEPTH + 1))).toMatchObject({ status: 422, type: "too_deep" });
    expect(refusal(`{"rows":[{"x":1},${nested(MAX_JSON_DEPTH - 1)}]}`)).toMatchObject({ status: 422, type: "too_deep" });
    expect(refusal(nested(100_000)).status).toBe(422);
  });

  it("accepts what only looks suspicious", () => {
    expect(parse('{"path":"C:\\\\users\\\\me","n":1.5e308,"e":"e999","big":1e-400}')).toEqual({ path: "C:\\users\\me", n: 1.5e308, e: "e999", big: 0 });
    expect(parse('{"a":"\\ud83d\\ude00","b":"\\u00e9"}')).toEqual({ a: "😀", b: "é" });
  });

  it("gives the full walk's answer on every body, whichever pass runs", () => {
    const bodies = [
      { data: Array.from({ length: 50 }, (_, i) => ({ x: i / 7, s: `row ${i}`, flag: i % 2 === 0, none: null })) },
      { data: [{ a: "ok\u0000" }] },
      { text: "\ud800" },
      JSON.parse(nested(MAX_JSON_DEPTH + 3)) as unknown,
      { long: "é".repeat(10_000), numbers: [1e300, -1e-300, 0] },
    ];
    for (const body of bodies) {
      const text = JSON.stringify(body);
      const expected = jsonValueProblem(JSON.parse(text));
      const outcome = refusal(text);
      if (expected) expect(outcome).toEqual({ status: 422, type: expected.type, path: expected.path });
      else expect(outcome.status).toBe(200);
    }
  });

  it("says an empty or malformed body is not JSON", () => {
    expect(refusal("  ").status).toBe(400);
    expect(refusal('{"a":').status).toBe(400);
    expect(refusal('{"a":"raw\u0000nul"}').status).toBe(400);
  });
});
