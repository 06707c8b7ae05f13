import { processSingleton } from "./process-singleton";

/**
 * Whether this server is draining: it was told to stop (SIGTERM) and is finishing what it has. A load
 * balancer learns it from /healthz (503, "draining"); blocked task reads answer early (still pending)
 * instead of holding the process; answers carry `Connection: close` so keep-alive clients reconnect
 * elsewhere. Once draining, a process never serves normally again.
 */
const state = processSingleton("process.drain", () => new AbortController());

export const isDraining = (): boolean => state.signal.aborted;

/** Aborts when draining starts: waits that must end early listen to it. */
export const drainSignal = (): AbortSignal => state.signal;

export function startDraining(): void {
  state.abort();
}

/** setInterval for background sweeps, stopped when the process starts draining (the database closes after). */
export function everyUntilDrained(run: () => void, ms: number): void {
  if (isDraining()) return;
  const timer = setInterval(run, ms);
  timer.unref();
  drainSignal().addEventListener("abort", () => clearInterval(timer), { once: true });
}
