import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { joinWorkspace, makeAccount, sessionCookieFor } from "@/lib/auth/testing";
import { getBlobStore } from "@/lib/blobs/store";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { apiRouter } from "@/lib/http/routes";
import { createValidatedRequest } from "./create";
import { parseByteRange, readLimitedBody, storeTaskUpload, taskUploadLimit, type TaskUpload } from "./files-api";
import { getTaskFile } from "./files-store";
import { cruncherIdOf, leaseSpecificTask } from "./queue";
import { parseRequestBody, type RequestType } from "./request-types";


const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

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

/** A live request of a fresh workspace (offered to nobody else: no other test's cruncher is in it, and no simulator answers it) with one slot leased to a fresh cruncher. */
async function leasedMediaTask(type: RequestType = "image") {
  const owner = await makeAccount();
  const parsed = parseRequestBody(type, { instruction: "Draw a cat", attachments: ["a cat, please"] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { record } = await createValidatedRequest(getDb(), { workspaceId: owner.id, mode: "live", type, params: parsed.params, idempotencyKey: null, keyId: null });
  const cruncher = await makeAccount("cruncher");
  await joinWorkspace(owner.id, cruncher.id, "cruncher");
  const cruncherId = cruncherIdOf(cruncher.id);
  const lease = await leaseSpecificTask(getDb(), record.id, cruncherId);
  if (!lease) throw new Error("no lease");
  return { owner, request: record, cruncher, cruncherId, assignmentId: lease.assignmentId };
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
    expect(outcome.file).toMatchObject({ workspaceId: task.owner.id, requestId: task.request.id, cruncherId: task.cruncherId, filename: "cat.png", size: PNG.length });
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

describe.each([0, 1])("media larger than a blob chunk through adapter %i", (index) => {
  // 2.5 MiB of video: three stored chunks of at most 1 MiB.
  const VIDEO = randomBytes(2.5 * 1024 * 1024);
  const MiB = 1024 * 1024;

  it("streams the whole file and any range, across chunk boundaries", async () => {
    const task = await leasedMediaTask("video");
    const outcome = await storeTaskUpload(getDb(), upload(task, { filename: "clip.mp4", contentType: "video/mp4", body: Readable.from([VIDEO.subarray(0, 100), VIDEO.subarray(100)]) }));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.file.size).toBe(VIDEO.length);
    const client = clients[index]!;
    const whole = await client.request("GET", `/v1/files/${outcome.file.id}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-length")).toBe(String(VIDEO.length));
    expect(whole.raw.equals(VIDEO)).toBe(true);
    for (const [start, end] of [
      [MiB - 10, MiB + 9],
      [0, 2 * MiB],
      [2 * MiB - 1, 2 * MiB],
      [2 * MiB + 5, VIDEO.length - 1],
    ] as [number, number][]) {
      const part = await client.request("GET", `/v1/files/${outcome.file.id}`, { headers: { range: `bytes=${start}-${end}` } });
      expect(part.status).toBe(206);
      expect(part.headers.get("content-range")).toBe(`bytes ${start}-${end}/${VIDEO.length}`);
      expect(part.headers.get("content-length")).toBe(String(end - start + 1));
      expect(part.raw.equals(VIDEO.subarray(start, end + 1))).toBe(true);
    }
    const tail = await client.request("GET", `/v1/files/${outcome.file.id}`, { headers: { range: "bytes=-1000" } });
    expect(tail.raw.equals(VIDEO.subarray(VIDEO.length - 1000))).toBe(true);
  });

  it("a worker's upload is streamed into the store through its route", async () => {
    const task = await leasedMediaTask("video");
    const cookie = await sessionCookieFor(task.cruncher);
    const client = clients[index]!;
    const res = await client.request("POST", `/api/work/${task.assignmentId}/upload`, {
      headers: { cookie, "content-type": "video/mp4", "x-filename": "clip.mp4" },
      body: new Uint8Array(VIDEO),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ filename: "clip.mp4", size: VIDEO.length, contenttype: "video/mp4" });
    const served = await client.request("GET", new URL(res.body.url).pathname);
    expect(served.raw.equals(VIDEO)).toBe(true);

    process.env.TASK_UPLOAD_LIMIT_BYTES = String(2 * MiB);
    const other = randomBytes(2 * MiB + 1);
    const over = await client.request("POST", `/api/work/${task.assignmentId}/upload`, { headers: { cookie, "content-type": "video/mp4" }, body: new Uint8Array(other) });
    expect(over.status).toBe(413);
    expect(await getBlobStore().has(sha256(other))).toBe(false);
  });

  it("an upload over the limit, cut short or empty leaves no blob", async () => {
    const task = await leasedMediaTask("video");
    const fresh = randomBytes(2.5 * MiB);
    process.env.TASK_UPLOAD_LIMIT_BYTES = String(2 * MiB);
    const over = await storeTaskUpload(getDb(), upload(task, { contentType: "video/mp4", body: Readable.from([fresh]) }));
    expect(over).toMatchObject({ ok: false, status: 413 });
    expect(await getBlobStore().has(sha256(fresh))).toBe(false);
    async function* cut() {
      yield fresh.subarray(0, 1.5 * MiB);
      throw new Error("the client went away");
    }
    await expect(storeTaskUpload(getDb(), upload(task, { contentType: "video/mp4", body: Readable.from(cut()) }))).rejects.toThrow(/went away/);
    expect(await getBlobStore().has(sha256(fresh.subarray(0, 1.5 * MiB)))).toBe(false);
    const empty = await storeTaskUpload(getDb(), upload(task, { contentType: "video/mp4", body: Readable.from([]) }));
    expect(empty).toMatchObject({ ok: false, status: 400 });
  });
});
