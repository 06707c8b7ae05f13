import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAccount, makeKey } from "@/lib/auth/testing";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { getSql } from "@/db/client";
import { getBlobStore, sha256Of } from "@/lib/blobs/store";
import { pw } from "./pickle/testing/pickle-writer";

process.env.CRUCIBLE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "crucible-models-"));

const FIXTURES = path.resolve(import.meta.dirname, "fixtures");
const expected = JSON.parse(readFileSync(path.join(FIXTURES, "expected.json"), "utf8")) as {
  sklearn: string;
  models: Record<string, { class: string; files: Record<string, string | { pickle: string }> }>;
};
const fixture = (rel: string) => readFileSync(path.join(FIXTURES, rel));

// The document's end-to-end example: Ridge on diabetes.
const ridgeMetadata = {
  modelname: "Ridge",
  modelkind: "Regressor",
  hyperparameter: [{ parameter: "string", value: 0 }],
  modelperformance: [{ metric: "Accuracy", order: 1, threshold: 0.89 }],
  trainingresource: [{ resource_name: "GPU", value: 16, deploy: "string" }],
  runresource: [{ resource_name: "GPU", value: 16, deploy: "string" }],
  featurelist: ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"].map((f) => ({ feature_name: f, type: "cont", kind: 0, units: 1 })),
  inference: [{ type: "string", value: "string" }],
  modeltags: ["regression", "fast"],
  drift_detection: [{ is_true: 1, method: 0 }],
};

const clients = await adapterClients(apiRouter);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

let headers: Record<string, string>;
let bearer: Record<string, string>;
let otherHeaders: Record<string, string>;
beforeAll(async () => {
  const account = await makeAccount();
  const key = await makeKey(account.id, { scope: "models" });
  headers = { "X-api-key": key, "Content-Type": "application/json" };
  bearer = { Authorization: `Bearer ${key}`, "Content-Type": "application/json" };
  const other = await makeAccount();
  otherHeaders = { "X-api-key": await makeKey(other.id, { scope: "models" }), "Content-Type": "application/json" };
});

const json = (value: unknown) => JSON.stringify(value);

/** A multipart body as requests' `files=` would send it. */
async function multipart(parts: { file?: { bytes: Uint8Array; name: string; type?: string }; file_kind?: string }) {
  const form = new FormData();
  if (parts.file) form.append("file", new Blob([new Uint8Array(parts.file.bytes)], { type: parts.file.type ?? "application/octet-stream" }), parts.file.name);
  if (parts.file_kind !== undefined) form.append("file_kind", parts.file_kind);
  const response = new Response(form);
  return { body: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get("content-type")! };
}

function keyOnly(h: Record<string, string>) {
  const { "Content-Type": _ignored, ...rest } = h;
  return rest;
}

async function uploadTo(client: AdapterClient, modelId: string, parts: Parameters<typeof multipart>[0], as = headers) {
  const { body, contentType } = await multipart(parts);
  return client.request("POST", `/model/${modelId}/upload`, { headers: { ...keyOnly(as), "Content-Type": contentType }, body });
}

