/**
 * CPU time per request of each party in a load run on this machine: the server process, the embedded
 * Postgres (its postmaster and every backend, read from /proc), and the load clients (this process).
 * On a machine where all three share the cores, these figures say where a row's time goes and what
 * the machine could give at best; throughput alone does not.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/** utime + stime of a process, in ticks; 0 once it is gone. */
function ticks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
  } catch {
    return -1;
  }
}

/** The Postgres of a data folder: its postmaster (postmaster.pid) and the processes it started. */
function postgresPids(pgData: string): number[] {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(path.join(pgData, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return [];
  }
  const children = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => parentOf(pid) === postmaster);
  return [postmaster, ...children];
}

export interface CpuPerRequest {
  /** Microseconds of CPU per request (or per step) of each party. */
  server: number;
  postgres: number;
  clients: number;
}

/** Starts counting; the returned function stops and divides by the requests (or steps) done. */
export function meterCpu(serverPid: number, pgData: string): (requests: number) => CpuPerRequest {
  const pgAtStart = new Map(postgresPids(pgData).map((pid) => [pid, ticks(pid)]));
  const server = ticks(serverPid);
  const clients = process.cpuUsage();
  return (requests) => {
    // Backends that started during the run count from 0; those that ended are lost (rare: a pool).
    let pg = 0;
    for (const pid of postgresPids(pgData)) pg += ticks(pid) - (pgAtStart.get(pid) ?? 0);
    const used = process.cpuUsage(clients);
    const perRequest = (tickCount: number) => (tickCount * 1e6) / TICKS_PER_SECOND / Math.max(1, requests);
    return { server: perRequest(ticks(serverPid) - server), postgres: perRequest(pg), clients: (used.user + used.system) / Math.max(1, requests) };
  };
}
