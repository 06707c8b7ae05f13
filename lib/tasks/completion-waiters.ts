import type { Database } from "@/db/client";
import { TASK_STATUS_CHANNEL } from "./store";
import { drainSignal } from "@/lib/process-drain";
import { processSingleton } from "@/lib/process-singleton";

/**
 * Blocked readers (`?block=N`) wait here for their request to stop being pending. One LISTEN per
 * process feeds every waiter, so an answer stored by another app process wakes them too.
 */

/** The longest a call may block; larger values are capped (README: Human tasks API). */
export const MAX_BLOCK_SECONDS = 60;

type Wake = () => void;
interface WaiterState {
  waiters: Map<string, Set<Wake>>;
  /** The LISTEN of each pool (normally one; tests switch databases). */
  listening: WeakMap<Database, Promise<unknown>>;
  statusListeners: Set<(requestId: string, status: string, mode: string) => void>;
}
const state = processSingleton<WaiterState>("tasks.waiters", () => ({ waiters: new Map(), listening: new WeakMap(), statusListeners: new Set() }));

function onNotify(payload: string): void {
  const [id, status, mode] = payload.split(":");
  if (!id) return;
  for (const listener of state.statusListeners) listener(id, status ?? "", mode ?? "");
  if (status === "created") return;
  const wakes = state.waiters.get(id);
  if (!wakes) return;
  state.waiters.delete(id);
  for (const wake of wakes) wake();
}

/** Starts (once per pool) the LISTEN on its own connection; resolves when notifications are being received. */
function listenForTaskStatus(db: Database): Promise<unknown> {
  let listening = state.listening.get(db);
  if (!listening) {
    listening = db.$client.listen(TASK_STATUS_CHANNEL, onNotify).catch((error: unknown) => {
      state.listening.delete(db);
      throw error;
    });
    state.listening.set(db, listening);
  }
  return listening;
}

/** Other modules (webhook dispatch) react to status changes through this. */
export function onTaskStatus(db: Database, listener: (requestId: string, status: string, mode: string) => void): () => void {
  state.statusListeners.add(listener);
  void listenForTaskStatus(db).catch(() => {});
  return () => state.statusListeners.delete(listener);
}

export function clampBlockSeconds(block: number): number {
  return Math.max(0, Math.min(MAX_BLOCK_SECONDS, block));
}

/**
 * Waits until `isSettled` says the request is no longer pending, a notification for it arrives,
 * the time is up, the client goes away (signal) or the server starts draining (the reader then gets
 * the request as it is, still pending, and asks again — another server answers). The check runs after LISTEN is active, so a
 * completion between the check and the wait cannot be missed.
 */
export async function waitForRequest(
  db: Database,
  requestId: string,
  seconds: number,
  signal: AbortSignal,
  isSettled: () => Promise<boolean>,
): Promise<void> {
  const draining = drainSignal();
  if (seconds <= 0 || signal.aborted || draining.aborted) return;
  await listenForTaskStatus(db);
  let wake: Wake = () => {};
  const woken = new Promise<void>((resolve) => (wake = resolve));
  let wakes = state.waiters.get(requestId);
  if (!wakes) state.waiters.set(requestId, (wakes = new Set<Wake>()));
  wakes.add(wake);
  const timer = setTimeout(wake, seconds * 1000);
  signal.addEventListener("abort", wake, { once: true });
  draining.addEventListener("abort", wake, { once: true });
  try {
    if (await isSettled()) return;
    await woken;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", wake);
    draining.removeEventListener("abort", wake);
    const current = state.waiters.get(requestId);
    current?.delete(wake);
    if (current && current.size === 0) state.waiters.delete(requestId);
  }
}

/** How many readers are blocked in this process (tests check that disconnects release them). */
export function blockedReaderCount(): number {
  let n = 0;
  for (const set of state.waiters.values()) n += set.size;
  return n;
}
