import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { getDb } from "@/db/client";
import { makeAccount, makeKey } from "@/lib/auth/testing";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { createFastPath } from "@/lib/http/node-adapter";
import { apiRouter } from "@/lib/http/routes";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { isDatabaseDown } from "./api";
import { blockedReaderCount } from "./completion-waiters";
import { cruncherIdOf, leaseSpecificTask } from "./queue";
import { resetRateLimits } from "./rate-limit";
import { submitAnswer } from "./submit-answer";
import { DOC_CREATE_EXAMPLES, DOC_MANAGEMENT_EXAMPLES } from "./testdata/doc-examples";
import { runInChildProcess } from "./testing/child-process";
import { webhookSecretFor } from "./webhook-secrets";
import { registerTaskWorkers } from "./workers";

let clients: AdapterClient[];
let testKey: string;
let liveKey: string;
let workspaceId: string;

const basic = (key: string) => ({ authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` });
const json = (key: string) => ({ "x-heat-api-key": key, "content-type": "application/json" });

beforeAll(async () => {
  process.env.CRUCIBLE_WEBHOOK_RETRY_BASE_MS = "100";
  process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE = "1"; // the webhook receivers below listen on loopback
  clients = await adapterClients(apiRouter);
  const account = await makeAccount();
  workspaceId = account.id;
  testKey = await makeKey(account.id, { scope: "tasks", mode: "test" });
  liveKey = await makeKey(account.id, { scope: "tasks" });
  await registerTaskWorkers(await getBoss());
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await stopBoss();
});

describe.each([0, 1])("tasks API through adapter %i", (index) => {
  const client = () => clients[index]!;

  it("answers every curl example of the document with a test key: complete", async () => {
    for (const example of DOC_CREATE_EXAMPLES) {
      const res = await client().request("POST", example.path, { headers: json(testKey), body: JSON.stringify(example.body) });
      expect(res.status, example.name).toBe(200);
      expect(res.body, example.name).toMatchObject({ status: "complete", type: example.type, instruction: (example.body as { instruction: string }).instruction });
      expect(res.body.response, example.name).not.toBeUndefined();
      // Media answers are absolute URLs on the host the request came in on, as the document shows them.
      if (["image", "video", "audio"].includes(example.type ?? "")) {
        expect(res.body.response, example.name).toMatch(/^https?:\/\/[^/]+\/v1\/simulated\//);
        const media = await client().request("GET", new URL(res.body.response as string).pathname, {});
        expect(media.status, example.name).toBe(200);
      }
      for (const management of DOC_MANAGEMENT_EXAMPLES.filter((m) => m.method === "GET")) {
        const got = await client().request("GET", management.path.replace("{request_id}", res.body.id), { headers: basic(testKey) });
        expect(got.status).toBe(200);
        expect(got.body).toMatchObject({ id: res.body.id, status: "complete" });
      }
    }
  });

  it("answers with a live key and block=0: pending, and abort works once", async () => {
    const example = DOC_CREATE_EXAMPLES[0]!;
    const res = await client().request("POST", example.path.replace("block=30", "block=0"), { headers: json(liveKey), body: JSON.stringify(example.body) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "pending", type: "multiple-choice", min_answers: 1, max_answers: 0 });
    expect(res.body).not.toHaveProperty("response");
    const abort = DOC_MANAGEMENT_EXAMPLES.find((m) => m.method === "POST")!;
    const path = abort.path.replace("{request_id}", res.body.id);
    expect(await client().request("POST", path, { headers: basic(liveKey) })).toMatchObject({ status: 200, body: { success: true } });
    const again = await client().request("POST", path, { headers: basic(liveKey) });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: "conflict" });
    // A test key never sees live requests.
    expect((await client().request("GET", `/v1/requests/${res.body.id}`, { headers: basic(testKey) })).status).toBe(404);
    // DELETE /v1/requests/{id}, the SDKs' abort, answers like the document's abort.
    const second = await client().request("POST", example.path.replace("block=30", "block=0"), { headers: json(liveKey), body: JSON.stringify(example.body) });
    expect(await client().request("DELETE", `/v1/requests/${second.body.id}`, { headers: basic(liveKey) })).toMatchObject({ status: 200, body: { success: true } });
    expect((await client().request("DELETE", `/v1/requests/${second.body.id}`, { headers: basic(liveKey) })).status).toBe(409);
    // The header of the API's clients before its rename works like X-Heat-API-Key.
    const crunch = await client().request("GET", `/v1/requests/${res.body.id}`, { headers: { "x-crunch-api-key": liveKey } });
    expect(crunch).toMatchObject({ status: 200, body: { id: res.body.id, status: "aborted" } });
  });

  it("lists every problem of a bad request in {error, message, errors}", async () => {
    const res = await client().request("POST", "/v1/requests/rating", {
      headers: json(testKey),
      body: JSON.stringify({ instruction: "", rating_min: 10, rating_max: 5, hook_url: "ftp://x" }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("bad_request");
    expect(res.body.errors.length).toBeGreaterThanOrEqual(2);
    expect((await client().request("POST", "/v1/requests/haiku", { headers: json(testKey), body: "{}" })).status).toBe(404);
    expect((await client().request("GET", "/v1/requests/x", { headers: basic("test_nope") })).status).toBe(401);
    expect((await client().request("GET", "/v1/requests/0f8fad5b-d9cb-469f-a165-70867728950e?block=-1", { headers: basic(testKey) })).status).toBe(400);
  });

  it("refuses a hook_url at a non-public IP address when the request is made, unless private targets are allowed", async () => {
    const send = (hook_url: string) => client().request("POST", "/v1/requests/free-text?block=0", { headers: json(liveKey), body: JSON.stringify({ instruction: "x", hook_url }) });
    delete process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE;
    try {
      for (const hook of ["http://127.0.0.1:9/hook", "http://2130706433/", "http://[::ffff:7f00:1]/", "http://169.254.169.254/", "http://10.0.0.1/"]) {
        const res = await send(hook);
        expect(res.status, hook).toBe(400);
        expect(res.body.errors, hook).toEqual([expect.stringMatching(/^hook_url: Must not be a private, loopback or link-local address/)]);
      }
      expect((await send("https://hooks.example.com/crucible")).status).toBe(200); // names are judged when resolved
    } finally {
      process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE = "1";
    }
    expect((await send("http://127.0.0.1:9/hook")).status).toBe(200);
  });
});

describe("tasks API behaviour", () => {
  it("returns the first request again for a repeated Idempotency-Key", async () => {
    const body = JSON.stringify(DOC_CREATE_EXAMPLES[0]!.body);
    const headers = { ...json(liveKey), "idempotency-key": `idem-${Date.now()}` };
    const first = await clients[0]!.request("POST", "/v1/requests/multiple-choice", { headers, body });
    const second = await clients[1]!.request("POST", "/v1/requests/multiple-choice", { headers, body });
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
  });

  it("pages through the account's requests newest first with a cursor", async () => {
    const other = await makeAccount();
    const key = await makeKey(other.id, { scope: "tasks" });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await clients[0]!.request("POST", "/v1/requests/free-text", { headers: json(key), body: JSON.stringify({ instruction: `q${i}` }) });
      ids.push(res.body.id);
    }
    const page1 = await clients[0]!.request("GET", "/v1/requests?limit=3", { headers: basic(key) });
    expect(page1.body.requests.map((r: { id: string }) => r.id)).toEqual(ids.slice(2).reverse());
    const page2 = await clients[0]!.request("GET", `/v1/requests?limit=3&cursor=${page1.body.next_cursor}`, { headers: basic(key) });
    expect(page2.body.requests.map((r: { id: string }) => r.id)).toEqual(ids.slice(0, 2).reverse());
    expect(page2.body.next_cursor).toBeNull();
    expect(page1.body.counts).toEqual({ pending: 5, complete: 0, aborted: 0 });
    // A cursor that no page handed out is an error, not silently the first page.
    const garbage = await clients[0]!.request("GET", "/v1/requests?cursor=garbage", { headers: basic(key) });
    expect(garbage).toMatchObject({ status: 400, body: { error: "bad_request", errors: [expect.stringMatching(/cursor/)] } });
  });

  it("answers 429 with Retry-After past the key's rate", async () => {
    process.env.CRUCIBLE_TASKS_RATE = "1";
    process.env.CRUCIBLE_TASKS_BURST = "2";
    resetRateLimits();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await clients[0]!.request("GET", "/v1/requests", { headers: basic(liveKey) })).status);
      expect(statuses).toEqual([200, 200, 429]);
      const limited = await clients[0]!.request("GET", "/v1/requests", { headers: basic(liveKey) });
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    } finally {
      delete process.env.CRUCIBLE_TASKS_RATE;
      delete process.env.CRUCIBLE_TASKS_BURST;
      resetRateLimits();
    }
  });

  it("majority 2 of 3: a reader blocked on ?block=30 returns within 100 ms of the deciding answer from another process", async () => {
    const example = DOC_CREATE_EXAMPLES.find((e) => (e.body as { confidence?: unknown }).confidence)!;
    const created = await clients[1]!.request("POST", "/v1/requests/multiple-choice", { headers: json(liveKey), body: JSON.stringify(example.body) });
    const id = created.body.id as string;
    const crunchers = await Promise.all([makeAccount("cruncher"), makeAccount("cruncher"), makeAccount("cruncher")]);
    const ids = crunchers.map((c) => cruncherIdOf(c.id));
    const leases = [];
    for (const cruncher of ids) {
      // Other suites share the queue; take this request's slot directly (leaseNextTask is tested in queue.test.ts).
      const lease = await leaseSpecificTask(getDb(), id, cruncher);
      expect(lease?.request.id).toBe(id);
      leases.push(lease!);
    }
    await submitAnswer(getDb(), ids[0]!, leases[0]!.assignmentId, ["no violence"]);
    await submitAnswer(getDb(), ids[1]!, leases[1]!.assignmentId, ["mild violence"]);
    const blocked = (async () => {
      const res = await clients[1]!.request("GET", `/v1/requests/${id}?block=30`, { headers: basic(liveKey) });
      return { res, returnedAt: Date.now() };
    })();
    await new Promise((r) => setTimeout(r, 300));
    expect(blockedReaderCount()).toBe(1);
    const child = JSON.parse(await runInChildProcess("lib/tasks/testing/answer-process.ts", [ids[2]!, leases[2]!.assignmentId, JSON.stringify(["no violence"])]));
    expect(child.outcome).toMatchObject({ ok: true, requestStatus: "complete" });
    const { res, returnedAt } = await blocked;
    expect(res.body).toMatchObject({ id, status: "complete", response: ["no violence"] });
    expect(Object.keys(res.body.raw_responses).sort()).toEqual([...ids].sort());
    expect(returnedAt - child.committedAt).toBeLessThan(100);
  });

  it("abort during a block: the blocked reader returns with the aborted status", async () => {
    const created = await clients[0]!.request("POST", "/v1/requests/free-text?block=0", { headers: json(liveKey), body: JSON.stringify({ instruction: "Abort me" }) });
    const blocked = clients[1]!.request("GET", `/v1/requests/${created.body.id}?block=30`, { headers: basic(liveKey) });
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await clients[0]!.request("POST", `/v1/tasks/abort/${created.body.id}`, { headers: basic(liveKey) });
    const res = await blocked;
    expect(res.body.status).toBe("aborted");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("releases a blocked reader when its client disconnects", async () => {
    const created = await clients[0]!.request("POST", "/v1/requests/free-text", { headers: json(liveKey), body: JSON.stringify({ instruction: "Disconnect" }) });
    const fastPath = createFastPath(apiRouter);
    const server = http.createServer((req, res) => void fastPath(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    try {
      const before = blockedReaderCount();
      const controller = new AbortController();
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/requests/${created.body.id}?block=30`;
      const pending = fetch(url, { headers: basic(liveKey), signal: controller.signal }).catch(() => null);
      await new Promise((r) => setTimeout(r, 300));
      expect(blockedReaderCount()).toBe(before + 1);
      controller.abort();
      await pending;
      const deadline = Date.now() + 2_000;
      while (blockedReaderCount() > before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(blockedReaderCount()).toBe(before);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("delivers a signed webhook on the 4th attempt after three failures", async () => {
    let attempts = 0;
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const receiver = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        attempts += 1;
        received.push({ headers: req.headers, body });
        res.writeHead(attempts <= 3 ? 500 : 204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", () => resolve()));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    try {
      const created = await clients[0]!.request("POST", "/v1/requests/multiple-choice?block=10", {
        headers: json(testKey),
        body: JSON.stringify({ ...DOC_CREATE_EXAMPLES[0]!.body, hook_url: url }),
      });
      expect(created.body.status).toBe("complete");
      const deadline = Date.now() + 20_000;
      while (attempts < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(attempts).toBe(4);
      const last = received[3]!;
      const secret = await webhookSecretFor(getDb(), workspaceId);
      const verified = new Webhook(secret).verify(last.body, last.headers as Record<string, string>) as { id: string; status: string };
      expect(verified).toMatchObject({ id: created.body.id, status: "complete" });
      expect(new Set(received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    } finally {
      receiver.close();
    }
  }, 30_000);
});

describe("database outages", () => {
  it("are recognised through the query wrapper's cause, so the API answers 503 rather than 500", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isDatabaseDown(refused)).toBe(true);
    expect(isDatabaseDown(new Error("Failed query: select 1", { cause: refused }))).toBe(true);
    expect(isDatabaseDown(new Error("Failed query: insert", { cause: Object.assign(new Error("duplicate key"), { code: "23505" }) }))).toBe(false);
    expect(isDatabaseDown(new Error("boom"))).toBe(false);
  });
});
