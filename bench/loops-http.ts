/**
 * HTTP part of `npm run bench:loops`: the production server (`node dist/server.js`, embedded Postgres in
 * .data/bench-loops) on a free loopback port; an account, a loops key (admin CLI) and three loops
 * (POST /definitions/); then /predict/ under wrk (or autocannon), /train/ in batches of 1,000 and
 * /train/ single examples from 20 clients into one loop, with n_seen checked at the end. The same
 * requests then go through `next start` (the app/ route adapter), on the same database.
 */
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { postLoad, type Load, type LoadTool } from "./post-load";
import { benchAccountKey, children, launchServer, stopChild, type LaunchedServer } from "./processes";

export { children, stopChild };

const DATA_DIR = ".data/bench-loops";
/** The embedded Postgres's data folder under DATA_DIR (db/embedded.ts). */
export const PG_DATA = path.join(DATA_DIR, "pg");

export type Server = LaunchedServer;
export interface Client { port: number; headers: Record<string, string> }

/** With the empty handler (/bench/empty) beside the API, for the paired floor rounds (loops-paired.ts). */
const serverEnv = (port: number) => ({ ...process.env, NODE_ENV: "production" as const, PORT: String(port), HOST: "127.0.0.1", CRUCIBLE_DATA_DIR: DATA_DIR, CRUCIBLE_BENCH_ROUTES: "1" });

/** The fast-path server; `cpuProfileDir` adds node's --cpu-prof (written when it exits on SIGTERM). */
export function startServer(cpuProfileDir?: string): Promise<Server> {
  const flags = cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfileDir}`] : [];
  return launchServer("server", () => [...flags, "dist/server.js"], serverEnv);
}

/**
 * The embedded Postgres that dist/server.js started (it owns the server while it runs): its URL, from
 * the owner file and the generated password beside the data folder (db/embedded.ts).
 */
export function embeddedDatabaseUrl(): string {
  const { port } = JSON.parse(readFileSync(path.join(DATA_DIR, "pg-owner.json"), "utf8")) as { port: number };
  const password = readFileSync(path.join(DATA_DIR, "pg-password"), "utf8").trim();
  return `postgres://crucible:${encodeURIComponent(password)}@127.0.0.1:${port}/crucible`;
}

/** Has `next build` run here? `next start` needs its output. */
export const hasNextBuild = () => existsSync(".next/BUILD_ID");

/** `next start` (production) on a free loopback port, on the given database; ready when GET /healthz answers 200. */
export function startNext(databaseUrl: string): Promise<Server> {
  return launchServer(
    "next start",
    (port) => ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    () => ({ ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: "bench-only-secret" }),
  );
}

/** A fresh account and a loops key, through the admin CLI. */
export async function createClient(port: number): Promise<Client> {
  const { username, secret } = await benchAccountKey(serverEnv(port), "loops");
  return { port, headers: { "content-type": "application/json", "x-api-key": secret, "x-username": username } };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** A request body serialised once, so that a load loop does not spend the client's CPU re-serialising it. */
export class JsonText {
  constructor(readonly text: string) {}
}

/** One POST over a keep-alive node:http agent; resolves with the status and parsed JSON body. */
export function post(client: Client, urlPath: string, body: unknown, loopId?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const text = body instanceof JsonText ? body.text : JSON.stringify(body);
  const headers = { ...client.headers, ...(loopId ? { "x-loop-id": loopId } : {}), "content-length": String(Buffer.byteLength(text)) };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: client.port, path: urlPath, method: "POST", headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown> }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(text);
  });
}

export async function defineLoop(client: Client, name: string, task: string, inputSchema: object, outputSchema: object): Promise<string> {
  const r = await post(client, "/definitions/", { name, task_type: task, input_schema: inputSchema, output_schema: outputSchema });
  if (r.status !== 200) throw new Error(`POST /definitions/ answered ${r.status}: ${JSON.stringify(r.json).slice(0, 300)}`);
  return String(r.json.loop_id);
}

export async function nSeen(client: Client, loopId: string, input: Record<string, unknown>): Promise<number> {
  const r = await post(client, "/predict/", { data: input }, loopId);
  if (r.status !== 200) throw new Error(`POST /predict/ answered ${r.status}: ${JSON.stringify(r.json).slice(0, 300)}`);
  return Number((r.json.predictions as { n_seen: number }[])[0]!.n_seen);
}

// ---- load
/** Constant POST load (same body every request) from wrk -t1 when present, else autocannon. */
export function constantLoad(tool: LoadTool, dir: string, client: Client, urlPath: string, loopId: string, body: unknown, connections: number, seconds: number): Promise<Load> {
  const target = { url: `http://127.0.0.1:${client.port}${urlPath}`, headers: { ...client.headers, "x-loop-id": loopId }, body: JSON.stringify(body) };
  return postLoad(tool, dir, target, connections, seconds);
}

/**
 * `clients` closed-loop clients POSTing for `seconds`; every answer is awaited, so the server has
 * handled exactly `ok + failed` requests when this resolves (what makes the n_seen check exact).
 * Bodies should be JsonText: the client shares the machine's two cores with the server and Postgres.
 */
export function closedLoop(client: Client, urlPath: string, loopId: string | ((i: number) => string), clients: number, seconds: number, body: (i: number) => unknown) {
  const loopOf = typeof loopId === "string" ? () => loopId : loopId;
  return closedWork(clients, seconds, async (i) => (await post(client, urlPath, body(i), loopOf(i))).status === 200);
}

/**
 * `clients` closed-loop clients each running `step` (one or more requests; true when it succeeded) for
 * `seconds`; every step is awaited. Latencies are per step.
 */
export async function closedWork(clients: number, seconds: number, step: (i: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let ok = 0, failed = 0, i = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      const succeeded = await step(i++);
      latencies.push(performance.now() - t);
      if (succeeded) ok++;
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
  return { ok, failed, elapsed, rps: (ok + failed) / elapsed, p50Ms: at(0.5), p99Ms: at(0.99) };
}

export function closeAgent(): void {
  agent.destroy();
}
