import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { PublicAccount } from "@/lib/auth/accounts-store";
import { joinWorkspace, makeAccount, sessionCookieFor } from "@/lib/auth/testing";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { getBlobStore, sha256Of } from "@/lib/blobs/store";
import { registerModelForm, updateModelForm } from "./model-forms";
import { pw } from "./pickle/testing/pickle-writer";
import { modelCreateSchema } from "./schemas";
import { createModel, getModel, getModelWithFiles, listVersions } from "./store";

// The model page's session routes (lib/models/session-api.ts) through both adapters, signed in with a
// session cookie, and its server actions.

process.env.CRUCIBLE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "crucible-models-session-"));
const db = getDb();
const fixture = (rel: string) => readFileSync(path.resolve(import.meta.dirname, "fixtures", rel));
const clients = await adapterClients(apiRouter);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

let member: PublicAccount;
let otherMember: PublicAccount;
let cruncher: PublicAccount;
const cookies = new Map<string, string>();
beforeAll(async () => {
  // One at a time: the first account of a fresh database becomes a member (the admin) whatever its role.
  member = await makeAccount();
  otherMember = await makeAccount();
  cruncher = await makeAccount("cruncher");
  await joinWorkspace(member.id, cruncher.id, "cruncher");
  for (const account of [member, otherMember, cruncher]) cookies.set(account.id, await sessionCookieFor(account));
});

async function newModel(workspaceId = member.id) {
  return (await createModel(db, workspaceId, modelCreateSchema.parse({ modelname: "Ridge", modelkind: "Regressor" }))).id;
}

interface Part {
  bytes: Uint8Array;
  name: string;
  type?: string;
}

const signedIn = (account: PublicAccount | null): Record<string, string> => (account ? { cookie: cookies.get(account.id)! } : {});

/** The upload form's request body: multipart file_kind + file, as the browser sends it. */
async function multipart(file: Part | undefined, kind: string | undefined) {
  const form = new FormData();
  if (kind !== undefined) form.append("file_kind", kind);
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.name);
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return { body: new Uint8Array(await request.arrayBuffer()), contentType: request.headers.get("content-type")! };
}

let client: AdapterClient;

async function upload(account: PublicAccount | null, modelId: string, file: Part | undefined, kind: string | undefined, headers: Record<string, string> = {}) {
  const { body, contentType } = await multipart(file, kind);
  return client.request("POST", `/api/models/${modelId}/upload`, { headers: { ...signedIn(account), "content-type": contentType, ...headers }, body });
}

async function download(account: PublicAccount | null, modelId: string, sha256: string) {
  const response = await client.request("GET", `/api/models/${modelId}/files/${sha256}`, { headers: signedIn(account) });
  return { status: response.status, headers: response.headers, bytes: response.raw };
}

async function withUploadLimit<T>(bytes: number, run: () => Promise<T>): Promise<T> {
  const previous = process.env.MODEL_UPLOAD_LIMIT_BYTES;
  process.env.MODEL_UPLOAD_LIMIT_BYTES = String(bytes);
  try {
    return await run();
  } finally {
    if (previous === undefined) delete process.env.MODEL_UPLOAD_LIMIT_BYTES;
    else process.env.MODEL_UPLOAD_LIMIT_BYTES = previous;
  }
}

