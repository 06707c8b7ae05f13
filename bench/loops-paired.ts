/**
 * `/predict/` beside its floors in alternating rounds: the ratios the issue asks for, judged under the
 * same conditions. On a shared 2-vCPU guest the whole machine drifts by ±30% over a minute, so floors
 * measured a minute after `/predict/` (the http-floor.js table) can move a ratio by as much as the work
 * does. Here each round runs, back to back and at the same concurrency, `/predict/` on the fast-path
 * server, the empty handler on that same server (`/bench/empty`, same JSON body, CRUCIBLE_BENCH_ROUTES)
 * and a bare node:http server doing the same parse-and-reply (http-floor.js --serve-bare); the ratios
 * of each round are kept and their median reported.
 */
import { postLoad, type Load, type LoadTarget, type LoadTool } from "./post-load";
import { launchServer, stopChild } from "./processes";
import type { Client } from "./loops-http";

export interface PairedRound { predict: Load; empty: Load; bare: Load; overEmpty: number; overBare: number }
export interface PairedReport { connections: number; seconds: number; rounds: PairedRound[]; medianOverEmpty: number; medianOverBare: number }

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function startBare() {
  const ready = (port: number) =>
    fetch(`http://127.0.0.1:${port}/bench/empty`, { method: "POST", body: "{}", signal: AbortSignal.timeout(2_000) }).then((r) => r.status === 200, () => false);
  return launchServer("bare node:http", (port) => ["dist/bench/http-floor.js", "--serve-bare", String(port)], () => ({ ...process.env }), ready);
}

export async function pairedPredict(tool: LoadTool, dir: string, client: Client, loopId: string, body: unknown, opts: { rounds: number; seconds: number; connections: number }): Promise<PairedReport> {
  const text = JSON.stringify(body);
  const bare = await startBare();
  try {
    const predictTarget = { url: `http://127.0.0.1:${client.port}/predict/`, headers: { ...client.headers, "x-loop-id": loopId }, body: text };
    const emptyTarget = { url: `http://127.0.0.1:${client.port}/bench/empty`, headers: { "content-type": "application/json" }, body: text };
    const bareTarget = { url: `http://127.0.0.1:${bare.port}/bench/empty`, headers: { "content-type": "application/json" }, body: text };
    const load = (target: LoadTarget) => postLoad(tool, dir, target, opts.connections, opts.seconds);
    await postLoad(tool, dir, bareTarget, opts.connections, 1); // warm-up; the fast path is warm from the runs before
    const rounds: PairedRound[] = [];
    for (let i = 0; i < opts.rounds; i++) {
      const predict = await load(predictTarget);
      const empty = await load(emptyTarget);
      const bareLoad = await load(bareTarget);
      rounds.push({ predict, empty, bare: bareLoad, overEmpty: predict.rps / empty.rps, overBare: predict.rps / bareLoad.rps });
    }
    return {
      ...opts,
      rounds,
      medianOverEmpty: median(rounds.map((r) => r.overEmpty)),
      medianOverBare: median(rounds.map((r) => r.overBare)),
    };
  } finally {
    await stopChild(bare.child);
  }
}
