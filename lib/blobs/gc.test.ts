import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, getSql } from "@/db/client";
import { taskRequests } from "@/db/schema";
import { makeAccount, makeKey } from "@/lib/auth/testing";
import { getBoss, QUEUES, stopBoss } from "@/lib/jobs/boss";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients } from "@/lib/http/testing";
import { insertTaskFile } from "@/lib/tasks/files-store";
import { collectUnreferencedBlobs, registerBlobGcWorkers } from "./gc";
import { getBlobStore, PostgresBlobStore, sha256Of } from "./store";
import { modelCreateSchema } from "@/lib/models/schemas";
import { createModel } from "@/lib/models/store";
import { purgeModel, trashModel } from "@/lib/models/trash";
import { purgeFromTrash } from "@/lib/trash/service";
import { SYSTEM_ACTOR } from "@/lib/workspaces/audit";
import { storeUpload } from "@/lib/models/uploads";

process.env.CRUCIBLE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "crucible-blob-gc-"));
const db = getDb();
const store = getBlobStore();
if (!(store instanceof PostgresBlobStore)) throw new Error("the default blob store is Postgres");
const clients = await adapterClients(apiRouter);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await stopBoss();
});

let workspaceId: string;
let otherAccountId: string;
beforeAll(async () => {
  workspaceId = (await makeAccount()).id;
  otherAccountId = (await makeAccount()).id;
});

const unique = (label: string) => Buffer.from(`${label} ${Math.random()} ${Date.now()}\n`);

async function newModel(owner = workspaceId) {
  return (await createModel(db, owner, modelCreateSchema.parse({ modelname: "gc", modelkind: "Regressor" }))).id;
}

async function storeData(owner: string, modelId: string, bytes: Buffer) {
  const result = await storeUpload(db, owner, modelId, { filename: "data.csv", contentType: "text/csv", bytes, fileKind: "data" });
  if (!result.ok) throw new Error(result.message);
  return result.file;
}

/** Makes the blob look as if it was last stored `hours` ago. */
async function age(sha256: string, hours = 2) {
  const when = new Date(Date.now() - hours * 3600_000);
  await getSql()`update blobs set stored_at = ${when.toISOString()}::timestamptz where sha256 = ${sha256}`;
}

describe("collectUnreferencedBlobs", () => {
  it("keeps a blob shared by another model or account until its last file row is gone", async () => {
    const bytes = unique("shared");
    const sha = sha256Of(bytes);
    const mine = await newModel();
    const second = await newModel();
    const theirs = await newModel(otherAccountId);
    await storeData(workspaceId, mine, bytes);
    await storeData(workspaceId, second, bytes);
    await storeData(otherAccountId, theirs, bytes);
    await age(sha);

    const deleteModel = async (owner: string, model: string) => {
      await trashModel(db, owner, model, null);
      return purgeModel(db, owner, model);
    };
    for (const [owner, model] of [[workspaceId, mine], [otherAccountId, theirs]] as const) {
      expect(await deleteModel(owner, model)).toMatchObject({ blobs: [sha] });
      expect((await collectUnreferencedBlobs(db, store, { only: [sha] })).deleted).toEqual([]);
      expect(await store.has(sha)).toBe(true);
    }
    expect(await deleteModel(workspaceId, second)).toMatchObject({ blobs: [sha] });
    expect(await collectUnreferencedBlobs(db, store, { only: [sha.toUpperCase(), "junk"] })).toMatchObject({ examined: 1, deleted: [sha] });
    expect(await store.has(sha)).toBe(false);
  });

  it("never removes a blob stored within the grace period (an upload whose row is not written yet)", async () => {
    const inFlight = await store.put(unique("in flight"));
    const old = await store.put(unique("old"));
    await age(old.sha256);
    const swept = await collectUnreferencedBlobs(db, store);
    expect(swept.deleted).toContain(old.sha256);
    expect(swept.deleted).not.toContain(inFlight.sha256);
    expect(await store.has(inFlight.sha256)).toBe(true);
    expect(await store.has(old.sha256)).toBe(false);

    // Old bytes stored again (a new upload of the same file) are renewed and kept.
    const again = unique("stored again");
    await store.put(again);
    await age(sha256Of(again));
    await store.put(again);
    expect((await collectUnreferencedBlobs(db, store, { only: [sha256Of(again)] })).deleted).toEqual([]);
    // Past the grace period with no row, it goes.
    expect((await collectUnreferencedBlobs(db, store, { only: [sha256Of(again)], graceMs: 0, now: new Date(Date.now() + 1000) })).deleted).toEqual([sha256Of(again)]);
  });

  it("keeps blobs that a human-task answer file refers to", async () => {
    const bytes = unique("answer image");
    const { sha256, size } = await store.put(bytes);
    const [request] = await db.insert(taskRequests).values({ workspaceId, mode: "live", type: "image", params: {} }).returning();
    await insertTaskFile(db, { workspaceId, requestId: request!.id, cruncherId: "c-1", filename: "a.png", contenttype: "image/png", size, sha256 });
    await age(sha256);
    expect((await collectUnreferencedBlobs(db, store)).deleted).not.toContain(sha256);
    expect(await store.has(sha256)).toBe(true);
  });

  it("sweeps the whole store: every old unreferenced blob, never a referenced one", async () => {
    const model = await newModel();
    const referenced = await storeData(workspaceId, model, unique("referenced"));
    const orphans = await Promise.all([1, 2, 3].map((i) => store.put(unique(`orphan ${i}`))));
    for (const sha of [referenced.sha256, ...orphans.map((o) => o.sha256)]) await age(sha);
    const swept = await collectUnreferencedBlobs(db, store);
    expect(swept.deleted).toEqual(expect.arrayContaining(orphans.map((o) => o.sha256)));
    expect(swept.deleted).not.toContain(referenced.sha256);
    expect(await store.has(referenced.sha256)).toBe(true);
    expect((await collectUnreferencedBlobs(db, store)).deleted).toEqual([]);
  });
});

