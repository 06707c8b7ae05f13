import { getDb, getSql } from "@/db/client";
import { processSingleton } from "@/lib/process-singleton";
import { hashApiKey, looksLikeApiKey } from "./api-key-secret";
import { addKeyRequestCounts, findActiveKey, revokeApiKey, touchApiKey, type KeyOwner } from "./api-keys-store";

/**
 * API key lookups are cached briefly so a hot API path costs no query per request. A revocation
 * clears the entry in this process at once and in every other process through NOTIFY; so does a
 * change to the key's account (disabled), with the payload `account:<id>`, and to its workspace
 * (a member's role changed or removed, the workspace trashed), with `workspace:<id>`.
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
const TOUCH_EVERY_MS = 60_000;
const CHANNEL = "crucible_api_keys_revoked";
const COUNT_FLUSH_MS = 5_000;

interface KeyCacheState {
  entries: Map<string, { owner: KeyOwner | null; expires: number }>;
  /** secret → SHA-256, so a hot key is not hashed on every request (a secret's hash never changes). */
  hashes: Map<string, string>;
  touched: Map<string, number>;
  listening: Promise<unknown> | null;
  /** Requests per key since the last flush. */
  counts: Map<string, number>;
  flushTimer: NodeJS.Timeout | null;
}

const state = processSingleton<KeyCacheState>("auth.keyCache", () => ({ entries: new Map(), hashes: new Map(), touched: new Map(), listening: null, counts: new Map(), flushTimer: null }));

function listenForRevocations(): void {
  if (state.listening) return;
  state.listening = getSql()
    .listen(CHANNEL, forgetLocally)
    .catch(() => {
      state.listening = null; // retried on the next lookup
    });
}

/**
 * Forgets the cached keys a change touches. An account or workspace change also forgets every
 * cached refusal: a key refused a moment ago (its maker disabled, not yet a member) may work now.
 */
function forgetLocally(payload: string): void {
  if (payload.startsWith("account:")) {
    const accountId = payload.slice("account:".length);
    for (const [hash, entry] of state.entries) if (!entry.owner || entry.owner.accountId === accountId) state.entries.delete(hash);
  } else if (payload.startsWith("workspace:")) {
    const workspaceId = payload.slice("workspace:".length);
    for (const [hash, entry] of state.entries) if (!entry.owner || entry.owner.workspaceId === workspaceId) state.entries.delete(hash);
  } else {
    state.entries.delete(payload);
  }
}

/** Counts one request of this key; the counts reach the database every few seconds, in one statement. */
export function countKeyRequest(keyId: string): void {
  state.counts.set(keyId, (state.counts.get(keyId) ?? 0) + 1);
  if (state.flushTimer) return;
  state.flushTimer = setTimeout(() => void flushKeyRequestCounts(), COUNT_FLUSH_MS);
  state.flushTimer.unref();
}

export async function flushKeyRequestCounts(): Promise<void> {
  if (state.flushTimer) clearTimeout(state.flushTimer);
  state.flushTimer = null;
  const counts = state.counts;
  state.counts = new Map();
  await addKeyRequestCounts(getDb(), counts).catch(() => {
    for (const [id, n] of counts) state.counts.set(id, (state.counts.get(id) ?? 0) + n); // tried again with the next flush
  });
}

function touchLater(owner: KeyOwner): void {
  const now = Date.now();
  if (now - (state.touched.get(owner.keyId) ?? 0) < TOUCH_EVERY_MS) return;
  state.touched.set(owner.keyId, now);
  touchApiKey(getDb(), owner.keyId).catch(() => state.touched.delete(owner.keyId));
}

/** The active key and its account for a presented secret, or null for malformed, unknown or revoked keys. */
export async function lookupApiKey(secret: string): Promise<KeyOwner | null> {
  if (!looksLikeApiKey(secret)) return null;
  listenForRevocations();
  let hash = state.hashes.get(secret);
  if (hash === undefined) {
    hash = hashApiKey(secret);
    if (state.hashes.size >= MAX_ENTRIES) state.hashes.clear();
    state.hashes.set(secret, hash);
  }
  const now = Date.now();
  const cached = state.entries.get(hash);
  let owner: KeyOwner | null;
  if (cached && cached.expires > now) {
    owner = cached.owner;
  } else {
    owner = await findActiveKey(getDb(), hash);
    if (state.entries.size >= MAX_ENTRIES) state.entries.clear();
    state.entries.set(hash, { owner, expires: now + TTL_MS });
  }
  if (owner) touchLater(owner);
  return owner;
}

/** Revokes one of the workspace's keys and makes every process forget it; false if there was no such active key. */
export async function revokeApiKeyEverywhere(workspaceId: string, keyId: string): Promise<boolean> {
  const hash = await revokeApiKey(getDb(), workspaceId, keyId);
  if (!hash) return false;
  state.entries.delete(hash);
  await getSql().notify(CHANNEL, hash);
  return true;
}

/** Every process forgets the cached keys of this workspace (a member's role changed, the workspace trashed). */
export async function forgetWorkspaceKeysEverywhere(workspaceId: string): Promise<void> {
  forgetLocally(`workspace:${workspaceId}`);
  await getSql().notify(CHANNEL, `workspace:${workspaceId}`);
}

/** Every process forgets the cached keys of this account (disabled, role changed), so the next request reads it afresh. */
export async function forgetAccountKeysEverywhere(accountId: string): Promise<void> {
  forgetLocally(`account:${accountId}`);
  await getSql().notify(CHANNEL, `account:${accountId}`);
}
