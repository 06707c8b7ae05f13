import { z } from "zod";
import { afterAll, describe, expect, it } from "vitest";
import { defineRoute } from "./family";
import { loopsApi, modelsApi, platformApi, tasksApi } from "./families";
import { ApiRouter } from "./router";
import { adapterClients, type AdapterClient } from "./testing";

// The family wrapper's own guarantees, on routes made for the test: whatever goes wrong, the answer
// is a 4xx or 500 in the route's family's shape, never a bare 500 or a crash.

const open = { public: true } as const;
const router = new ApiRouter([
  defineRoute(loopsApi, { method: "POST", path: "/t/loops/:id", body: z.unknown(), ...open }, async ({ body }) => ({ status: 200, body: { echo: body } })),
  defineRoute(modelsApi, { method: "GET", path: "/t/models/unserialisable", ...open }, async () => ({ status: 200, body: { n: BigInt(1) } })),
  defineRoute(tasksApi, { method: "GET", path: "/t/tasks/throws", ...open }, async () => {
    throw new Error("boom");
  }),
  defineRoute(platformApi, { method: "GET", path: "/t/platform/:name", query: z.object({ q: z.string().optional() }) }, async ({ request }) => ({ status: 200, body: request.params })),
]);
const clients = await adapterClients(router);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe.each(clients.map((c) => [c.name, c] as const))("the family wrapper through the %s", (_name, client: AdapterClient) => {
  const post = (body: string) => client.request("POST", "/t/loops/1", { headers: { "content-type": "application/json" }, body });

  it("refuses NUL, lone surrogates, non-finite numbers and deep nesting before the handler, naming the place", async () => {
    const cases: [string, RegExp][] = [
      ['{"name": "a\\u0000b"}', /name: contains a NUL/],
      ['{"rows": [{"s": "\\ud800"}]}', /rows\.0\.s: contains a lone UTF-16 surrogate/],
      ['{"x": 1e309}', /x: is a number too large/],
      ['{"x": [-1e400]}', /x\.0: is a number too large/],
      ['{"ke\\u0000y": 1}', /the field name contains a NUL/],
      [`${"[".repeat(10_000)}${"]".repeat(10_000)}`, /deeper than 64 levels/],
      [`{"a": ${'{"b":'.repeat(65)}1${"}".repeat(65)}}`, /deeper than 64 levels/],
    ];
    for (const [body, message] of cases) {
      const response = await post(body);
      expect(response.status, body.slice(0, 40)).toBe(422);
      expect(response.body).toMatchObject({ status: "failed", errors: [expect.stringMatching(message)] });
    }
    expect((await post('{"fine": "text \\u00e9 \\ud83d\\ude00", "n": 1.5e308}')).status).toBe(200);
    expect((await post(`${"[".repeat(64)}${"]".repeat(64)}`)).status).toBe(200);
  });

  it("refuses NUL in path parameters and query values, and undecodable path segments, in the family's shape", async () => {
    expect(await client.request("GET", "/t/platform/a%00b")).toMatchObject({ status: 400, body: { error: "bad_request", message: expect.any(String) } });
    expect(await client.request("GET", "/t/platform/ok?q=%00")).toMatchObject({ status: 400, body: { error: "bad_request" } });
    expect(await client.request("GET", "/t/platform/%ED%A0%80")).toMatchObject({ status: 400, body: { message: expect.stringMatching(/not valid percent-encoded UTF-8/) } });
    expect(await client.request("POST", "/t/loops/%E0%A4%A", { headers: { "content-type": "application/json" }, body: "{}" })).toMatchObject({ status: 400, body: { status: "failed" } });
    expect(await client.request("GET", "/t/platform/caf%C3%A9")).toMatchObject({ status: 200, body: { name: "café" } });
  });

  it("answers a 500 in the family's shape when the handler throws or its answer cannot be serialised", async () => {
    expect(await client.request("GET", "/t/tasks/throws")).toMatchObject({ status: 500, body: { error: "internal_error", message: expect.stringMatching(/logged/) } });
    expect(await client.request("GET", "/t/models/unserialisable")).toMatchObject({ status: 500, body: { detail: expect.stringMatching(/logged/) } });
  });

  it("puts the security headers on every answer", async () => {
    const response = await client.request("GET", "/t/platform/x");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
  });
});
