/**
 * HTTP floor: requests/second for the "empty handler" (POST /bench/empty: parse a ~350-byte JSON body,
 * answer a fixed ~190-byte JSON reply) served three ways, each server alone while it is measured:
 * `next start` (the app/ route adapter), the fast path (`node dist/server.js`), and a bare node:http
 * server (this file, run with --serve-bare). Load from wrk when it is on PATH, else autocannon.
 *
 *   npm run bench:http-floor                      (builds first)
 *   node dist/bench/http-floor.js [--duration S] [--quick] [--json FILE] [--tool wrk|autocannon] [--body-file FILE]
 *
 * --body-file posts that JSON object instead of the representative body (the loops bench passes its
 * /predict/ body, so the floors parse the same JSON as the requests they are compared with).
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { BENCH_PATH, BENCH_REPLY, BENCH_REQUEST_BODY } from "@/lib/bench/empty-route";
import { hasWrk, postLoad, wrkVersion, type Load, type LoadTool } from "./post-load";
import { launchServer, stopChild } from "./processes";

const REPLY_TEXT = JSON.stringify(BENCH_REPLY);
const CONNECTIONS = [50, 1] as const;

interface Sample extends Load { server: string; connections: number }

// ---- the bare node:http server: the same work as the handler (read the body, JSON.parse, JSON.stringify the reply)
function serveBare(port: number): void {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      let ok = true;
      try { JSON.parse(Buffer.concat(chunks).toString("utf8")); } catch { ok = false; }
      const text = JSON.stringify(ok ? BENCH_REPLY : { error: "bad_request" });
      res.writeHead(ok ? 200 : 400, { "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(text)) });
      res.end(text);
    });
  });
  server.listen(port, "127.0.0.1");
}

// ---- servers as child processes
/** `healthz`: a GET path that must answer 200 before the server counts as up; otherwise any answer to the benchmark POST does. */
interface ServerSpec { name: string; args(port: number): string[]; env(port: number): Record<string, string>; healthz?: string }
const SERVERS: ServerSpec[] = [
  {
    name: "next start",
    args: (port) => ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    env: () => ({ NEXTAUTH_SECRET: "bench-only-secret" }),
  },
  {
    name: "fast path",
    args: () => ["dist/server.js"],
    env: (port) => ({ PORT: String(port), HOST: "127.0.0.1", CRUCIBLE_DATA_DIR: ".data/bench" }),
    healthz: "/healthz", // answers once the embedded Postgres is up and migrated
  },
  { name: "bare node:http", args: (port) => [process.argv[1]!, "--serve-bare", String(port)], env: () => ({}) },
];

/** The JSON body every client posts: the representative one, or the caller's (`--body-file`, e.g. the loops bench's /predict/ body). */
let requestBody = BENCH_REQUEST_BODY;

interface Running { name: string; port: number; child: ChildProcess; log: string[] }
const running = new Set<Running>();

async function call(port: number, method: "GET" | "POST", urlPath: string): Promise<{ status: number; text: string }> {
  const post = method === "POST";
  const response = await fetch(`http://127.0.0.1:${port}${urlPath}`, {
    method,
    headers: post ? { "content-type": "application/json" } : undefined,
    body: post ? requestBody : undefined,
    signal: AbortSignal.timeout(5_000),
  });
  return { status: response.status, text: await response.text() };
}