describe("writes that never finished", () => {
  it("are removed by the sweep once abandoned for a day, chunks and all", async () => {
    const bytes = unique("a client that went away before the commit");
    const abandoned = await store.stage(Readable.from([bytes]), 1000);
    // Only this write is made old: other test files' uploads may be in flight.
    const aged = await getSql()`
      update blob_uploads set written_at = now() - interval '2 days'
      where id in (select content_id from blob_chunks where data = ${bytes}) returning id`;
    expect(aged).toHaveLength(1);
    const swept = await collectUnreferencedBlobs(db, store);
    expect(swept.temporaryFilesRemoved).toBeGreaterThanOrEqual(1);
    expect(await getSql()`select 1 from blob_chunks where data = ${bytes}`).toHaveLength(0);
    await expect(abandoned.commit()).rejects.toThrow(/collected/);
    expect(await store.has(abandoned.sha256)).toBe(false);
  });
});

describe("purging a trashed model collects its blobs", () => {
  it("keeps them while the model is in the trash, then removes the unshared old ones and keeps shared and recent ones", async () => {
    const key = await makeKey(workspaceId, { scope: "models" });
    const model = await newModel();
    const other = await newModel();
    const own = await storeData(workspaceId, model, unique("own"));
    const shared = unique("shared with another model");
    await storeData(workspaceId, model, shared);
    await storeData(workspaceId, other, shared);
    const recent = await storeData(workspaceId, model, unique("recent"));
    await age(own.sha256);
    await age(sha256Of(shared));

    const res = await clients[0]!.request("DELETE", `/model/${model}`, { headers: { "X-api-key": key } });
    expect(res.status).toBe(200);
    // In the trash: restorable, so its bytes stay, even through a full sweep.
    await collectUnreferencedBlobs(db, store);
    expect(await store.has(own.sha256)).toBe(true);
    expect(await purgeFromTrash(db, workspaceId, "models", model, SYSTEM_ACTOR)).toMatchObject({ ok: true });
    expect(await store.has(own.sha256)).toBe(false);
    expect(await store.has(sha256Of(shared))).toBe(true);
    // Uploaded within the grace period: left to the scheduled sweep.
    expect(await store.has(recent.sha256)).toBe(true);
    await age(recent.sha256);
    expect((await collectUnreferencedBlobs(db, store)).deleted).toContain(recent.sha256);
  });
});

describe("the scheduled sweep", () => {
  it("runs from the job queue", { timeout: 30_000 }, async () => {
    const orphan = await store.put(unique("queued orphan"));
    await age(orphan.sha256);
    const boss = await getBoss();
    await registerBlobGcWorkers(boss);
    expect((await boss.getSchedules()).map((s) => s.name)).toContain(QUEUES.blobGc);
    await boss.send(QUEUES.blobGc, {});
    const deadline = Date.now() + 25_000;
    while ((await store.has(orphan.sha256)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await store.has(orphan.sha256)).toBe(false);
  });
});
