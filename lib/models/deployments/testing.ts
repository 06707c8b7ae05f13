import { readFileSync } from "node:fs";
import path from "node:path";
import type { AdapterClient } from "@/lib/http/testing";

// Shared by the deployment tests: the fixtures, iris metadata, and small API helpers.

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");

export const expected = JSON.parse(readFileSync(path.join(FIXTURES, "expected.json"), "utf8")) as {
  background_means: Record<string, number[]>;
  models: Record<string, { X: (number | string)[][]; predict: (number | string)[]; predict_proba?: number[][]; shap?: { values: number[][][] | number[][] }; files: Record<string, string> }>;
};

export const fixture = (rel: string) => readFileSync(path.join(FIXTURES, rel));

export const IRIS_FEATURES = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"];

export const irisMetadata = {
  modelname: "Iris logistic regression",
  modelkind: "classification",
  featurelist: [
    ...IRIS_FEATURES.map((f) => ({ feature_name: f, type: "cont", kind: 0, units: "cm" })),
    { feature_name: "species", type: "cat", kind: 1 },
  ],
  modeltags: ["iris", "linear"],
};

/** A training-data file whose column means are iris's (the fixtures' SHAP background): one row of the means. */
export function irisMeansCsv(): Buffer {
  return Buffer.from(`${IRIS_FEATURES.join(",")},species\n${expected.background_means.iris!.join(",")},0\n`);
}

export async function multipartBody(bytes: Uint8Array, name: string, fileKind: string) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type: "application/octet-stream" }), name);
  form.append("file_kind", fileKind);
  const response = new Response(form);
  return { body: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get("content-type")! };
}

/** X-api-key and Content-Type. */
export type KeyHeaders = Record<string, string>;

/** Registers a model and uploads files to it; returns its modelid. */
export async function registerModel(client: AdapterClient, headers: KeyHeaders, metadata: object, files: { bytes: Uint8Array; name: string; kind: string }[]): Promise<string> {
  const added = await client.request("POST", "/model/add", { headers, body: JSON.stringify(metadata) });
  if (added.status !== 201) throw new Error(`model/add: ${added.status} ${JSON.stringify(added.body)}`);
  for (const file of files) {
    const { body, contentType } = await multipartBody(file.bytes, file.name, file.kind);
    const up = await client.request("POST", `/model/${added.body.modelid}/upload`, { headers: { "X-api-key": headers["X-api-key"]!, "Content-Type": contentType }, body });
    if (up.status !== 201) throw new Error(`upload ${file.name}: ${up.status} ${JSON.stringify(up.body)}`);
  }
  return added.body.modelid;
}

/** Polls the status until it leaves waiting/loading (or 10 s pass). */
export async function settledStatus(client: AdapterClient, headers: KeyHeaders, deploymentId: string): Promise<{ status: string; reason: string | null }> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await client.request("GET", `/deployment/get/status/${encodeURIComponent(deploymentId)}`, { headers });
    if (res.status !== 200) throw new Error(`status: ${res.status} ${JSON.stringify(res.body)}`);
    if ((res.body.status !== "pending" && res.body.status !== "under_deployment") || Date.now() > deadline) return res.body;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