describe.each(clients.map((c) => [c.name, c] as const))("models API through the %s", (_name, client: AdapterClient) => {
  async function add(body: unknown = ridgeMetadata, as = headers) {
    return client.request("POST", "/model/add", { headers: as, body: json(body) });
  }

  it("runs the document's end-to-end example: metadata, then model, data and env uploads", async () => {
    const created = await add();
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...ridgeMetadata, modelid: expect.any(String), files: [] });
    const id = created.body.modelid;

    const ridge = fixture("models/ridge.joblib");
    const model = await uploadTo(client, id, { file: { bytes: ridge, name: "diabetes_ridge.pkl" }, file_kind: "model" });
    expect(model.status).toBe(201);
    expect(model.body).toMatchObject({
      modelid: id,
      filekind: "model",
      filename: "diabetes_ridge.pkl",
      contenttype: "application/octet-stream",
      size: ridge.length,
      sha256: sha256Of(ridge),
      version: 1,
      estimator: { class: "sklearn.linear_model._ridge.Ridge", sklearn_version: expected.sklearn, n_features: 10, servable: true, reason: null },
    });

    const csv = Buffer.from("age,sex,bmi,bp,s1,s2,s3,s4,s5,s6,target\n0.03,0.05,0.06,0.02,-0.04,-0.03,-0.04,-0.002,0.01,-0.01,151\n");
    const data = await uploadTo(client, id, { file: { bytes: csv, name: "diabetes.csv", type: "text/csv" }, file_kind: "data" });
    expect(data.status).toBe(201);
    expect(data.body).toMatchObject({ modelid: id, filekind: "data", filename: "diabetes.csv", contenttype: "text/csv", size: csv.length, version: null, estimator: null });

    const env = await uploadTo(client, id, { file: { bytes: Buffer.from("scikit-learn==1.2.1\nnumpy\n"), name: "requirements.txt", type: "text/plain" }, file_kind: "env" });
    expect(env.status).toBe(201);
    expect(env.body).toMatchObject({ filekind: "env", filename: "requirements.txt", version: null });

    const one = await client.request("GET", `/model/${id}`, { headers });
    expect(one.status).toBe(200);
    expect(one.body.files.map((f: { filekind: string }) => f.filekind)).toEqual(["model", "data", "env"]);

    const back = await client.request("GET", `/model/${id}/files/${sha256Of(csv)}`, { headers });
    expect(back.status).toBe(200);
    expect(back.raw.equals(csv)).toBe(true);
    expect(back.headers.get("content-type")).toBe("text/csv");
  });

  it("lists newest first with skip/limit, by kind case-insensitively, and by any tag", async () => {
    const kind = `kind-${Math.random().toString(36).slice(2)}`;
    const tag = `tag-${Math.random().toString(36).slice(2)}`;
    const a = (await add({ modelname: "A", modelkind: kind, modeltags: [tag, "x"] })).body.modelid;
    const b = (await add({ modelname: "B", modelkind: kind.toUpperCase(), modeltags: ["other"] })).body.modelid;
    const c = (await add({ modelname: "C", modelkind: "regression", modeltags: [`${tag}-2`] })).body.modelid;

    const all = await client.request("GET", "/model/all?skip=0&limit=3", { headers });
    expect(all.status).toBe(200);
    expect(all.body.map((m: { modelid: string }) => m.modelid)).toEqual([c, b, a]);
    const skipped = await client.request("GET", "/model/all?skip=1&limit=1", { headers });
    expect(skipped.body.map((m: { modelid: string }) => m.modelid)).toEqual([b]);

    const byKind = await client.request("GET", `/model/getkind/${kind.toUpperCase()}`, { headers });
    expect(byKind.body.map((m: { modelid: string }) => m.modelid)).toEqual([b, a]);

    const byTags = await client.request("GET", `/model/search?tags=${tag}&tags=${tag}-2`, { headers });
    expect(byTags.status).toBe(200);
    expect(byTags.body.map((m: { modelid: string }) => m.modelid)).toEqual([c, a]);
    expect((await client.request("GET", "/model/search?tags=no-such-tag", { headers })).body).toEqual([]);
    expect((await client.request("GET", "/model/getkind/no-such-kind", { headers })).body).toEqual([]);
    const negative = await client.request("GET", "/model/all?limit=-1", { headers });
    expect(negative.status).toBe(422);
    expect(negative.body.detail[0].loc).toEqual(["query", "limit"]);
    // Above the cap a page size is clamped, as FastAPI clients expect, not refused.
    const large = await client.request("GET", "/model/all?limit=5000", { headers });
    expect(large.status).toBe(200);
    expect(large.body.length).toBeGreaterThanOrEqual(3);

    const fresh = await makeAccount();
    expect((await client.request("GET", "/model/all", { headers: { "X-api-key": await makeKey(fresh.id, { scope: "models" }) } })).body).toEqual([]);
  });

  it("applies PATCH and DELETE, with Bearer keys too", async () => {
    const id = (await add(ridgeMetadata, bearer)).body.modelid;
    const patched = await client.request("PATCH", `/model/${id}`, { headers: bearer, body: json({ modeltags: ["updated-tag"], drift_detection: [{ is_true: 1, method: 1 }] }) });
    expect(patched.status).toBe(200);
    const got = await client.request("GET", `/model/${id}`, { headers });
    expect(got.body).toMatchObject({ modelname: "Ridge", modeltags: ["updated-tag"], drift_detection: [{ is_true: 1, method: 1 }], hyperparameter: ridgeMetadata.hyperparameter });
    expect((await client.request("PATCH", `/model/${id}`, { headers, body: json({ modelkind: 5, colour: "red" }) })).status).toBe(422);

    const deleted = await client.request("DELETE", `/model/${id}`, { headers: bearer });
    expect(deleted.status).toBe(200);
    expect((await client.request("GET", `/model/${id}`, { headers })).status).toBe(404);
    expect((await client.request("DELETE", `/model/${id}`, { headers })).status).toBe(404);
  });

  it("answers invalid metadata with 422 listing every problem", async () => {
    const res = await add({
      modelkind: 3,
      colour: "red",
      modelperformance: [{ metric: "r2", order: 1, threshold: "high" }],
      featurelist: [{ feature_name: "x", type: "datetime", kind: 2 }],
      drift_detection: [{ is_true: 1, method: 7 }],
      modeltags: "fast",
    });
    expect(res.status).toBe(422);
    const locs = (res.body.detail as { loc: (string | number)[]; msg: string; type: string }[]).map((d) => d.loc.join("."));
    for (const loc of ["body.modelname", "body.modelkind", "body.modelperformance.0.threshold", "body.featurelist.0.type", "body.featurelist.0.kind", "body.drift_detection.0.method", "body.modeltags"]) {
      expect(locs).toContain(loc);
    }
    // Unknown keys are ignored, as upstream ignores them, and named in a header rather than the body.
    expect(res.body.detail.some((d: { msg: string }) => /colour/.test(d.msg))).toBe(false);
    expect(res.headers.get("x-ignored-fields")).toBe("colour");
    expect(res.body.detail.find((d: { loc: string[] }) => d.loc.join(".") === "body.modelname").type).toBe("missing");
    // Liberal where the document's own example is: a threshold as a numeric string.
    expect((await add({ ...ridgeMetadata, modelperformance: [{ metric: "r2", order: 1, threshold: "0.5" }] })).status).toBe(201);
    expect((await client.request("POST", "/model/add", { headers, body: "{oops" })).status).toBe(400);
    const noKey = await client.request("POST", "/model/add", { headers: { "Content-Type": "application/json" }, body: json(ridgeMetadata) });
    expect(noKey.status).toBe(401);
    expect(noKey.body).toEqual({ detail: expect.any(String) });
  });

  it("takes what a pydantic client sends: nulls, partial entries, other feature type words, unknown keys", async () => {
    // MLModelCreate(...).model_dump() of the upstream client: every optional field present.
    const res = await add({
      modelname: "pydantic",
      modelkind: "regression",
      hyperparameter: [{ parameter: "alpha", value: null }],
      modelperformance: [{ metric: "F1", order: null, threshold: null }],
      trainingresource: null,
      runresource: [{ resource_name: "GPU", value: null, deploy: null }],
      featurelist: [
        { feature_name: "age", type: "float", kind: 0, units: null },
        { feature_name: "city", type: "str", kind: null, units: null },
        { feature_name: "y", type: "int", kind: 1, units: null, colour: "red" },
      ],
      inference: null,
      modeltags: null,
      drift_detection: [{ is_true: 1, method: null }],
      file_data: null,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-ignored-fields")).toBe("featurelist[2].colour, file_data");
    expect(res.body).not.toHaveProperty("file_data");
    expect(res.body).toMatchObject({
      hyperparameter: [{ parameter: "alpha", value: null }],
      modelperformance: [{ metric: "F1" }],
      trainingresource: [],
      featurelist: [
        { feature_name: "age", type: "cont", kind: 0 },
        { feature_name: "city", type: "cat", kind: 0 },
        { feature_name: "y", type: "cont", kind: 1 },
      ],
      drift_detection: [{ is_true: 1, method: 0 }],
    });
    const patched = await client.request("PATCH", `/model/${res.body.modelid}`, { headers, body: json({ modelkind: null, modeltags: ["a"], extra: 1 }) });
    expect(patched.status).toBe(200);
    expect(patched.headers.get("x-ignored-fields")).toBe("extra");
    expect(patched.body).toMatchObject({ modelkind: "regression", modeltags: ["a"] });
  });

  it("rejects bad uploads with 422 and stores nothing", async () => {
    const id = (await add()).body.modelid;
    const noFile = await uploadTo(client, id, { file_kind: "model" });
    expect(noFile.status).toBe(422);
    expect(noFile.body.detail.map((d: { loc: string[] }) => d.loc.join("."))).toEqual(["body.file"]);
    const both = await uploadTo(client, id, { file: { bytes: Buffer.from("x"), name: "x" }, file_kind: "weights" });
    expect(both.status).toBe(422);
    expect(both.body.detail[0]).toMatchObject({ loc: ["body", "file_kind"], type: "enum" });
    const neither = await uploadTo(client, id, {});
    expect(neither.body.detail.map((d: { loc: string[] }) => d.loc.join("."))).toEqual(["body.file", "body.file_kind"]);
    const notMultipart = await client.request("POST", `/model/${id}/upload`, { headers, body: json({ file: "x" }) });
    expect(notMultipart.status).toBe(422);

    const hostile = pw().proto(4).global("posix", "system").str("touch /tmp/pwned").tuple1().reduce().stop().bytesOut();
    const refused = await uploadTo(client, id, { file: { bytes: hostile, name: "evil.pkl" }, file_kind: "model" });
    expect(refused.status).toBe(422);
    expect(refused.body.detail[0]).toMatchObject({ loc: ["body", "file"], type: "refused_global" });
    expect(refused.body.detail[0].msg).toMatch(/refused: posix\.system/);
    expect(await getBlobStore().has(sha256Of(hostile))).toBe(false);

    const garbage = Buffer.from("this is not a pickle at all");
    expect((await uploadTo(client, id, { file: { bytes: garbage, name: "model.pkl" }, file_kind: "model" })).status).toBe(422);
    expect(await getBlobStore().has(sha256Of(garbage))).toBe(false);
    expect((await client.request("GET", `/model/${id}/versions`, { headers })).body).toEqual([]);
  });

  it("gives another account's key 404 on every route", async () => {
    const id = (await add()).body.modelid;
    const ridge = fixture("models/ridge.p4.pkl");
    const up = await uploadTo(client, id, { file: { bytes: ridge, name: "ridge.pkl" }, file_kind: "model" });
    expect(up.status).toBe(201);
    const sha = up.body.sha256;
    const o = otherHeaders;
    const checks: [string, string, string?][] = [
      ["GET", `/model/${id}`],
      ["PATCH", `/model/${id}`, json({ modelname: "stolen" })],
      ["DELETE", `/model/${id}`],
      ["GET", `/model/${id}/versions`],
      ["GET", `/model/${id}/files/${sha}`],
      ["GET", `/model/${id}/versions/1/download`],
      ["PUT", `/model/${id}/aliases/production`, json({ version: 1 })],
    ];
    for (const [method, p, body] of checks) {
      const res = await client.request(method, p, { headers: o, ...(body ? { body } : {}) });
      expect(res.status, `${method} ${p}`).toBe(404);
      expect(res.body).toEqual({ detail: expect.any(String) });
    }
    expect((await uploadTo(client, id, { file: { bytes: ridge, name: "r.pkl" }, file_kind: "model" }, o)).status).toBe(404);
    for (const p of ["/model/all", "/model/getkind/Regressor", "/model/search?tags=regression"]) {
      const res = await client.request("GET", p, { headers: o });
      expect(res.body.map((m: { modelid: string }) => m.modelid)).not.toContain(id);
    }
    expect((await client.request("GET", "/model/not-a-uuid", { headers })).status).toBe(404);
    // Still intact for its owner.
    expect((await client.request("GET", `/model/${id}`, { headers })).body.modelname).toBe("Ridge");
  });

  it("keeps every model version downloadable and points aliases at them", async () => {
    const id = (await add()).body.modelid;
    const v1 = fixture("models/ridge.p2.pkl");
    const v2 = fixture("models/ridge.joblib.z");
    const odd = pw().proto(4).emptyDict().stop().bytesOut();
    expect((await uploadTo(client, id, { file: { bytes: v1, name: "v1.pkl" }, file_kind: "model" })).body.version).toBe(1);
    expect((await uploadTo(client, id, { file: { bytes: Buffer.from("print(1)\n"), name: "train.py" }, file_kind: "code" })).body.version).toBe(null);
    expect((await uploadTo(client, id, { file: { bytes: v2, name: "v2.joblib" }, file_kind: "model" })).body.version).toBe(2);
    const third = await uploadTo(client, id, { file: { bytes: odd, name: "dict.pkl" }, file_kind: "model" });
    expect(third.status).toBe(201);
    expect(third.body).toMatchObject({ version: 3, estimator: { servable: false, reason: expect.stringMatching(/estimator/) } });

    const alias = await client.request("PUT", `/model/${id}/aliases/production`, { headers, body: json({ version: 1 }) });
    expect(alias.status).toBe(200);
    expect(alias.body).toEqual({ modelid: id, name: "production", version: 1 });
    await client.request("PUT", `/model/${id}/aliases/staging`, { headers, body: json({ version: 2 }) });
    expect((await client.request("PUT", `/model/${id}/aliases/production`, { headers, body: json({ version: 9 }) })).status).toBe(404);
    expect((await client.request("PUT", `/model/${id}/aliases/production`, { headers, body: json({ version: "1" }) })).status).toBe(422);

    const list = await client.request("GET", `/model/${id}/versions`, { headers });
    expect(list.body.map((v: { version: number; aliases: string[] }) => [v.version, v.aliases])).toEqual([
      [1, ["production"]],
      [2, ["staging"]],
      [3, []],
    ]);
    const first = await client.request("GET", `/model/${id}/versions/1/download`, { headers });
    expect(first.status).toBe(200);
    expect(first.raw.equals(v1)).toBe(true);
    expect(first.headers.get("content-disposition")).toMatch(/v1\.pkl/);
    expect((await client.request("GET", `/model/${id}/versions/staging/download`, { headers })).raw.equals(v2)).toBe(true);
    expect((await client.request("GET", `/model/${id}/files/${sha256Of(v2)}`, { headers })).raw.equals(v2)).toBe(true);
    expect((await client.request("GET", `/model/${id}/versions/7/download`, { headers })).status).toBe(404);
  });

  it("stores a safe file it cannot serve yet, with the class, version and reason, downloadable and versioned", async () => {
    const id = (await add()).body.modelid;
    // A DBSCAN pickled by scikit-learn 1.3.2 (a class without a loader: it has no predict) holding a scipy matrix.
    const tfidf = pw().proto(4)
      .stackGlobal("sklearn.cluster._dbscan", "DBSCAN").emptyTuple().newobj()
      .emptyDict().mark().str("_sklearn_version").str("1.3.2")
      .str("_idf_diag").stackGlobal("scipy.sparse._dia", "dia_matrix").emptyTuple().newobj().emptyDict().build()
      .setitems().build().stop().bytesOut();
    const up = await uploadTo(client, id, { file: { bytes: tfidf, name: "tfidf.pkl" }, file_kind: "model" });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      version: 1,
      estimator: { class: "sklearn.cluster._dbscan.DBSCAN", sklearn_version: "1.3.2", servable: false, reason: "DBSCAN is not servable yet (DBSCAN, scikit-learn 1.3.2)" },
    });
    const old = fixture("layouts/ridge.sklearn-0.21.joblib.xz");
    const second = await uploadTo(client, id, { file: { bytes: old, name: "ridge-0.21.joblib.xz" }, file_kind: "model" });
    expect(second.body).toMatchObject({ version: 2, estimator: { class: "sklearn.linear_model._ridge.Ridge", sklearn_version: "0.21.3", format: "joblib-xz", servable: true, reason: null } });
    expect((await client.request("GET", `/model/${id}/versions/1/download`, { headers })).raw.equals(Buffer.from(tfidf))).toBe(true);

    const csv = await uploadTo(client, id, { file: { bytes: Buffer.from("age,sex\n1,2\n"), name: "model.pkl" }, file_kind: "model" });
    expect(csv.status).toBe(422);
    expect(csv.body.detail[0]).toMatchObject({ type: "not_pickle", msg: expect.stringMatching(/^not a pickle or joblib file: it looks like a text file/) });
    const cut = await uploadTo(client, id, { file: { bytes: old.subarray(0, old.length >> 1), name: "cut.joblib.xz" }, file_kind: "model" });
    expect(cut.status).toBe(422);
    expect(cut.body.detail[0]).toMatchObject({ type: "truncated", msg: expect.stringMatching(/^the file is truncated/) });
  });

  it("answers 413 in the family's shape over the upload limit", async () => {
    const id = (await add()).body.modelid;
    const previous = process.env.MODEL_UPLOAD_LIMIT_BYTES;
    process.env.MODEL_UPLOAD_LIMIT_BYTES = "1000";
    try {
      // Over the file limit but within the body limit (limit + multipart slack).
      const big = await uploadTo(client, id, { file: { bytes: Buffer.alloc(5000, 1), name: "data.csv" }, file_kind: "data" });
      expect(big.status).toBe(413);
      expect(big.body).toEqual({ detail: expect.stringMatching(/upload limit of 1000 bytes/) });
      // Over the body limit itself.
      const huge = await uploadTo(client, id, { file: { bytes: Buffer.alloc(200_000, 1), name: "data.csv" }, file_kind: "data" });
      expect(huge.status).toBe(413);
      expect(huge.body).toEqual({ detail: expect.any(String) });
      expect((await uploadTo(client, id, { file: { bytes: Buffer.alloc(900, 1), name: "ok.csv" }, file_kind: "data" })).status).toBe(201);
    } finally {
      if (previous === undefined) delete process.env.MODEL_UPLOAD_LIMIT_BYTES;
      else process.env.MODEL_UPLOAD_LIMIT_BYTES = previous;
    }
  });
});