describe.each(clients.map((c) => [c.name, c] as const))("model page upload and download routes through the %s", (_name, adapter) => {
  beforeAll(() => {
    client = adapter;
  });

  it("stores each file kind for a member and sends it back byte for byte", async () => {
    const id = await newModel();
    const files: { kind: string; part: Part; version: number | null; estimator: unknown }[] = [
      { kind: "model", part: { bytes: fixture("models/ridge.joblib"), name: "diabetes_ridge.pkl" }, version: 1, estimator: { class: "sklearn.linear_model._ridge.Ridge", servable: true } },
      { kind: "data", part: { bytes: Buffer.from("age,bmi,target\n0.03,0.06,151\n"), name: "diabetes.csv", type: "text/csv" }, version: null, estimator: null },
      { kind: "code", part: { bytes: Buffer.from("print('train')\n"), name: "train.py", type: "text/x-python" }, version: null, estimator: null },
      { kind: "env", part: { bytes: Buffer.from("scikit-learn==1.2.1\n"), name: "requirements.txt", type: "text/plain" }, version: null, estimator: null },
      { kind: "model", part: { bytes: fixture("models/ridge.p4.pkl"), name: "ridge v2.pkl" }, version: 2, estimator: { servable: true } },
    ];
    for (const { kind, part, version, estimator } of files) {
      const stored = await upload(member, id, part, kind);
      expect(stored.status, kind).toBe(201);
      expect(stored.body).toMatchObject({
        modelid: id,
        filekind: kind,
        filename: part.name,
        contenttype: part.type ?? "application/octet-stream",
        size: part.bytes.length,
        sha256: sha256Of(part.bytes),
        version,
        uploaded_by: member.id,
        download_url: `/model/${id}/files/${sha256Of(part.bytes)}`,
      });
      if (estimator) expect(stored.body.estimator).toMatchObject(estimator);
      else expect(stored.body.estimator).toBeNull();

      const back = await download(member, id, sha256Of(part.bytes));
      expect(back.status).toBe(200);
      expect(back.bytes.equals(Buffer.from(part.bytes))).toBe(true);
      expect(back.headers.get("content-type")).toBe(part.type ?? "application/octet-stream");
      expect(back.headers.get("content-disposition")).toBe(`attachment; filename="${part.name.replace(/ /g, "_")}"`);
      expect(back.headers.get("content-length")).toBe(String(part.bytes.length));
      expect(back.headers.get("x-content-sha256")).toBe(sha256Of(part.bytes));
      expect(back.headers.get("cache-control")).toMatch(/no-store/);
      if (version !== null) expect(back.headers.get("x-model-version")).toBe(String(version));
    }
    const stored = await getModelWithFiles(db, member.id, id);
    expect(stored!.files.map((f) => f.filekind)).toEqual(["model", "data", "code", "env", "model"]);
    expect((await listVersions(db, member.id, id)).map((v) => v.file.version)).toEqual([1, 2]);
    // A sha256 in capitals names the same file; an unknown one is a 404.
    expect((await download(member, id, sha256Of(files[1]!.part.bytes).toUpperCase())).status).toBe(200);
    const missing = await download(member, id, "0".repeat(64));
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.bytes.toString())).toEqual({ detail: "No such file." });
    expect((await download(member, id, "not-a-sha")).status).toBe(404);
  });

  it("answers 404 to another account's member, for uploads and downloads", async () => {
    const id = await newModel();
    const csv = Buffer.from(`secret,${Math.random()}\n`);
    expect((await upload(member, id, { bytes: csv, name: "secret.csv", type: "text/csv" }, "data")).status).toBe(201);

    const stolen = await download(otherMember, id, sha256Of(csv));
    expect(stolen.status).toBe(404);
    expect(stolen.bytes.toString()).not.toContain("secret");
    const planted = await upload(otherMember, id, { bytes: Buffer.from("x,y\n"), name: "planted.csv" }, "data");
    expect(planted).toMatchObject({ status: 404, body: { detail: "Model not found" } });
    expect((await getModelWithFiles(db, member.id, id))!.files).toHaveLength(1);
    expect((await upload(member, "not-a-uuid", { bytes: csv, name: "a.csv" }, "data")).status).toBe(404);
  });

  it("refuses crunchers (403) and signed-out visitors (401)", async () => {
    const id = await newModel();
    const csv = Buffer.from("a,b\n1,2\n");
    expect((await upload(member, id, { bytes: csv, name: "a.csv" }, "data")).status).toBe(201);
    for (const [account, status] of [[cruncher, 403], [null, 401]] as const) {
      const refused = await upload(account, id, { bytes: Buffer.from("c,d\n"), name: "b.csv" }, "data");
      expect(refused).toMatchObject({ status, body: { detail: expect.any(String) } });
      const read = await download(account, id, sha256Of(csv));
      expect(read.status).toBe(status);
      expect(JSON.parse(read.bytes.toString())).toEqual({ detail: expect.any(String) });
    }
    expect((await getModelWithFiles(db, member.id, id))!.files).toHaveLength(1);
  });

  it("answers 413 over the upload limit and stores nothing", async () => {
    const id = await newModel();
    await withUploadLimit(1000, async () => {
      const big = Buffer.alloc(5000, 7);
      const refused = await upload(member, id, { bytes: big, name: "big.csv" }, "data");
      expect(refused.status).toBe(413);
      expect(refused.body).toEqual({ detail: expect.stringMatching(/upload limit of 1000 bytes/) });
      expect(await getBlobStore().has(sha256Of(big))).toBe(false);
      const fits = Buffer.alloc(1000, 8);
      expect((await upload(member, id, { bytes: fits, name: "fits.csv" }, "data")).status).toBe(201);
    });
    expect((await getModelWithFiles(db, member.id, id))!.files.map((f) => f.filename)).toEqual(["fits.csv"]);
  });

  it("refuses a hostile pickle with 422 naming the reason, and stores nothing", async () => {
    const id = await newModel();
    const hostile = pw().proto(4).global("posix", "system").str("touch /tmp/pwned-session").tuple1().reduce().stop().bytesOut();
    const refused = await upload(member, id, { bytes: hostile, name: "evil.pkl" }, "model");
    expect(refused.status).toBe(422);
    expect(refused.body.detail[0].msg).toMatch(/refused: posix\.system/);
    expect(await getBlobStore().has(sha256Of(hostile))).toBe(false);
    expect(await listVersions(db, member.id, id)).toEqual([]);

    const noKind = await upload(member, id, { bytes: Buffer.from("x"), name: "x.bin" }, undefined);
    expect(noKind).toMatchObject({ status: 422, body: { detail: [{ msg: expect.stringMatching(/file_kind|model, data/) }] } });
    const noFile = await upload(member, id, undefined, "data");
    expect(noFile).toMatchObject({ status: 422, body: { detail: [{ msg: expect.stringMatching(/Field required/) }] } });
    expect((await getModelWithFiles(db, member.id, id))!.files).toEqual([]);
  });
});