/** Starts a server (see launchServer) and checks that it answers the benchmark POST with the fixed reply. */
async function start(spec: ServerSpec): Promise<Running> {
  // Ready: /healthz answers 200 where there is one, else any answer to the benchmark POST.
  const ready = (port: number) =>
    (spec.healthz ? call(port, "GET", spec.healthz) : call(port, "POST", BENCH_PATH)).then((answer) => !spec.healthz || answer.status === 200, () => false);
  const env = (port: number) => ({ ...process.env, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1", CRUCIBLE_BENCH_ROUTES: "1", ...spec.env(port) });
  const launched = await launchServer(spec.name, spec.args, env, ready);
  const server: Running = { name: spec.name, ...launched };
  running.add(server);
  const check = await call(server.port, "POST", BENCH_PATH);
  if (check.status !== 200 || check.text !== REPLY_TEXT) {
    throw new Error(`${spec.name}: POST ${BENCH_PATH} answered ${check.status} ${check.text.slice(0, 200)} (is CRUCIBLE_BENCH_ROUTES honoured? rebuild?)`);
  }
  return server;
}

async function stop(server: Running): Promise<void> {
  await stopChild(server.child);
  running.delete(server);
}

// ---- main
function options(argv: string[]) {
  const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const quick = argv.includes("--quick");
  const duration = quick ? 1 : Math.max(1, Math.round(Number(value("--duration") ?? 8)));
  if (!Number.isFinite(duration)) throw new Error("--duration takes a number of seconds");
  const wanted = value("--tool");
  if (wanted && wanted !== "wrk" && wanted !== "autocannon") throw new Error("--tool is wrk or autocannon");
  const wrkThere = hasWrk();
  if (wanted === "wrk" && !wrkThere) throw new Error("wrk is not on PATH");
  const tool: LoadTool = (wanted as LoadTool | undefined) ?? (wrkThere ? "wrk" : "autocannon");
  const bodyFile = value("--body-file");
  const body = bodyFile ? readFileSync(bodyFile, "utf8").trim() : BENCH_REQUEST_BODY;
  const parsed: unknown = JSON.parse(body);
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("--body-file must hold a JSON object");
  return { duration, warmup: quick ? 1 : 2, json: value("--json"), tool, body };
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  requestBody = opts.body;
  const toolVersion = opts.tool === "wrk" ? `${wrkVersion()} (1 thread)` : "autocannon 8 (in-process; latencies in whole ms)";
  const cpu = os.cpus();
  console.log(`HTTP floor: POST ${BENCH_PATH}, ${Buffer.byteLength(requestBody)}-byte JSON body, ${Buffer.byteLength(REPLY_TEXT)}-byte JSON reply`);
  console.log(`load generator: ${toolVersion}; ${opts.warmup} s warm-up, ${opts.duration} s per run`);
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? "cpu"}, Node ${process.version}, ${os.platform()} ${os.release()}\n`);

  const dir = mkdtempSync(path.join(os.tmpdir(), "http-floor-"));
  // One wrk thread, so on a 2-core box the server has a core of its own (wrk needs ~60% of one at 65k req/s).
  const load = (url: string, connections: number, seconds: number) =>
    postLoad(opts.tool, dir, { url, headers: { "content-type": "application/json" }, body: requestBody }, connections, seconds);
  const samples: Sample[] = [];
  try {
    for (const spec of SERVERS) {
      process.stdout.write(`${spec.name}: starting… `);
      const server = await start(spec);
      try {
        const url = `http://127.0.0.1:${server.port}${BENCH_PATH}`;
        await load(url, CONNECTIONS[0], opts.warmup);
        for (const connections of CONNECTIONS) {
          const sample = { server: spec.name, connections, ...(await load(url, connections, opts.duration)) };
          samples.push(sample);
          process.stdout.write(`c${connections} ${fmt(sample.rps)} req/s  `);
        }
        process.stdout.write("\n");
      } finally {
        await stop(server);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const get = (server: string, connections: number) => samples.find((s) => s.server === server && s.connections === connections)!;
  console.log(`\n${"server".padEnd(16)}${"conns".padStart(6)}${"req/s".padStart(10)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"errors".padStart(8)}`);
  for (const connections of CONNECTIONS) {
    for (const spec of SERVERS) {
      const s = get(spec.name, connections);
      console.log(`${s.server.padEnd(16)}${String(connections).padStart(6)}${fmt(s.rps).padStart(10)}${fmt(s.p50Ms, 2).padStart(9)}${fmt(s.p99Ms, 2).padStart(9)}${String(s.errors).padStart(8)}`);
    }
  }
  const ratios = CONNECTIONS.map((connections) => {
    const fast = get("fast path", connections).rps;
    return { connections, fastOverNext: fast / get("next start", connections).rps, fastOverBare: fast / get("bare node:http", connections).rps };
  });
  console.log("");
  for (const r of ratios) console.log(`c${r.connections}: fast path / next start = ${r.fastOverNext.toFixed(1)}×   fast path / bare node:http = ${r.fastOverBare.toFixed(2)}×`);
  const at50 = ratios[0]!;
  const targets = { fastOverNextAtLeast10: at50.fastOverNext >= 10, fastOverBareAtLeastHalf: at50.fastOverBare >= 0.5 };
  console.log(`targets at 50 connections: ≥10× next start ${targets.fastOverNextAtLeast10 ? "MET" : "MISSED"}, ≥0.5× bare node:http ${targets.fastOverBareAtLeastHalf ? "MET" : "MISSED"}`);

  if (opts.json) {
    const report = { date: new Date().toISOString(), node: process.version, cpus: cpu.length, cpuModel: cpu[0]?.model.trim(), ...opts, tool: toolVersion, samples, ratios, targets };
    writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wrote ${opts.json}`);
  }
  const failed = samples.filter((s) => s.errors > 0);
  if (failed.length) {
    console.error(`errors or non-2xx answers in: ${failed.map((s) => `${s.server} c${s.connections}`).join(", ")}`);
    process.exitCode = 1;
  }
}

if (process.argv[2] === "--serve-bare") serveBare(Number(process.argv[3]));
else {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void Promise.all([...running].map(stop)).finally(() => process.exit(130)));
  }
  main().catch(async (error: unknown) => {
    console.error(`\nhttp-floor failed: ${error instanceof Error ? error.message : String(error)}`);
    await Promise.all([...running].map(stop));
    process.exit(1);
  });
}
