/**
 * Constant POST load for every benchmark (HTTP floor, loops, deployments): the same body on every
 * request, from wrk -t1 with a Lua script when wrk is on PATH (one thread, so on a 2-core box the
 * server keeps the other core), else autocannon in-process. Errors count connection/read/write/timeout
 * failures and non-2xx answers.
 */
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { children } from "./processes";

export type LoadTool = "wrk" | "autocannon";
export interface Load { rps: number; p50Ms: number; p99Ms: number; requests: number; errors: number }
export interface LoadTarget { url: string; headers: Record<string, string>; body: string }

export const hasWrk = () => !spawnSync("wrk", ["-v"]).error;

/** "wrk debian/4.1.0-3+b2" from wrk's banner line. */
export function wrkVersion(): string {
  const r = spawnSync("wrk", ["-v"], { encoding: "utf8" });
  return (r.stdout || r.stderr || "wrk").split("\n")[0]!.trim().split(/\s+/).slice(0, 2).join(" ");
}

function wrkScript(dir: string, target: LoadTarget): string {
  const file = path.join(dir, `post-${Math.random().toString(36).slice(2)}.lua`);
  const lua = [
    `wrk.method = "POST"`,
    ...Object.entries(target.headers).map(([k, v]) => `wrk.headers["${k}"] = "${v}"`),
    `wrk.body = [==[${target.body}]==]`,
    `done = function(summary, latency, requests)`,
    `  local e = summary.errors`,
    `  io.write(string.format("BENCH_JSON {\\"requests\\":%d,\\"duration_us\\":%d,\\"p50_us\\":%.1f,\\"p99_us\\":%.1f,\\"errors\\":%d}\\n",`,
    `    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.status + e.timeout))`,
    `end`,
  ];
  writeFileSync(file, lua.join("\n"));
  return file;
}

function runWrk(script: string, url: string, connections: number, seconds: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    const wrk = spawn("wrk", ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "-s", script, url], { stdio: ["ignore", "pipe", "pipe"] });
    children.add(wrk);
    let out = "";
    wrk.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    wrk.stderr.on("data", (c: Buffer) => (out += c.toString("utf8")));
    wrk.on("error", reject);
    wrk.on("close", (code) => {
      children.delete(wrk);
      const line = out.split("\n").find((l) => l.startsWith("BENCH_JSON "));
      if (code !== 0 || !line) return reject(new Error(`wrk failed (exit ${code}):\n${out}`));
      const r = JSON.parse(line.slice("BENCH_JSON ".length)) as { requests: number; duration_us: number; p50_us: number; p99_us: number; errors: number };
      resolve({ rps: r.requests / (r.duration_us / 1e6), p50Ms: r.p50_us / 1000, p99Ms: r.p99_us / 1000, requests: r.requests, errors: r.errors });
    });
  });
}

async function runAutocannon(target: LoadTarget, connections: number, seconds: number): Promise<Load> {
  const { default: autocannon } = await import("autocannon");
  const r = await autocannon({ url: target.url, connections, duration: seconds, method: "POST", headers: target.headers, body: target.body });
  return { rps: r.requests.total / r.duration, p50Ms: r.latency.p50, p99Ms: r.latency.p99, requests: r.requests.total, errors: r.errors + r.timeouts + r.non2xx };
}

export function postLoad(tool: LoadTool, scriptDir: string, target: LoadTarget, connections: number, seconds: number): Promise<Load> {
  return tool === "wrk" ? runWrk(wrkScript(scriptDir, target), target.url, connections, seconds) : runAutocannon(target, connections, seconds);
}
