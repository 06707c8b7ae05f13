/**
 * The loops' real traffic (issue 22): one labelled example per /train/ call from 20 clients, into one
 * loop and spread over 100 loops, and the loops document's continuous-learning cycle (predict a row,
 * then train the same row) from 20 clients. Every row checks exactness: the examples acknowledged
 * (200) and the loops' n_seen agree, every answer having been awaited.
 */
import { closedLoop, closedWork, defineLoop, JsonText, nSeen, post, type Client } from "./loops-http";
import type { Stream } from "./loops-data";
import os from "node:os";
import { BENCH_PATH } from "@/lib/bench/empty-route";
import type { CpuPerRequest } from "./process-cpu";

export const CLIENTS = 20;
export const SPREAD_LOOPS = 100;

/** Issue 22's targets for these rows. */
export const TARGETS = { singlesPerSecond: 10_000, singlesP99Ms: 25, spreadPerSecond: 10_000, cyclesPerSecond: 5_000 };

type Run = Awaited<ReturnType<typeof closedLoop>> & { cpu?: CpuPerRequest };
/** Starts counting the parties' CPU; the returned function stops and divides (process-cpu.ts). */
export type CpuMeter = () => (requests: number) => CpuPerRequest;
export interface TrainRow extends Run { loops: number; nSeen: number; exact: boolean }
export interface TrainReport { singles: TrainRow; spread: TrainRow; cycle: TrainRow; empty: Run }

const inputOf = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== "label"));

async function totalSeen(client: Client, loopIds: string[], input: Record<string, unknown>): Promise<number> {
  let total = 0;
  for (const id of loopIds) total += await nSeen(client, id, input);
  return total;
}

/** The three rows, one after another, each on fresh loops of breast_cancer's schema. */
export async function trainTraffic(client: Client, cancer: Stream, seconds: number, meter?: CpuMeter): Promise<TrainReport> {
  const metered = async <R extends { ok: number; failed: number }>(run: () => Promise<R>): Promise<R & { cpu?: CpuPerRequest }> => {
    const stop = meter?.();
    const result = await run();
    return { ...result, cpu: stop?.(result.ok + result.failed) };
  };
  const define = (name: string) => defineLoop(client, name, "classification", cancer.inputSchema, { label: "boolean" });
  const input = inputOf(cancer.rows[0]!);
  const trainBodies = cancer.rows.map((row) => new JsonText(JSON.stringify({ data: row })));
  const predictBodies = cancer.rows.map((row) => new JsonText(JSON.stringify({ data: inputOf(row) })));
  const body = (i: number) => trainBodies[i % trainBodies.length]!;

  // The peer of these rows in the same run: the empty handler on the same server, with the same clients
  // and a body of the same size (what the clients, HTTP and the fast path cost without any training).
  const empty = await metered(() => closedLoop(client, BENCH_PATH, "", CLIENTS, seconds, body));

  const single = await define("bench singles");
  const singles = await metered(() => closedLoop(client, "/train/", single, CLIENTS, seconds, body));
  const singleSeen = await nSeen(client, single, input);

  const spreadLoops: string[] = [];
  for (let i = 0; i < SPREAD_LOOPS; i++) spreadLoops.push(await define(`bench spread ${i}`));
  const spread = await metered(() => closedLoop(client, "/train/", (i) => spreadLoops[i % SPREAD_LOOPS]!, CLIENTS, seconds, body));
  const spreadSeen = await totalSeen(client, spreadLoops, input);

  // A cycle counts as acknowledged when its /train/ answered 200 (a failed /predict/ skips the /train/).
  const cycleLoop = await define("bench cycle");
  const warm = await post(client, "/train/", { data: cancer.rows.slice(0, 50) }, cycleLoop);
  if (warm.status !== 200) throw new Error(`warm-up /train/ answered ${warm.status}`);
  const cycle = await metered(() =>
    closedWork(CLIENTS, seconds, async (i) => {
      const predicted = await post(client, "/predict/", predictBodies[i % predictBodies.length]!, cycleLoop);
      if (predicted.status !== 200) return false;
      return (await post(client, "/train/", body(i), cycleLoop)).status === 200;
    }),
  );
  const cycleSeen = (await nSeen(client, cycleLoop, input)) - 50;

  return {
    singles: { ...singles, loops: 1, nSeen: singleSeen, exact: singleSeen === singles.ok },
    spread: { ...spread, loops: SPREAD_LOOPS, nSeen: spreadSeen, exact: spreadSeen === spread.ok },
    cycle: { ...cycle, loops: 1, nSeen: cycleSeen, exact: cycleSeen === cycle.ok },
    empty,
  };
}