describe("model page forms (server actions)", () => {
  it("registers a model validated as POST /model/add, listing every problem", async () => {
    const created = await registerModelForm(db, member.id, { modelname: "From the form", modelkind: "Classifier", modeltags: ["a", "b"] });
    expect(created).toEqual({ ok: true, modelId: expect.any(String) });
    if (!created.ok) return;
    expect(await getModel(db, member.id, created.modelId)).toMatchObject({ modelname: "From the form", modelkind: "Classifier", modeltags: ["a", "b"] });

    const invalid = await registerModelForm(db, member.id, { modelkind: 3, colour: "red" });
    expect(invalid.ok).toBe(false);
    if (invalid.ok) return;
    expect(invalid.problems.some((p) => p.startsWith("modelname:"))).toBe(true);
    expect(invalid.problems.some((p) => p.startsWith("modelkind:"))).toBe(true);
    expect(invalid.problems.some((p) => /colour/.test(p))).toBe(true);

    // A forged action call with text Postgres cannot hold is a form problem, not a failure.
    expect(await registerModelForm(db, member.id, { modelname: "a\u0000b", modelkind: "x" })).toEqual({ ok: false, problems: [expect.stringMatching(/^modelname: contains a NUL/)] });
    expect(await registerModelForm(db, member.id, { modelname: "\ud800", modelkind: "x" })).toEqual({ ok: false, problems: [expect.stringMatching(/lone UTF-16 surrogate/)] });
  });

  it("updates a model validated as PATCH /model/{id}; another account's model is not found", async () => {
    const id = await newModel();
    expect(await updateModelForm(db, member.id, id, { modelname: "Renamed", modeltags: ["x"] })).toEqual({ ok: true, modelId: id });
    expect(await getModel(db, member.id, id)).toMatchObject({ modelname: "Renamed", modelkind: "Regressor", modeltags: ["x"] });
    expect(await updateModelForm(db, member.id, id, { hyperparameter: [{ parameter: "alpha", value: 0.5 }] })).toEqual({ ok: true, modelId: id });
    expect((await getModel(db, member.id, id))!.hyperparameter).toEqual([{ parameter: "alpha", value: 0.5 }]);

    const invalid = await updateModelForm(db, member.id, id, { modelkind: 5 });
    expect(invalid).toMatchObject({ ok: false, problems: [expect.stringMatching(/^modelkind:/)] });
    expect(await updateModelForm(db, otherMember.id, id, { modelname: "Stolen" })).toEqual({ ok: false, problems: ["No such model."] });
    expect(await updateModelForm(db, member.id, "not-a-uuid", { modelname: "x" })).toEqual({ ok: false, problems: ["No such model."] });
    expect((await getModel(db, member.id, id))!.modelname).toBe("Renamed");
  });
});
