import { randomInt, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { forgetKeyAuthBlocks } from "./key-throttle";
import { blockedSeconds, clearFailures, recordFailure, type ThrottleRule } from "./throttle";
import { makeAccount, makeKey } from "./testing";

const clients = await adapterClients(apiRouter);
const [nextAdapter, fastPath] = clients as [AdapterClient, AdapterClient];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});
afterEach(() => {
  process.env.CRUCIBLE_API_KEY_FAILURES_PER_ADDRESS = "1000000";
  delete process.env.CRUCIBLE_TRUST_PROXY;
});

describe("failure counters in Postgres", () => {
  const rule: ThrottleRule = { kind: "signin-account", limit: 3, windowSeconds: 60 };

  it("block a subject once it reaches its limit, until the window ends, and a success clears them", async () => {
    const db = getDb();
    const subject = { rule, subject: `${randomUUID()}@example.com` };
    expect(await recordFailure(db, subject)).toBe(0);
    expect(await recordFailure(db, subject)).toBe(0);
    const seconds = await recordFailure(db, subject);
    expect(seconds).toBeGreaterThan(55);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(await blockedSeconds(db, [subject, { rule, subject: "someone-else" }])).toBe(seconds);
    expect(await blockedSeconds(db, [{ rule, subject: "someone-else" }])).toBe(0);
    await clearFailures(db, subject);
    expect(await blockedSeconds(db, [subject])).toBe(0);
  });

  it("count concurrent failures exactly (several app processes share the rows)", async () => {
    const db = getDb();
    const subject = { rule: { ...rule, limit: 1000 }, subject: randomUUID() };
    await Promise.all(Array.from({ length: 40 }, () => recordFailure(db, subject)));
    const [row] = await db.execute<{ failures: number }>(sql`select failures from throttle_counters where key = ${`signin-account:${subject.subject}`}`);
    expect(row!.failures).toBe(40);
  });
});

describe("unknown API keys from one address", () => {
  it("get 429 with Retry-After past the limit, even with a valid key afterwards; other addresses are unaffected", async () => {
    process.env.CRUCIBLE_API_KEY_FAILURES_PER_ADDRESS = "5";
    // Behind a trusted proxy, so this test's client has an address of its own.
    process.env.CRUCIBLE_TRUST_PROXY = "1";
    const from = { "x-forwarded-for": `203.0.113.${randomInt(1, 250)}, 198.51.100.${randomInt(1, 250)}` };
    const account = await makeAccount();
    const good = await makeKey(account.id, { scope: "models" });
    forgetKeyAuthBlocks();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await fastPath.request("GET", "/model/all", { headers: { ...from, "x-api-key": `models_${"A".repeat(43)}${i}` } })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429]);
    const blocked = await fastPath.request("GET", "/model/all", { headers: { ...from, "x-api-key": good } });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({ detail: expect.stringMatching(/Too many requests with unknown API keys/) });
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another process learns the block from Postgres at its first failure from that address.
    forgetKeyAuthBlocks();
    expect((await fastPath.request("GET", "/v1/requests", { headers: { ...from, "x-heat-api-key": "live_unknown" } })).status).toBe(429);
    // Other addresses are unaffected.
    expect((await fastPath.request("GET", "/model/all", { headers: { "x-forwarded-for": "192.0.2.77", "x-api-key": good } })).status).toBe(200);
    expect((await nextAdapter.request("GET", "/model/all", { headers: { "x-api-key": good } })).status).toBe(200);
  });
});
