/**
 * /train/ throughput of two builds side by side, for before/after comparisons on a noisy machine: both
 * builds' fast-path servers (`node dist/server.js`, each with its own embedded Postgres in
 * .data/bench-ab of its checkout) run at once, and 5-second bursts alternate between them, so load from
 * elsewhere falls on both. Each checkout needs `npm run build` first.
 *
 *   node bench/train-batches-ab.mjs --before ../other-checkout --after . [--rounds 8] [--seconds 5] [--singles | --spread]
 *
 * Batches: one client posting 1,000 breast_cancer rows per request (examples/s). --singles: 20 clients
 * posting one example each into one loop (requests/s). --spread: the same over 100 loops (request i to
 * loop i mod 100). Prints each round and the medians' ratio (after ÷ before).
 */
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";

const arg = (flag, fallback) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : fallback);
const builds = { after: path.resolve(".") };
const rounds = Number(arg("--rounds", 8));
const seconds = Number(arg("--seconds", 5));
const spread = process.argv.includes("--spread");
const singles = spread || process.argv.includes("--singles");
const LOOPS = spread ? 100 : 1;

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () => new Promise((r) => { const s = net.createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => r(p)); }); });

const [, ...lines] = readFileSync(path.join(import.meta.dirname, "..", "lib", "loops", "testdata", "breast_cancer.csv"), "utf8").trim().split("\n");
const names = Array.from({ length: 30 }, (_, i) => `f${String(i).padStart(2, "0")}`);
const rows = lines.map((l) => { const c = l.trim().split(",").map(Number); return { ...Object.fromEntries(names.map((n, j) => [n, c[j]])), label: c[30] === 1 }; });
const batchBody = JSON.stringify({ data: Array.from({ length: 1000 }, (_, i) => rows[i % rows.length]) });
const singleBodies = rows.map((r) => JSON.stringify({ data: r }));

function post(port, headers, urlPath, text) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: urlPath, method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(text) } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, json: JSON.parse(Buffer.concat(chunks).toString() || "{}") }));
    });
    req.on("error", reject);
    req.end(text);
  });
}

const healthy = (port) => new Promise((r) => http.get({ host: "127.0.0.1", port, path: "/healthz" }, (res) => { res.resume(); r(res.statusCode === 200); }).on("error", () => r(false)));

