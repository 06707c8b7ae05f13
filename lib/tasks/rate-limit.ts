/**
 * Per-key token buckets for the tasks API (429 with Retry-After). In-process: each app process
 * allows the full rate, which bounds abuse without a shared counter on every request.
 * CRUCIBLE_TASKS_RATE (requests per second, default 50) and CRUCIBLE_TASKS_BURST (default 200).
 */

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const buckets = new Map<string, Bucket>();
const MAX_BUCKETS = 100_000;

function settings() {
  const rate = Number(process.env.CRUCIBLE_TASKS_RATE ?? 50);
  const burst = Number(process.env.CRUCIBLE_TASKS_BURST ?? 200);
  return { rate: rate > 0 ? rate : 50, burst: burst > 0 ? burst : 200 };
}

/** Takes one token for this key; returns the seconds to wait when none is left. */
export function takeRateToken(keyId: string, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
  const { rate, burst } = settings();
  let bucket = buckets.get(keyId);
  if (!bucket) {
    if (buckets.size >= MAX_BUCKETS) buckets.clear();
    bucket = { tokens: burst, updatedAt: now };
    buckets.set(keyId, bucket);
  }
  bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * rate);
  bucket.updatedAt = now;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return { ok: true };
  }
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rate)) };
}

export function resetRateLimits(): void {
  buckets.clear();
}
