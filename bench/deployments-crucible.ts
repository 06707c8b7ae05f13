/**
 * Crucible side of `npm run bench:deployments`: the production server (`node dist/server.js`) on a
 * free loopback port with its own embedded Postgres and blob store in .data/bench-deployments, an
 * account and a `models` key from the admin CLI, and the models API calls that register, upload and
 * deploy a pickle (POST /model/add, POST /model/{id}/upload, POST /deployment/add, then
 * GET /deployment/get/status/{id} until deployed).
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { benchAccountKey, launchServer, stopChild, type LaunchedServer } from "./processes";

export const DATA_DIR = ".data/bench-deployments";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type CrucibleServer = LaunchedServer;
export interface ApiClient { base: string; headers: Record<string, string> }

const serverEnv = (port: number) => ({ ...process.env, NODE_ENV: "production" as const, PORT: String(port), HOST: "127.0.0.1", CRUCIBLE_DATA_DIR: DATA_DIR });

/** A fresh data folder: the operations log of earlier runs would otherwise grow without bound. */
export function wipeDataDir(): void {
  rmSync(path.resolve(DATA_DIR), { recursive: true, force: true });
}

/** Starts dist/server.js; `cpuProfileDir` adds node's --cpu-prof (written when the server exits on SIGTERM). */
export function startCrucible(cpuProfileDir?: string): Promise<CrucibleServer> {
  const flags = cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfileDir}`] : [];
  return launchServer("server", () => [...flags, "dist/server.js"], serverEnv);
}

export { stopChild };

/** A fresh account and a `models` key, through the admin CLI (as an operator would script it). */
export async function createModelsClient(port: number): Promise<ApiClient> {
  const { secret } = await benchAccountKey(serverEnv(port), "models");
  return { base: `http://127.0.0.1:${port}`, headers: { "content-type": "application/json", "x-api-key": secret } };
}

async function call(client: ApiClient, method: "GET" | "POST", urlPath: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${client.base}${urlPath}`, {
    method,
    headers: client.headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

function expectStatus(what: string, got: { status: number; json: unknown }, want: number): void {
  if (got.status !== want) throw new Error(`${what} answered ${got.status}: ${JSON.stringify(got.json).slice(0, 400)}`);
}

export interface BenchModel { name: string; className: string; kind: "regression" | "classification"; file: string; features: string[] }

/** POST /model/add with the feature list, then the pickle as a multipart upload (file_kind=model). */
export async function registerModel(client: ApiClient, model: BenchModel): Promise<string> {
  const featurelist = model.features.map((feature_name) => ({ feature_name, type: "cont", kind: 0 }));
  const added = await call(client, "POST", "/model/add", { modelname: `bench ${model.name}`, modelkind: model.kind, featurelist, modeltags: ["bench"] });
  expectStatus("POST /model/add", added, 201);
  const modelId = String(added.json.modelid);
  const form = new FormData();
  form.append("file", new Blob([readFileSync(model.file)], { type: "application/octet-stream" }), path.basename(model.file));
  form.append("file_kind", "model");
  const response = await fetch(`${client.base}/model/${modelId}/upload`, { method: "POST", headers: { "x-api-key": client.headers["x-api-key"]! }, body: form });
  expectStatus(`POST /model/${modelId}/upload`, { status: response.status, json: await response.text() }, 201);
  return modelId;
}

/** POST /deployment/add, then the status until it leaves waiting/loading (failed is an error). */
export async function deploy(client: ApiClient, modelId: string, deploymentId: string): Promise<void> {
  const created = await call(client, "POST", "/deployment/add", {
    modelid: modelId,
    ownerid: "bench",
    placement: { clusterID: "*", node: "*", continuum: true },
    deployment_id: deploymentId,
    inference_data: 0,
  });
  expectStatus("POST /deployment/add", created, 201);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await call(client, "GET", `/deployment/get/status/${encodeURIComponent(deploymentId)}`);
    expectStatus("GET /deployment/get/status", status, 200);
    if (status.json.status === "deployed") return;
    if (status.json.status === "Deployment_Failed") throw new Error(`deployment ${deploymentId} failed: ${String(status.json.reason)}`);
    if (Date.now() > deadline) throw new Error(`deployment ${deploymentId} still ${String(status.json.status)} after 60 s`);
    await sleep(50);
  }
}

/** The predict body the benchmark sends: one row, no explanation. */
export const predictBody = (row: number[]) => ({ data: row, explain: false });

/** POST /deployment/{id}/predict; the prediction list of a 200, else an error naming the answer. */
export async function predictOnce(base: string, headers: Record<string, string>, deploymentId: string, row: number[]): Promise<(number | string)[]> {
  const response = await fetch(`${base}/deployment/${encodeURIComponent(deploymentId)}/predict`, {
    method: "POST",
    headers,
    body: JSON.stringify(predictBody(row)),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${base} predict ${deploymentId} answered ${response.status}: ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { prediction: (number | string)[] }).prediction;
}
