import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeAccount } from "@/lib/auth/testing";
import { limitBody } from "@/lib/http/dispatch";
import { BodyTooLargeError } from "@/lib/http/errors";
import { LocalBlobStore } from "@/lib/blobs/store";
import { modelCreateSchema } from "./schemas";
import { createModel } from "./store";
import { uploadFromMultipart } from "./uploads";

// The upload as a stream: the file goes to the blob store's disk as it arrives.

process.env.CRUCIBLE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "crucible-uploads-"));
const db = getDb();
let workspaceId: string;
let modelId: string;
beforeAll(async () => {
  workspaceId = (await makeAccount()).id;
  modelId = (await createModel(db, workspaceId, modelCreateSchema.parse({ modelname: "big data", modelkind: "Regressor" }))).id;
});

const BOUNDARY = "----crucible-test-boundary";
const HEADERS = { "content-type": `multipart/form-data; boundary=${BOUNDARY}` };
const CHUNK = 64 * 1024;

/** A multipart body (file first, then file_kind) whose file is generated chunk by chunk, on demand. */
function generatedUpload(chunks: number, kind: string, onChunk: (index: number) => void = () => {}) {
  const hash = createHash("sha256");
  async function* parts() {
    yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`);
    for (let i = 0; i < chunks; i++) {
      onChunk(i);
      const chunk = Buffer.alloc(CHUNK, `${i % 10},`);
      hash.update(chunk);
      yield chunk;
    }
    yield Buffer.from(`\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file_kind"\r\n\r\n${kind}\r\n--${BOUNDARY}--\r\n`);
  }
  return { body: Readable.from(parts(), { objectMode: false }), sha256: () => hash.digest("hex") };
}

function stagedBytes(store: LocalBlobStore): number {
  const dir = path.join(store.root, "incoming");
  try {
    return readdirSync(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
  } catch {
    return 0;
  }
}

describe("streamed uploads", () => {
  it("writes a large data file to disk while it arrives and stores it under its sha256", { timeout: 60_000 }, async () => {
    const store = new LocalBlobStore(mkdtempSync(path.join(os.tmpdir(), "blobs-")));
    const chunks = 128; // 8 MiB
    let onDiskNearTheEnd = -1;
    const upload = generatedUpload(chunks, "data", (i) => {
      if (i === chunks - 8) onDiskNearTheEnd = stagedBytes(store);
    });
    const result = await uploadFromMultipart(db, workspaceId, modelId, HEADERS, upload.body, store);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file).toMatchObject({ filekind: "data", filename: "big.csv", contenttype: "text/csv", size: chunks * CHUNK, sha256: upload.sha256() });
    // Most of the file was already on disk before its last chunks were even produced: it was never
    // held in memory as a whole.
    expect(onDiskNearTheEnd).toBeGreaterThan((chunks * CHUNK) / 2);
    const stored = path.join(store.root, result.file.sha256.slice(0, 2), result.file.sha256.slice(2, 4), result.file.sha256);
    expect(statSync(stored).size).toBe(chunks * CHUNK);
    expect(createHash("sha256").update((await store.get(result.file.sha256))!).digest("hex")).toBe(result.file.sha256);
    expect(readdirSync(path.join(store.root, "incoming"))).toEqual([]);
  });

  it("stops at the file limit with 413 and removes the partial file", async () => {
    const store = new LocalBlobStore(mkdtempSync(path.join(os.tmpdir(), "blobs-")));
    const previous = process.env.MODEL_UPLOAD_LIMIT_BYTES;
    process.env.MODEL_UPLOAD_LIMIT_BYTES = String(2 * 1024 * 1024);
    let produced = 0;
    try {
      const upload = generatedUpload(1024, "data", () => produced++); // 64 MiB offered
      const result = await uploadFromMultipart(db, workspaceId, modelId, HEADERS, upload.body, store);
      expect(result).toMatchObject({ ok: false, status: 413, message: expect.stringMatching(/upload limit of 2097152 bytes/) });
    } finally {
      if (previous === undefined) delete process.env.MODEL_UPLOAD_LIMIT_BYTES;
      else process.env.MODEL_UPLOAD_LIMIT_BYTES = previous;
    }
    expect(produced).toBeLessThan(100); // refused soon after the limit, not at the end of the body
    expect(readdirSync(path.join(store.root, "incoming"))).toEqual([]);
    const blobs = [];
    for await (const blob of store.list()) blobs.push(blob);
    expect(blobs).toEqual([]);
  });

  it("answers 413 when the body passes its own limit, naming that limit", async () => {
    const store = new LocalBlobStore(mkdtempSync(path.join(os.tmpdir(), "blobs-")));
    const upload = generatedUpload(64, "data");
    const result = await uploadFromMultipart(db, workspaceId, modelId, HEADERS, limitBody(upload.body, 1024 * 1024), store);
    expect(result).toMatchObject({ ok: false, status: 413, message: new BodyTooLargeError(1024 * 1024).message });
    expect(readdirSync(path.join(store.root, "incoming"))).toEqual([]);
  });
});
