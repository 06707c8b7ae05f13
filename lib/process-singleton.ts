/**
 * State that must exist once per process. The custom server and Next's bundled route code load
 * separate copies of a module within one process, so module-level state would exist twice (two
 * database pools, two caches that disagree); kept on globalThis under a shared symbol, it is one.
 */

const store = globalThis as unknown as Record<symbol, unknown>;
const keyOf = (name: string) => Symbol.for(`crucible.${name}`);

/** The process's one value under this name, created on first use. */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = keyOf(name);
  if (!(key in store)) store[key] = create();
  return store[key] as T;
}

/** A per-process slot that can be emptied and refilled (a pool that closes, a queue that restarts). */
export interface ProcessSlot<T> {
  get(): T | undefined;
  set(value: T | undefined): void;
}

export function processSlot<T>(name: string): ProcessSlot<T> {
  const key = keyOf(name);
  return {
    get: () => store[key] as T | undefined,
    set: (value) => {
      store[key] = value;
    },
  };
}
