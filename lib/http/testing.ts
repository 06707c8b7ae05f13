import http from "node:http";
import type { AddressInfo } from "node:net";
import { prepareIncomingRequest } from "./client-address";
import { nextRouteHandler } from "./next-adapter";
import { createFastPath } from "./node-adapter";
import type { ApiRouter } from "./router";

export interface TestResponse {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed JSON under test
  /** The body's bytes, for binary responses (downloads); body is then the text. */
  raw: Buffer;
}

export interface AdapterClient {
  name: string;
  request(method: string, path: string, init?: { headers?: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> }): Promise<TestResponse>;
  close(): Promise<void>;
}

async function toTestResponse(response: Response): Promise<TestResponse> {
  const raw = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get("content-type");
  const json = !type || (type.includes("json") && !type.includes("ndjson")); // JSON lines are text
  const text = raw.toString("utf8");
  return { status: response.status, headers: response.headers, body: text ? (json ? JSON.parse(text) : text) : undefined, raw };
}

/** The router behind a real node:http server on a free port, as server.ts serves it: for clients that take a base URL. */
export async function liveServer(router: ApiRouter, bodyLimit?: number): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const fastPath = createFastPath(router, bodyLimit);
  const server = http.createServer((req, res) => {
    prepareIncomingRequest(req); // as server.ts does: the client's address, forwarded headers dropped
    if (!fastPath(req, res)) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not_found", message: "not an API path" }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The same router behind both adapters, so one suite proves both: the Next route adapter (called
 * with a Web Request, as app/**\/route.ts does) and the fast path (a real node:http server).
 */
export async function adapterClients(router: ApiRouter, bodyLimit?: number): Promise<AdapterClient[]> {
  const nextHandler = nextRouteHandler(router, bodyLimit);
  const live = await liveServer(router, bodyLimit);
  const base = live.baseUrl;
  return [
    {
      name: "next route adapter",
      request: async (method, path, init = {}) =>
        toTestResponse(await nextHandler(new Request(`http://localhost${path}`, { method, headers: init.headers, body: init.body }))),
      close: async () => {},
    },
    {
      name: "fast path",
      request: async (method, path, init = {}) => toTestResponse(await fetch(`${base}${path}`, { method, headers: init.headers, body: init.body })),
      close: live.close,
    },
  ];
}