async function start(name, dir) {
  const port = await freePort();
  const env = { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", CRUCIBLE_DATA_DIR: ".data/bench-ab", CRUCIBLE_BENCH_ROUTES: "1" };
  const child = spawn(process.execPath, [...(process.env.PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.PROF_DIR}`] : []), "dist/server.js"], { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] });
  for (let i = 0; i < 900 && !(await healthy(port)); i++) await sleep(100);
  const user = `ab-${name}-${Date.now().toString(36)}`;
  const email = `${user}@bench.invalid`;
  const cli = (args) => JSON.parse(execFileSync(process.execPath, ["dist/lib/admin/cli.js", ...args, "--json"], { cwd: dir, env }).toString());
  cli(["create-user", "--email", email, "--password", `pw-${user}-long-enough`, "--username", user]);
  const key = cli(["create-key", "--email", email, "--scope", "loops", "--name", "ab"]);
  const headers = { "content-type": "application/json", "x-api-key": String(key.secret), "x-username": user };
  const schema = { name: "ab", task_type: "classification", input_schema: Object.fromEntries(names.map((n) => [n, "float"])), output_schema: { label: "boolean" } };
  const loops = [];
  for (let i = 0; i < LOOPS; i++) {
    const defined = await post(port, headers, "/definitions/", JSON.stringify(schema));
    if (defined.status !== 200) throw new Error(`${name}: POST /definitions/ answered ${defined.status}`);
    loops.push({ ...headers, "x-loop-id": String(defined.json.loop_id) });
  }
  return { name, child, port, loops };
}

async function burst(server) {
  let ok = 0;
  let i = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const n = i++;
      const r = await post(server.port, server.loops[n % LOOPS], "/train/", singles ? singleBodies[n % singleBodies.length] : batchBody);
      if (r.status !== 200) throw new Error(`${server.name}: /train/ answered ${r.status}: ${JSON.stringify(r.json).slice(0, 200)}`);
      ok++;
    }
  };
  await Promise.all(Array.from({ length: singles ? 20 : 1 }, client));
  return (ok * (singles ? 1 : 1000)) / ((performance.now() - started) / 1000);
}


import { readdirSync } from "node:fs";
const ticks = (pid) => { try { const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" "); return Number(f[11]) + Number(f[12]); } catch { return 0; } };
const pgPids = () => readdirSync("/proc").filter((d) => /^\d+$/.test(d)).filter((d) => { try { return readFileSync(`/proc/${d}/comm`, "utf8").trim() === "postgres"; } catch { return false; } });
const pgTicks = () => pgPids().reduce((n, p) => n + ticks(p), 0);
async function measured(label, server, urlPath) {
  const t0 = ticks(server.child.pid), p0 = pgTicks(), c0 = process.cpuUsage();
  let ok = 0, i = 0; const started = performance.now(); const end = started + seconds * 1000;
  await Promise.all(Array.from({ length: 20 }, async () => { while (performance.now() < end) { const n = i++; const r = await post(server.port, server.loops[n % LOOPS], urlPath, singleBodies[n % singleBodies.length]); if (r.status !== 200) throw new Error(String(r.status)); ok++; } }));
  const el = (performance.now() - started) / 1000; const c = process.cpuUsage(c0);
  const us = (t) => ((t * 10000) / ok).toFixed(0);
  console.log(`${label.padEnd(10)} ${(ok / el).toFixed(0).padStart(6)} req/s; CPU per request: server ${us(ticks(server.child.pid) - t0)} us, postgres ${us(pgTicks() - p0)} us, client ${((c.user + c.system) / ok).toFixed(0)} us`);
}
async function cycle(server) {
  const lat = { p: [], t: [] }; let i = 0; const end = performance.now() + seconds * 1000;
  const predictBodies = rows.map((r) => { const { label, ...x } = r; return JSON.stringify({ data: x }); });
  await Promise.all(Array.from({ length: 20 }, async () => { while (performance.now() < end) { const n = i++; let t = performance.now(); let r = await post(server.port, server.loops[0], "/predict/", predictBodies[n % rows.length]); lat.p.push(performance.now() - t); t = performance.now(); r = await post(server.port, server.loops[0], "/train/", singleBodies[n % rows.length]); lat.t.push(performance.now() - t); } }));
  for (const k of ["p", "t"]) { const a = lat[k].sort((x, y) => x - y); console.log(`cycle ${k === "p" ? "predict" : "train"}: n ${a.length} p50 ${a[a.length >> 1].toFixed(1)} p99 ${a[Math.floor(a.length * 0.99)].toFixed(1)} max ${a.at(-1).toFixed(1)} ms; over 100 ms: ${a.filter((x) => x > 100).length}`); }
}
const s = await start("after", builds.after);
if (process.env.EXP_SQL) {
  const { default: postgres } = await import("postgres");
  const { port } = JSON.parse(readFileSync(".data/bench-ab/pg-owner.json", "utf8"));
  const pw = readFileSync(".data/bench-ab/pg-password", "utf8").trim();
  const db = postgres({ host: "127.0.0.1", port, user: "crucible", password: pw, database: "crucible", max: 1, onnotice() {} });
  for (const q of process.env.EXP_SQL.split(";;")) console.log(q, await db.unsafe(q).then(() => "ok", (e) => String(e)));
  await db.end();
}
if (process.argv.includes("--cycle")) { try { await burst(s); await cycle(s); await cycle(s); } finally { s.child.kill("SIGTERM"); await sleep(2000); agent.destroy(); } process.exit(0); }
try {
  await burst(s);
  for (let r = 0; r < 2; r++) { await measured("empty", s, "/bench/empty"); await measured("train", s, "/train/"); }
} finally { s.child.kill("SIGTERM"); await sleep(2000); agent.destroy(); }
