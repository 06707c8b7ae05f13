import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CrucibleTasksClient, CrucibleTasksError } from "./client";
import { DOC_CREATE_EXAMPLES, DOC_REQUEST_ID, DOC_TEST_KEY } from "./testdata/doc-examples";

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}
type Reply = { status: number; body: string; contentType?: string };

let server: Server;
let baseUrl = "";
let seen: Seen[] = [];
let nextReply: Reply | null = null;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: text ? JSON.parse(text) : undefined });
      const reply = nextReply ?? { status: 200, body: JSON.stringify({ id: DOC_REQUEST_ID, status: "pending", type: "x" }) };
      res.writeHead(reply.status, { "content-type": reply.contentType ?? "application/json" });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
  nextReply = null;
});

const client = () => new CrucibleTasksClient({ baseUrl, apiKey: DOC_TEST_KEY });

describe("CrucibleTasksClient", () => {
  it("posts each document example to its type's path with the key header", async () => {
    const tasks = client();
    const byType: Record<string, (body: never) => Promise<unknown>> = {
      "multiple-choice": (b) => tasks.requestMultipleChoice(b),
      "free-text": (b) => tasks.requestFreeText(b),
      rating: (b) => tasks.requestRating(b),
      image: (b) => tasks.requestImage(b),
      video: (b) => tasks.requestVideo(b),
      audio: (b) => tasks.requestAudio(b),
      annotations: (b) => tasks.requestAnnotations(b),
      "annotations-with-multiple-choice": (b) => tasks.requestAnnotationsWithMultipleChoice(b),
      "annotations-with-free-text": (b) => tasks.requestAnnotationsWithFreeText(b),
      "annotations-with-rating": (b) => tasks.requestAnnotationsWithRating(b),
    };
    for (const example of DOC_CREATE_EXAMPLES) {
      await byType[example.type!]!(example.body as never);
      const request = seen.at(-1)!;
      expect(request).toMatchObject({ method: "POST", url: `/v1/requests/${example.type}`, body: example.body });
      expect(request.headers["x-heat-api-key"]).toBe(DOC_TEST_KEY);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["idempotency-key"]).toBeUndefined();
    }
    expect(new Set(DOC_CREATE_EXAMPLES.map((e) => e.type)).size).toBe(10);
  });

  it("sends block and Idempotency-Key on creation and returns the Request object", async () => {
    const created = await client().requestFreeText({ instruction: "Translate", attachments: ["hola"] }, { block: 30, idempotencyKey: "order-17" });
    expect(created).toEqual({ id: DOC_REQUEST_ID, status: "pending", type: "x" });
    expect(seen[0]).toMatchObject({ url: "/v1/requests/free-text?block=30", headers: { "idempotency-key": "order-17" } });
  });

  it("gets a request, optionally blocking, like heat.getRequest(id, block)", async () => {
    await client().getRequest(DOC_REQUEST_ID);
    await client().getRequest(DOC_REQUEST_ID, 30);
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ["GET", `/v1/requests/${DOC_REQUEST_ID}`, undefined],
      ["GET", `/v1/requests/${DOC_REQUEST_ID}?block=30`, undefined],
    ]);
    expect(seen[0]!.headers["content-type"]).toBeUndefined();
  });

  it("aborts at the document's /v1/tasks/abort path", async () => {
    nextReply = { status: 200, body: JSON.stringify({ success: true }) };
    expect(await client().abortRequest(DOC_REQUEST_ID)).toEqual({ success: true });
    expect(seen[0]).toMatchObject({ method: "POST", url: `/v1/tasks/abort/${DOC_REQUEST_ID}` });
  });

  it("lists requests with filters and a cursor", async () => {
    nextReply = { status: 200, body: JSON.stringify({ requests: [], next_cursor: null }) };
    expect(await client().listRequests({ status: "pending", type: "rating", cursor: "abc", limit: 10 })).toEqual({ requests: [], next_cursor: null });
    expect(seen[0]!.url).toBe("/v1/requests?status=pending&type=rating&cursor=abc&limit=10");
  });

  it("throws CrucibleTasksError with the tasks error shape", async () => {
    nextReply = {
      status: 400,
      body: JSON.stringify({ error: "bad_request", message: "The request has missing or malformed parameters.", errors: ["choices: Required."] }),
    };
    const failure = await client().requestMultipleChoice({ instruction: "x" } as never).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CrucibleTasksError);
    expect(failure).toMatchObject({ status: 400, error: "bad_request", message: "The request has missing or malformed parameters.", errors: ["choices: Required."] });
  });

  it("copes with error bodies that are not JSON", async () => {
    nextReply = { status: 503, body: "upstream down", contentType: "text/plain" };
    await expect(client().getRequest("x")).rejects.toMatchObject({ status: 503, error: "http_503", message: "upstream down", errors: [] });
  });

  it("treats 449 with a Request object as a pending answer", async () => {
    nextReply = { status: 449, body: JSON.stringify({ id: DOC_REQUEST_ID, status: "pending" }) };
    expect(await client().getRequest(DOC_REQUEST_ID, 5)).toEqual({ id: DOC_REQUEST_ID, status: "pending" });
    nextReply = { status: 449, body: JSON.stringify({ error: "pending", message: "Still pending." }) };
    await expect(client().getRequest(DOC_REQUEST_ID)).rejects.toMatchObject({ status: 449, error: "pending" });
  });

  it("escapes ids in paths", async () => {
    await client().getRequest("../admin?x=1");
    expect(seen[0]!.url).toBe("/v1/requests/..%2Fadmin%3Fx%3D1");
  });

  it("archives, lists batches and reads one by name", async () => {
    await client().archiveRequest(DOC_REQUEST_ID);
    await client().listBatches({ limit: 5 });
    await client().getBatch("survey 1/2", { limit: 10 });
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ["POST", `/v1/tasks/archive/${DOC_REQUEST_ID}`, {}],
      ["GET", "/v1/batch?limit=5", undefined],
      ["GET", "/v1/batch/survey%201%2F2?limit=10", undefined],
    ]);
  });
});
