import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { defineRoute } from "./family";
import { platformApi } from "./families";
import { createFastPath } from "./node-adapter";
import { ApiRouter } from "./router";
import { adapterClients, type AdapterClient } from "./testing";

// Routes defined with streamBody get the body as a stream through both adapters; every other route
// keeps its buffered body.

const LIMIT = 256 * 1024;
let unreadCalls = 0;
const outcomes: string[] = [];

const router = new ApiRouter([
  defineRoute(platformApi, { method: "POST", path: "/stream", public: true, bodyLimit: () => LIMIT, streamBody: true }, async ({ request }) => {
    const hash = createHash("sha256");
    let size = 0;
    let chunks = 0;
    for await (const chunk of request.bodyStream!) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
      chunks++;
    }
    return { status: 200, body: { size, chunks, sha256: hash.digest("hex"), buffered: request.body.length } };
  }),
  defineRoute(platformApi, { method: "POST", path: "/unread", public: true, bodyLimit: () => LIMIT, streamBody: true }, async () => {
    unreadCalls++;
    return { status: 202, body: { read: false } };
  }),
  defineRoute(platformApi, { method: "POST", path: "/outcome", public: true, bodyLimit: () => LIMIT, streamBody: true }, async ({ request }) => {
    let size = 0;
    try {
      for await (const chunk of request.bodyStream!) size += (chunk as Buffer).length;
      outcomes.push(`ended after ${size}`);
    } catch (error) {
      outcomes.push(`failed after ${size}: ${(error as Error).message}`);
    }
    return { status: 200, body: {} };
  }),
  defineRoute(platformApi, { method: "POST", path: "/buffered", public: true }, async ({ request }) => ({
    status: 200,
    body: { size: request.body.length, stream: request.bodyStream !== undefined },
  })),
]);

const clients = await adapterClients(router);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe.each(clients.map((c) => [c.name, c] as const))("streamBody routes through the %s", (_name, client: AdapterClient) => {
  it("hands the handler the body as a stream, up to exactly the limit", async () => {
    const bytes = randomBytes(LIMIT);
    const res = await client.request("POST", "/stream", { body: bytes });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ size: LIMIT, sha256: sha(bytes), buffered: 0 });
    const empty = await client.request("POST", "/stream");
    expect(empty.body).toMatchObject({ size: 0, sha256: sha(new Uint8Array()) });
  });

  it("answers 413 in the family's shape one byte over the limit", async () => {
    const res = await client.request("POST", "/stream", { body: randomBytes(LIMIT + 1) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: "payload_too_large", message: `The request body is larger than the limit of ${LIMIT} bytes.` });
    expect((await client.request("POST", "/stream", { body: randomBytes(10) })).body).toMatchObject({ size: 10 });
  });

  it("lets a handler answer without reading, and the connection goes on", async () => {
    const before = unreadCalls;
    const res = await client.request("POST", "/unread", { body: randomBytes(LIMIT) });
    expect(res.status).toBe(202);
    expect(unreadCalls).toBe(before + 1);
    expect((await client.request("POST", "/stream", { body: randomBytes(1000) })).body).toMatchObject({ size: 1000 });
  });

  it("keeps other routes buffered", async () => {
    const res = await client.request("POST", "/buffered", { body: randomBytes(5000) });
    expect(res.body).toEqual({ size: 5000, stream: false });
  });
});

describe("streamBody on the fast path without a declared length", () => {
  it("answers 413 as soon as a chunked body passes the limit, and the server keeps serving", async () => {
    const fastPath = createFastPath(router);
    const server = http.createServer((req, res) => {
      if (!fastPath(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const chunked = (total: number) => {
        let sent = 0;
        return new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent >= total) return controller.close();
            const size = Math.min(16 * 1024, total - sent);
            sent += size;
            controller.enqueue(new Uint8Array(size).fill(sent % 251));
          },
        });
      };
      const post = (path: string, total: number) => fetch(`${base}${path}`, { method: "POST", body: chunked(total), duplex: "half" } as RequestInit);
      const fits = await post("/stream", LIMIT);
      expect(await fits.json()).toMatchObject({ size: LIMIT });
      const over = await post("/stream", 4 * LIMIT);
      expect(over.status).toBe(413);
      expect(over.headers.get("connection")).toBe("close");
      expect(await over.json()).toMatchObject({ error: "payload_too_large" });
      expect(await (await post("/stream", 100)).json()).toMatchObject({ size: 100 });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("ends the handler's read when the client goes away mid-body", async () => {
    const fastPath = createFastPath(router);
    const server = http.createServer((req, res) => {
      if (!fastPath(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const req = http.request({ host: "127.0.0.1", port, path: "/outcome", method: "POST", headers: { "content-length": "100000" } });
      req.on("error", () => {});
      req.write(Buffer.alloc(1000));
      const deadline = Date.now() + 10_000;
      while (!outcomes.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (Date.now() > deadline - 9_500) req.destroy();
      }
      expect(outcomes).toEqual([expect.stringMatching(/^failed after 1000: /)]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("refuses a streamBody route without a body limit of its own", () => {
    expect(() => defineRoute(platformApi, { method: "POST", path: "/x", public: true, streamBody: true }, async () => ({ status: 200 }))).toThrow(/bodyLimit/);
  });
});
