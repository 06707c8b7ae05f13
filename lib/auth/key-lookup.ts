import { getDb, getSql } from "@/db/client";
import { processSingleton } from "@/lib/process-singleton";
import { hashApiKey, looksLikeApiKey } from "./api-key-secret";
import { findActiveKey, revokeApiKey, touchApiKey, type KeyOwner } from "./api-keys-store";

/**
 * API key lookups are cached briefly so a hot API path costs no query per request. A revocation
 * clears the entry in this process at once and in every other process through NOTIFY; so does a
 * change to the key's account (its role), with the payload `account:<id>`.
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
const TOUCH_EVERY_MS = 60_000;
const CHANNEL = "crucible_api_keys_revoked";

interface KeyCacheState {
  entries: Map<string, { owner: KeyOwner | null; expires: number }>;
  /** secret → SHA-256, so a hot key is not hashed on every request (a secret's hash never changes). */
  hashes: Map<string, string>;
  touched: Map<string, number>;
  listening: Promise<unknown> | null;
}

const state = processSingleton<KeyCacheState>("auth.keyCache", () => ({ entries: new Map(), hashes: new Map(), touched: new Map(), listening: null }));

function listenForRevocations(): void {
  if (state.listening) return;
  state.listening = getSql()
    .listen(CHANNEL, forgetLocally)
    .catch(() => {
      state.listening = null; // retried on the next lookup
    });
}

function forgetLocally(payload: string): void {
  if (!payload.startsWith("account:")) {
    state.entries.delete(payload);
    return;
  }
  const accountId = payload.slice("account:".length);
  for (const [hash, entry] of state.entries) if (entry.owner?.accountId === accountId) state.entries.delete(hash);
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

/** Revokes one of the account's keys and makes every process forget it; false if there was no such active key. */
export async function revokeApiKeyEverywhere(accountId: string, keyId: string): Promise<boolean> {
  const hash = await revokeApiKey(getDb(), accountId, keyId);
  if (!hash) return false;
  state.entries.delete(hash);
  await getSql().notify(CHANNEL, hash);
  return true;
}

/** Every process forgets the cached keys of this account (its role changed), so the next request reads it afresh. */
export async function forgetAccountKeysEverywhere(accountId: string): Promise<void> {
  forgetLocally(`account:${accountId}`);
  await getSql().notify(CHANNEL, `account:${accountId}`);
}
