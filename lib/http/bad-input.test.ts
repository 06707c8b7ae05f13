import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeAccount, makeKey, sessionCookieFor } from "@/lib/auth/testing";
import { stopBoss } from "@/lib/jobs/boss";
import { cruncherIdOf, leaseSpecificTask } from "@/lib/tasks/queue";
import { BODY_CASES, PARAM_CASES, QUERY_CASES } from "./bad-input-battery";
import type { RouteDefinition } from "./family";
import { apiRouter } from "./routes";
import { adapterClients, type AdapterClient, type TestResponse } from "./testing";

// Every public and session route against the shared battery of hostile input: no answer is a 5xx,
// every refusal is in the route's own family's error shape, and each answer comes within a second.

process.env.CRUCIBLE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "crucible-bad-input-"));
const clients = await adapterClients(apiRouter);
const [setupClient] = clients as [AdapterClient];
afterAll(async () => {
  await stopBoss();
  await Promise.all(clients.map((c) => c.close()));
});

type Family = "loops" | "models" | "tasks" | "session" | "platform";

function familyOf(route: RouteDefinition): Family {
  if (route.path.startsWith("/api/")) return "session";
  if (/^\/(definitions|train|predict)\b/.test(route.path) || route.path === "/healthz/loops") return "loops";
  if (/^\/(model|deployment|mltraining)\b/.test(route.path) || route.path === "/healthz/models") return "models";
  if (route.path.startsWith("/v1/") || route.path === "/healthz/tasks") return "tasks";
  return "platform";
}

/** The family's error shape (the session routes answer in one of two). */
function isFamilyError(family: Family, body: unknown): boolean {
  const b = body as Record<string, unknown> | undefined;
  if (!b || typeof b !== "object") return false;
  const detail = typeof b.detail === "string" || Array.isArray(b.detail);
  const message = typeof b.error === "string" && typeof b.message === "string";
  if (family === "loops") return b.status === "failed" && typeof b.message === "string" && Array.isArray(b.errors);
  if (family === "models") return detail;
  if (family === "session") return detail || message;
  return message;
}

const headers: Record<Family, Record<string, string>> = { loops: {}, models: {}, tasks: {}, session: {}, platform: {} };
const realParams: Record<string, string> = {};