export const trainExact = (t: TrainReport) => t.singles.exact && t.spread.exact && t.cycle.exact;

/** The rows' verdicts against TARGETS; `quick` runs are too short to judge speed (exactness only). */
export function trainVerdicts(t: TrainReport, quick: boolean): string[] {
  const judge = (met: boolean) => (quick ? "not judged (--quick)" : met ? "MET" : "MISSED");
  const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });
  const exact = (r: TrainRow) => `${fmt(r.ok)} acknowledged, n_seen ${fmt(r.nSeen)}: ${r.exact ? "exact" : "NOT exact"}`;
  const overEmpty = (r: Run) => `${(r.ok / r.elapsed / (t.empty.ok / t.empty.elapsed)).toFixed(2)}× the empty handler`;
  const cores = os.cpus().length;
  const cpu = (name: string, r: Run) =>
    r.cpu
      ? [
          `  CPU per ${name}: server ${fmt(r.cpu.server)} µs, Postgres ${fmt(r.cpu.postgres)} µs, clients ${fmt(r.cpu.clients)} µs: ` +
            `${fmt(r.cpu.server + r.cpu.postgres + r.cpu.clients)} µs in all, so at most ${fmt((cores * 1e6) / (r.cpu.server + r.cpu.postgres + r.cpu.clients))}/s on ${cores} cores`,
        ]
      : [];
  return [
    ...cpu("empty-handler request", t.empty),
    ...cpu("single-example /train/ into one loop", t.singles),
    ...cpu("single-example /train/ over 100 loops", t.spread),
    ...cpu("predict + train cycle (two requests)", t.cycle),
    `the same ${CLIENTS} clients on the empty handler: ${fmt(t.empty.ok / t.empty.elapsed)} req/s (the most these clients, HTTP and the fast path give on this machine now); ` +
      `singles ${overEmpty(t.singles)}, 100 loops ${overEmpty(t.spread)}, cycles (two requests) ${(2 * t.cycle.ok / t.cycle.elapsed / (t.empty.ok / t.empty.elapsed)).toFixed(2)}×`,
    `/train/ 1 example, ${CLIENTS} clients, 1 loop: ${fmt(t.singles.ok / t.singles.elapsed)}/s acknowledged, p99 ${t.singles.p99Ms.toFixed(1)} ms ` +
      `(target ≥ ${fmt(TARGETS.singlesPerSecond)}/s, p99 ≤ ${TARGETS.singlesP99Ms} ms: ${judge(t.singles.ok / t.singles.elapsed >= TARGETS.singlesPerSecond && t.singles.p99Ms <= TARGETS.singlesP99Ms)}); ${exact(t.singles)}`,
    `/train/ 1 example, ${CLIENTS} clients, ${SPREAD_LOOPS} loops: ${fmt(t.spread.ok / t.spread.elapsed)}/s acknowledged in total ` +
      `(target ≥ ${fmt(TARGETS.spreadPerSecond)}/s: ${judge(t.spread.ok / t.spread.elapsed >= TARGETS.spreadPerSecond)}); ${exact(t.spread)}`,
    `predict + train cycle, ${CLIENTS} clients, 1 loop: ${fmt(t.cycle.ok / t.cycle.elapsed)} cycles/s ` +
      `(target ≥ ${fmt(TARGETS.cyclesPerSecond)}/s: ${judge(t.cycle.ok / t.cycle.elapsed >= TARGETS.cyclesPerSecond)}); ${exact(t.cycle)}`,
  ];
}
