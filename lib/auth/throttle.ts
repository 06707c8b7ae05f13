import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/**
 * Failed sign-ins and failed API-key authentications are counted in Postgres, so every app process
 * sees the same counts. Each counter runs over a fixed window; once it reaches its limit, the
 * subject (an account or a client address) is refused with 429 until the window ends, even with the
 * right password or key. A successful sign-in clears the account's counter.
 */

export interface ThrottleRule {
  kind: "signin-account" | "signin-address" | "api-key-address";
  limit: number;
  windowSeconds: number;
}

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Read per call so operators and tests can change them without a restart. */
export const throttleRules = {
  signInAccount: (): ThrottleRule => ({ kind: "signin-account", limit: setting("CRUCIBLE_SIGNIN_FAILURES_PER_ACCOUNT", 10), windowSeconds: 15 * 60 }),
  signInAddress: (): ThrottleRule => ({ kind: "signin-address", limit: setting("CRUCIBLE_SIGNIN_FAILURES_PER_ADDRESS", 50), windowSeconds: 15 * 60 }),
  apiKeyAddress: (): ThrottleRule => ({ kind: "api-key-address", limit: setting("CRUCIBLE_API_KEY_FAILURES_PER_ADDRESS", 60), windowSeconds: 60 }),
};

export interface ThrottleSubject {
  rule: ThrottleRule;
  subject: string;
}

const keyOf = ({ rule, subject }: ThrottleSubject) => `${rule.kind}:${subject.toLowerCase().slice(0, 200)}`;

/** Seconds until every given subject may try again; 0 when none is blocked. */
export async function blockedSeconds(db: Database, subjects: ThrottleSubject[]): Promise<number> {
  if (!subjects.length) return 0;
  const keys = subjects.map(keyOf);
  const rows = await db.execute<{ seconds: number | null }>(sql`
    select ceil(extract(epoch from max(blocked_until) - now()))::int as seconds from throttle_counters
    where key in (${sql.join(keys.map((key) => sql`${key}`), sql`, `)}) and blocked_until > now()`);
  return Math.max(0, rows[0]?.seconds ?? 0);
}

/** Counts one failure; returns the seconds the subject is now blocked for (0 while under the limit). */
export async function recordFailure(db: Database, target: ThrottleSubject): Promise<number> {
  const { limit, windowSeconds } = target.rule;
  const window = sql.raw(`interval '${Math.floor(windowSeconds)} seconds'`);
  const rows = await db.execute<{ seconds: number | null }>(sql`
    insert into throttle_counters as c (key, failures, window_started_at, blocked_until)
    values (${keyOf(target)}, 1, now(), ${limit <= 1 ? sql`now() + ${window}` : sql`null`})
    on conflict (key) do update set
      failures = case when c.window_started_at <= now() - ${window} then 1 else c.failures + 1 end,
      window_started_at = case when c.window_started_at <= now() - ${window} then now() else c.window_started_at end,
      blocked_until = case
        when c.window_started_at <= now() - ${window} then ${limit <= 1 ? sql`now() + ${window}` : sql`null`}
        when c.failures + 1 >= ${limit} then c.window_started_at + ${window}
        else c.blocked_until end
    returning ceil(extract(epoch from blocked_until - now()))::int as seconds`);
  return Math.max(0, rows[0]?.seconds ?? 0);
}

/** Forgets a subject's failures (a successful sign-in). */
export async function clearFailures(db: Database, target: ThrottleSubject): Promise<void> {
  await db.execute(sql`delete from throttle_counters where key = ${keyOf(target)}`);
}

/** Drops counters whose window ended long ago (the hourly sweep). */
export async function deleteOldCounters(db: Database): Promise<number> {
  const rows = await db.execute(sql`delete from throttle_counters where window_started_at < now() - interval '1 day' and coalesce(blocked_until, now()) <= now() returning key`);
  return rows.length;
}