async function setupCall(method: string, url: string, family: Family, body?: unknown, extra: Record<string, string> = {}): Promise<TestResponse> {
  const response = await setupClient.request(method, url, {
    headers: { ...headers[family], ...(body === undefined ? {} : { "content-type": "application/json" }), ...extra },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${method} ${url} → ${response.status} ${JSON.stringify(response.body)}`);
  return response;
}

beforeAll(async () => {
  const account = await makeAccount();
  headers.loops = { "x-api-key": await makeKey(account.id, { scope: "loops" }), "x-username": account.username };
  headers.models = { "x-api-key": await makeKey(account.id, { scope: "models" }) };
  headers.tasks = { "x-heat-api-key": await makeKey(account.id, { scope: "tasks", mode: "live" }) };
  headers.session = { cookie: await sessionCookieFor(account) };

  // Real things for the routes' ids, made through the APIs themselves.
  const loop = await setupCall("POST", "/definitions/", "loops", { name: "battery", task_type: "classification", input_schema: { x: "float", s: "string" }, output_schema: { y: "string" } });
  headers.loops["x-loop-id"] = realParams.loop_id = loop.body.loop_id;
  await setupCall("POST", "/train/", "loops", { data: [{ x: 1, s: "a", y: "yes" }, { x: 2, s: "b", y: "no" }] });

  const model = await setupCall("POST", "/model/add", "models", { modelname: "battery", modelkind: "Regressor", featurelist: [{ feature_name: "bmi", type: "cont", kind: 0 }], drift_detection: [{ is_true: 1, method: 0 }] });
  realParams.model_id = model.body.modelid;
  realParams.modelkind = "Regressor";
  const form = new FormData();
  form.append("file_kind", "model");
  form.append("file", new Blob([readFileSync(path.resolve(import.meta.dirname, "../models/fixtures/models/ridge.p4.pkl"))]), "ridge.pkl");
  const multipart = new Request("http://localhost/", { method: "POST", body: form });
  const uploaded = await setupClient.request("POST", `/model/${realParams.model_id}/upload`, {
    headers: { ...headers.models, "content-type": multipart.headers.get("content-type")! },
    body: new Uint8Array(await multipart.arrayBuffer()),
  });
  realParams.sha256 = uploaded.body.sha256;
  realParams.version = "1";
  realParams.name = "production";
  const deployment = await setupCall("POST", "/deployment/add", "models", { modelid: realParams.model_id, ownerid: "battery", placement: { clusterID: "*", node: "*", continuum: false } });
  realParams.deployment_id = deployment.body.deployment_id;
  realParams.ownerid = "battery";
  realParams.job_id = "00000000-0000-4000-8000-000000000001";

  const task = await setupCall("POST", "/v1/requests/free-text", "tasks", { instruction: "Battery question" });
  realParams.type = "free-text";
  realParams.request_id = task.body.id;
  realParams.file = "image.png";
  realParams.file_id = "00000000-0000-4000-8000-000000000002";
  realParams.assignment_id = (await leaseSpecificTask(getDb(), task.body.id, cruncherIdOf(account.id)))!.assignmentId;
}, 60_000);

const routes = apiRouter.list().filter((r) => r.path !== "/bench/empty");
const pathWith = (route: RouteDefinition, value: (name: string) => string) => route.path.replace(/:([a-z_0-9]+)/g, (_m, name: string) => value(name));
// Routes that would delete or abort the shared fixtures get hostile ids only.
const destructive = (route: RouteDefinition) => route.method === "DELETE" || route.path.startsWith("/v1/tasks/abort");

interface Attempt {
  route: RouteDefinition;
  url: string;
  body?: string;
  contentType?: string;
  label: string;
}

function attemptsFor(route: RouteDefinition): Attempt[] {
  const real = (name: string) => encodeURIComponent(realParams[name] ?? "x");
  const attempts: Attempt[] = [];
  const base = destructive(route) ? pathWith(route, () => "00000000-0000-4000-8000-00000000dead") : pathWith(route, real);
  if (route.path.includes(":")) {
    for (const { label, value } of PARAM_CASES) attempts.push({ route, url: pathWith(route, () => value), label: `path: ${label}` });
  }
  for (const { label, query } of QUERY_CASES) attempts.push({ route, url: `${base}?${query}`, label: `query: ${label}` });
  if (route.method !== "GET" && route.method !== "DELETE") {
    const contentType = route.streamBody ? "multipart/form-data; boundary=battery" : "application/json";
    for (const { label, body } of BODY_CASES) attempts.push({ route, url: base, body, contentType, label: `body: ${label}` });
    attempts.push({ route, url: base, body: "--battery\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b\"\r\n\r\nx\r\n", contentType: "multipart/form-data", label: "body: multipart without a boundary" });
  }
  return attempts;
}

describe.each(clients.map((c) => [c.name, c] as const))("the bad-input battery through the %s", (_name, client) => {
  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))("%s: never a 5xx, always the family's error shape, always within a second", async (_label, route) => {
    const failures: string[] = [];
    for (const attempt of attemptsFor(route)) {
      const family = familyOf(route);
      const started = performance.now();
      const response = await client.request(route.method, attempt.url, {
        headers: { ...headers[family], ...(attempt.contentType ? { "content-type": attempt.contentType } : {}) },
        body: attempt.body,
      });
      const ms = performance.now() - started;
      const where = `${attempt.label} → ${response.status}`;
      if (response.status >= 500) failures.push(`${where} ${JSON.stringify(response.body)?.slice(0, 300)}`);
      else if (response.status >= 400 && !isFamilyError(family, response.body)) failures.push(`${where}: not the ${family} error shape: ${JSON.stringify(response.body)?.slice(0, 200)}`);
      if (ms > 1000) failures.push(`${where}: took ${Math.round(ms)} ms`);
    }
    expect(failures).toEqual([]);
  });
});
