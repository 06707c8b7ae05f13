import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAccount, makeKey } from "@/lib/auth/testing";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { apiRouter } from "@/lib/http/routes";
import { DOC_CREATE_EXAMPLES } from "./testdata/doc-examples";

// The calls of the Crunchable JavaScript SDK (npm `crunchable` 0.1.0, github crunchable/crunchablejs
// src/index.js — the Heat API's client before its rename), exactly as it makes them: its headers,
// its paths and methods, with only the base URL changed. The package itself is not on the registry
// this project installs from, so its requests are reproduced here call by call.
const SDK_HEADERS = (key: string) => ({ "X-Crunch-API-Key": key, Accept: "application/json", "Content-Type": "application/json; charset=UTF-8" });

/** The SDK's request methods and the paths they post to. */
const SDK_REQUESTS: [method: string, path: string][] = [
  ["requestMultipleChoice", "/v1/requests/multiple-choice"],
  ["requestFreeText", "/v1/requests/free-text"],
  ["requestRating", "/v1/requests/rating"],
  ["requestAudio", "/v1/requests/audio"],
  ["requestAnnotations", "/v1/requests/annotations"],
  ["requestAnnotationsWithMultipleChoice", "/v1/requests/annotations-with-multiple-choice"],
  ["requestAnnotationsWithFreeText", "/v1/requests/annotations-with-free-text"],
  ["requestAnnotationsWithRating", "/v1/requests/annotations-with-rating"],
];

let clients: AdapterClient[];
let testKey: string;
let liveKey: string;
beforeAll(async () => {
  clients = await adapterClients(apiRouter);
  const account = await makeAccount();
  testKey = await makeKey(account.id, { scope: "tasks", mode: "test" });
  liveKey = await makeKey(account.id, { scope: "tasks" });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe.each([0, 1])("the Crunchable JavaScript SDK's calls, through adapter %i", (index) => {
  it("every request method, getRequest, waitForRequest's poll and abortRequest succeed", async () => {
    const client = clients[index]!;
    for (const [method, path] of SDK_REQUESTS) {
      const example = DOC_CREATE_EXAMPLES.find((e) => e.path.split("?")[0] === path);
      expect(example, `a document example for ${method}`).toBeDefined();
      const created = await client.request("POST", path, { headers: SDK_HEADERS(testKey), body: JSON.stringify(example!.body) });
      expect(created.status, method).toBe(200); // the SDK throws on anything but 2xx
      expect(created.body.id, method).toEqual(expect.any(String));
      // waitForRequest: getRequest until the status is not pending.
      const polled = await client.request("GET", `/v1/requests/${created.body.id}`, { headers: SDK_HEADERS(testKey) });
      expect(polled.status, method).toBe(200);
      expect(["pending", "complete"]).toContain(polled.body.status);
    }
    // abortRequest: DELETE on a live (pending) request.
    const live = await client.request("POST", "/v1/requests/free-text", { headers: SDK_HEADERS(liveKey), body: JSON.stringify({ instruction: "Say hi" }) });
    expect(live.body.status).toBe("pending");
    const aborted = await client.request("DELETE", `/v1/requests/${live.body.id}`, { headers: SDK_HEADERS(liveKey) });
    expect(aborted.status).toBe(200);
    expect((await client.request("GET", `/v1/requests/${live.body.id}`, { headers: SDK_HEADERS(liveKey) })).body.status).toBe("aborted");
  });
});

describe.each([0, 1])("the Crunchable Python SDK's tags, through adapter %i", (index) => {
  it("takes tags=[] on every request type, returns tags, and filters the list by one", async () => {
    const client = clients[index]!;
    const headers = { "X-Crunch-API-Key": testKey, "Content-Type": "application/json" };
    for (const example of DOC_CREATE_EXAMPLES) {
      const res = await client.request("POST", example.path, { headers, body: JSON.stringify({ ...(example.body as object), tags: [] }) });
      expect(res.status, example.name).toBe(200);
      expect(res.body.tags, example.name).toEqual([]);
    }
    const tag = `batch-${index}-${Date.now()}`;
    const tagged = await client.request("POST", "/v1/requests/free-text", { headers, body: JSON.stringify({ instruction: "Tagged", tags: [tag, tag, "other"] }) });
    expect(tagged.body.tags).toEqual([tag, "other"]);
    const listed = await client.request("GET", `/v1/requests?tag=${encodeURIComponent(tag)}`, { headers });
    expect(listed.body.requests.map((r: { id: string }) => r.id)).toEqual([tagged.body.id]);
    const tooMany = await client.request("POST", "/v1/requests/free-text", { headers, body: JSON.stringify({ instruction: "x", tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }) });
    expect(tooMany.status).toBe(400);
  });
});