describe.each(clients.map((c) => [c.name, c] as const))("streamed uploads through the %s", (_name, client: AdapterClient) => {
  /** Stored chunks (of a blob or of a write in progress) that begin with these bytes: none once a refused write is cleaned up. */
  const chunksStartingWith = async (bytes: Buffer) =>
    (await getSql()`select 1 from blob_chunks where substring(data from 1 for ${bytes.length}) = ${bytes}`).length;
  async function withLimit(bytes: number, run: () => Promise<void>) {
    const previous = process.env.MODEL_UPLOAD_LIMIT_BYTES;
    process.env.MODEL_UPLOAD_LIMIT_BYTES = String(bytes);
    try {
      await run();
    } finally {
      if (previous === undefined) delete process.env.MODEL_UPLOAD_LIMIT_BYTES;
      else process.env.MODEL_UPLOAD_LIMIT_BYTES = previous;
    }
  }
  let id: string;
  beforeAll(async () => {
    id = (await client.request("POST", "/model/add", { headers, body: json({ modelname: "streamed", modelkind: "any" }) })).body.modelid;
  });

  it("stores a data file of exactly the limit intact and refuses one byte more, leaving nothing behind", async () => {
    const limit = 2.5 * 1024 * 1024; // three chunks in the blob store
    await withLimit(limit, async () => {
      const exact = randomBytes(limit);
      const stored = await uploadTo(client, id, { file: { bytes: exact, name: "exact.bin" }, file_kind: "data" });
      expect(stored.status).toBe(201);
      expect(stored.body).toMatchObject({ filekind: "data", size: exact.length, sha256: sha256Of(exact) });
      const back = await client.request("GET", `/model/${id}/files/${sha256Of(exact)}`, { headers });
      expect(back.raw.equals(exact)).toBe(true);

      const over = randomBytes(limit + 1);
      const refused = await uploadTo(client, id, { file: { bytes: over, name: "over.bin" }, file_kind: "data" });
      expect(refused.status).toBe(413);
      expect(refused.body).toEqual({ detail: `The file is larger than the upload limit of ${limit} bytes (MODEL_UPLOAD_LIMIT_BYTES).` });
      expect(await getBlobStore().has(sha256Of(over))).toBe(false);
      expect(await chunksStartingWith(over.subarray(0, 1000))).toBe(0); // its first two chunks were written, then removed
      // The connection still answers afterwards.
      expect((await client.request("GET", `/model/${id}`, { headers })).status).toBe(200);
    });
  });

  it("reads a model file of exactly the limit back for the safe reader", async () => {
    const ridge = fixture("models/ridge.joblib");
    await withLimit(ridge.length, async () => {
      const stored = await uploadTo(client, id, { file: { bytes: ridge, name: "ridge.joblib" }, file_kind: "model" });
      expect(stored.status).toBe(201);
      expect(stored.body).toMatchObject({ sha256: sha256Of(ridge), estimator: { class: "sklearn.linear_model._ridge.Ridge", servable: true } });
      const hostile = Buffer.concat([pw().proto(4).global("os", "system").str("id").tuple1().reduce().stop().bytesOut()]);
      const refused = await uploadTo(client, id, { file: { bytes: hostile, name: "evil.pkl" }, file_kind: "model" });
      expect(refused.status).toBe(422);
      expect(await getBlobStore().has(sha256Of(hostile))).toBe(false);
      expect(await chunksStartingWith(hostile)).toBe(0);
    });
  });

  it("keeps the errors of a broken multipart body", async () => {
    const { body, contentType } = await multipart({ file: { bytes: Buffer.alloc(50_000, 3), name: "cut.csv" }, file_kind: "data" });
    const cut = await client.request("POST", `/model/${id}/upload`, { headers: { ...keyOnly(headers), "Content-Type": contentType }, body: body.slice(0, 30_000) });
    expect(cut.status).toBe(422);
    expect(cut.body.detail[0]).toMatchObject({ loc: ["body"], type: "multipart", msg: expect.stringMatching(/multipart body cannot be read/) });
    const noBoundary = await client.request("POST", `/model/${id}/upload`, { headers: { ...keyOnly(headers), "Content-Type": "multipart/form-data" }, body: "x" });
    expect(noBoundary.status).toBe(422);
    expect(await chunksStartingWith(Buffer.alloc(1000, 3))).toBe(0);
  });
});

