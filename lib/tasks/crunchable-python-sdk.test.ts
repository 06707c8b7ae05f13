import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAccount, makeKey } from "@/lib/auth/testing";
import { prepareIncomingRequest } from "@/lib/http/client-address";
import { nextRouteHandler } from "@/lib/http/next-adapter";
import { createFastPath } from "@/lib/http/node-adapter";
import { apiRouter } from "@/lib/http/routes";

// The Crunchable Python SDK 0.3's calls (testdata/crunchable_python_sdk.py reproduces its client
// with Python 3 and requests), run by python3 against both adapters: the fast path, and the Next
// route adapter behind a plain node:http server that hands it Web Requests as app/v1/[...path] does.

const SCRIPT = path.join(import.meta.dirname, "testdata", "crunchable_python_sdk.py");

interface Served {
  name: string;
  base: string;
  server: http.Server;
}

async function listen(name: string, server: http.Server): Promise<Served> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { name, server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function fastPathServer(): http.Server {
  const fastPath = createFastPath(apiRouter);
  return http.createServer((req, res) => {
    prepareIncomingRequest(req);
    if (!fastPath(req, res)) res.writeHead(404).end();
  });
}

function nextAdapterServer(): http.Server {
  const handler = nextRouteHandler(apiRouter);
  return http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const controller = new AbortController();
    res.on("close", () => controller.abort());
    const response = await handler(
      new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined, signal: controller.signal }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
}

function runSdk(base: string, testKey: string, liveKey: string, batch: string): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any -- the script's JSON
  return new Promise((resolve, reject) => {
    // Asynchronous: the servers answering the script run in this process.
    execFile("python3", [SCRIPT, base, testKey, liveKey, batch], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

let servers: Served[];
let testKey: string;
let liveKey: string;
beforeAll(async () => {
  servers = [await listen("fast path", fastPathServer()), await listen("next route adapter", nextAdapterServer())];
  const account = await makeAccount();
  testKey = await makeKey(account.id, { scope: "tasks", mode: "test" });
  liveKey = await makeKey(account.id, { scope: "tasks" });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.server.close(resolve))));
});

describe.each([0, 1])("the Crunchable Python SDK's calls, through server %i", (index) => {
  it("requests of every kind in a batch, wait_for_task, get_batches, get_batch, abort_task and archive_task", { timeout: 90_000 }, async () => {
    const { base } = servers[index]!;
    const batch = `sdk batch ${index}`;
    const seen = await runSdk(base, testKey, liveKey, batch);

    const created = seen.created as { id: string; type: string; responseTitles: string[] | null }[];
    expect(created.map((c) => c.type)).toEqual(["multiple-choice", "free-text", "annotations", "rating"]);
    expect(created.map((c) => c.responseTitles)).toEqual([["Sentiment"], null, ["Left eye", "Right eye"], null]);
    expect(seen.waited).toMatchObject({ status: "complete", response: [expect.stringMatching(/^(yes|no)$/)] });
    expect(seen.waited.seconds).toBeLessThan(10);
    expect(seen.get_task).toBe(created[1]!.id);

    // The live request aborted later also joined the batch, in the live space: not in the test key's batch.
    expect(seen.batch).toMatchObject({ id: batch, requests: 4, aborted: 0, created_at: expect.stringMatching(/\+00:00$/) });
    expect(seen.batch.pending + seen.batch.complete).toBe(4);
    expect(seen.batch_tasks).toEqual(created.map((c) => c.id).sort());

    expect(seen.abort).toEqual({ success: true });
    expect(seen.aborted_status).toBe("aborted");
    expect(seen.archive).toEqual({ archived: true, in_default_list: false, in_archived_list: true, get_task: { id: created[1]!.id, archived: true } });
    expect(seen.unknown_batch).toMatch(/^GET \/v1\/batch\/no-such-batch: 404/);
  });
});
