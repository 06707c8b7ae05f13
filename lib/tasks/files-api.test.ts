import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeAccount } from "@/lib/auth/testing";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { apiRouter } from "@/lib/http/routes";
import { createValidatedRequest } from "./create";
import { parseByteRange, readLimitedBody, storeTaskUpload, taskUploadLimit, type TaskUpload } from "./files-api";
import { getTaskFile } from "./files-store";
import { cruncherIdOf, leaseSpecificTask } from "./queue";
import { parseRequestBody, type RequestType } from "./request-types";


let clients: AdapterClient[];
beforeAll(async () => {
  clients = await adapterClients(apiRouter);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});
afterEach(() => {
  delete process.env.TASK_UPLOAD_LIMIT_BYTES;
});

/** A test-mode request (never offered to live crunchers) with one slot leased to a fresh cruncher. */
async function leasedMediaTask(type: RequestType = "image") {
  const owner = await makeAccount();
  const parsed = parseRequestBody(type, { instruction: "Draw a cat", attachments: ["a cat, please"] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { record } = await createValidatedRequest(getDb(), { accountId: owner.id, mode: "test", type, params: parsed.params, idempotencyKey: null, keyId: null });
  const cruncherId = cruncherIdOf((await makeAccount("cruncher")).id);
  const lease = await leaseSpecificTask(getDb(), record.id, cruncherId);
  if (!lease) throw new Error("no lease");
  return { owner, request: record, cruncherId, assignmentId: lease.assignmentId };
}

const PNG = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), randomBytes(64)]);
const upload = (task: { cruncherId: string; assignmentId: string }, extra: Partial<TaskUpload> = {}): TaskUpload => ({
  cruncherId: task.cruncherId,
  assignmentId: task.assignmentId,
  filename: "cat.png",
  contentType: "image/png",
  body: PNG,
  baseUrl: "http://crucible.test",
  ...extra,
});

describe("cruncher uploads", () => {
  it("stores the file under the requesting account and answers its absolute URL", async () => {
    const task = await leasedMediaTask();
    const outcome = await storeTaskUpload(getDb(), upload(task, { filename: "../../etc/cat.png" }));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.url).toBe(`http://crucible.test/v1/files/${outcome.file.id}`);
    expect(outcome.file).toMatchObject({ accountId: task.owner.id, requestId: task.request.id, cruncherId: task.cruncherId, filename: "cat.png", size: PNG.length });
    expect(await getTaskFile(getDb(), outcome.file.id)).toMatchObject({ sha256: outcome.file.sha256 });
  });

  it("is 413 over TASK_UPLOAD_LIMIT_BYTES, and reading a body stops at the limit", async () => {
    const task = await leasedMediaTask();
    process.env.TASK_UPLOAD_LIMIT_BYTES = "16";
    expect(taskUploadLimit()).toBe(16);
    expect(await storeTaskUpload(getDb(), upload(task))).toMatchObject({ ok: false, status: 413, message: expect.stringMatching(/limit of 16 bytes/) });
    const stream = (bytes: Buffer) => new Response(new Uint8Array(bytes)).body;
    expect(await readLimitedBody(stream(Buffer.alloc(17)), 16)).toBe("too-large");
    expect(await readLimitedBody(stream(Buffer.alloc(16, 1)), 16)).toEqual(Buffer.alloc(16, 1));
  });

  it("takes files only from the cruncher holding the slot, for media requests, of the requested kind", async () => {
    const task = await leasedMediaTask("audio");
    const stranger = cruncherIdOf((await makeAccount("cruncher")).id);
    expect(await storeTaskUpload(getDb(), upload({ ...task, cruncherId: stranger }))).toMatchObject({ ok: false, status: 404 });
    expect(await storeTaskUpload(getDb(), upload(task, { contentType: "image/png" }))).toMatchObject({ ok: false, status: 415, message: expect.stringMatching(/an audio file/) });
    expect(await storeTaskUpload(getDb(), upload(task, { contentType: "audio/mpeg" }))).toMatchObject({ ok: true });
    const text = await leasedMediaTask("free-text");
    expect(await storeTaskUpload(getDb(), upload(text))).toMatchObject({ ok: false, status: 409 });
  });

  it("parses byte ranges", () => {
    expect(parseByteRange(undefined, 10)).toBeNull();
    expect(parseByteRange("bytes=2-4", 10)).toEqual({ start: 2, end: 4 });
    expect(parseByteRange("bytes=5-", 10)).toEqual({ start: 5, end: 9 });
    expect(parseByteRange("bytes=-3", 10)).toEqual({ start: 7, end: 9 });
    expect(parseByteRange("bytes=0-99", 10)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange("bytes=10-", 10)).toBe("unsatisfiable");
  });
});

describe.each([0, 1])("GET /v1/files/{id} through adapter %i", (index) => {
  it("serves the bytes publicly with their type, sandboxed, with ranges; unknown ids are 404", async () => {
    const task = await leasedMediaTask();
    const outcome = await storeTaskUpload(getDb(), upload(task));
    if (!outcome.ok) throw new Error(outcome.message);
    const client = clients[index]!;
    const res = await client.request("GET", `/v1/files/${outcome.file.id}`);
    expect(res.status).toBe(200);
    expect(res.raw.equals(PNG)).toBe(true);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/sandbox/);
    const part = await client.request("GET", `/v1/files/${outcome.file.id}/`, { headers: { range: "bytes=0-7" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-7/${PNG.length}`);
    expect(part.raw.equals(PNG.subarray(0, 8))).toBe(true);
    expect((await client.request("GET", `/v1/files/${outcome.file.id}`, { headers: { range: "bytes=9999-" } })).status).toBe(416);
    for (const id of ["00000000-0000-4000-8000-000000000000", "nope"]) {
      const missing = await client.request("GET", `/v1/files/${id}`);
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ error: "not_found", message: "No file with this id exists." });
    }
  });
});