describe("every fixture in every format uploads and is recognised (fast path)", () => {
  const cases: [string, string, string][] = [];
  for (const [name, m] of Object.entries(expected.models)) {
    for (const [fmt, file] of Object.entries(m.files)) if (typeof file === "string") cases.push([name, fmt, file]);
  }
  let id: string;
  beforeAll(async () => {
    id = (await clients[1]!.request("POST", "/model/add", { headers, body: json({ modelname: "fixtures", modelkind: "any" }) })).body.modelid;
  });
  it.each(cases)("%s (%s)", async (name, _fmt, file) => {
    const res = await uploadTo(clients[1]!, id, { file: { bytes: fixture(file), name: path.basename(file) }, file_kind: "model" });
    expect(res.status).toBe(201);
    expect(res.body.estimator).toMatchObject({ class: expected.models[name]!.class, sklearn_version: expected.sklearn, servable: true, reason: null });
    expect(res.body.estimator.n_features).toBeGreaterThan(0);
    if (/classifier|logreg|svc|nb/.test(name)) expect(res.body.estimator.classes?.length).toBeGreaterThan(1);
  });
  it("refuses out-of-band protocol 5 pickles (their buffers are not in the file)", async () => {
    const res = await uploadTo(clients[1]!, id, { file: { bytes: fixture("models/ridge.p5oob.pkl"), name: "ridge.p5oob.pkl" }, file_kind: "model" });
    expect(res.status).toBe(422);
    expect(res.body.detail[0].msg).toMatch(/refused/);
  });
});
