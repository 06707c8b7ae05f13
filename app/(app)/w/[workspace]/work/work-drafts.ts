/**
 * Unsent answers kept in this browser, per cruncher and per task, so a reload (or a dropped
 * connection) does not lose the marks drawn so far. A draft goes when the answer is submitted or
 * the task is skipped or taken away, and any draft older than a week is dropped.
 */

const PREFIX = "crucible:work-draft:v1:";
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

interface Stored<T> {
  savedAt: number;
  value: T;
}

export const draftKeyOf = (cruncherId: string, requestId: string) => `${PREFIX}${cruncherId}:${requestId}`;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled (private mode, policy)
  }
}

export function loadDraft<T>(key: string): T | null {
  const store = storage();
  const raw = store?.getItem(key);
  if (!store || !raw) return null;
  try {
    const stored = JSON.parse(raw) as Stored<T>;
    if (Date.now() - stored.savedAt > MAX_AGE_MS) {
      store.removeItem(key);
      return null;
    }
    return stored.value;
  } catch {
    store.removeItem(key);
    return null;
  }
}

export function saveDraft<T>(key: string, value: T): void {
  try {
    storage()?.setItem(key, JSON.stringify({ savedAt: Date.now(), value } satisfies Stored<T>));
  } catch {
    // full or disabled: the draft lives only in the page
  }
}

export function clearDraft(key: string): void {
  storage()?.removeItem(key);
}

/** Drops this browser's drafts older than a week (any cruncher's), so storage does not grow. */
export function pruneDrafts(now = Date.now()): void {
  const store = storage();
  if (!store) return;
  for (let i = store.length - 1; i >= 0; i--) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    try {
      if (now - (JSON.parse(store.getItem(key) ?? "{}") as Stored<unknown>).savedAt > MAX_AGE_MS) store.removeItem(key);
    } catch {
      store.removeItem(key);
    }
  }
}
