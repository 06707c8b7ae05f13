import { getDb } from "@/db/client";
import { processSingleton } from "@/lib/process-singleton";
import { recordFailure, throttleRules } from "./throttle";

/**
 * Failed API-key authentications per client address (unknown or revoked keys: guesses). The counts
 * live in Postgres (lib/auth/throttle.ts); a block learnt from them is remembered here until it ends,
 * so a blocked client costs no query and no key lookup at all.
 */

const MAX_REMEMBERED = 10_000;
const blockedUntil = processSingleton("auth.keyBlocks", () => new Map<string, number>());

/** Seconds this address must still wait; 0 when it may try. */
export function keyAuthBlockedSeconds(address: string, now = Date.now()): number {
  const until = blockedUntil.get(address);
  if (until === undefined) return 0;
  if (until <= now) {
    blockedUntil.delete(address);
    return 0;
  }
  return Math.ceil((until - now) / 1000);
}

/** Counts a failed key from this address; returns the seconds it is now blocked for (0 while under the limit). */
export async function keyAuthFailed(address: string): Promise<number> {
  const seconds = await recordFailure(getDb(), { rule: throttleRules.apiKeyAddress(), subject: address });
  if (seconds > 0) {
    if (blockedUntil.size >= MAX_REMEMBERED) blockedUntil.clear();
    blockedUntil.set(address, Date.now() + seconds * 1000);
  }
  return seconds;
}

/** Tests: forget what this process remembers. */
export function forgetKeyAuthBlocks(): void {
  blockedUntil.clear();
}
