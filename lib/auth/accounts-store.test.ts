import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { scratchDatabase } from "@/db/testing/scratch";
import { findMembership } from "@/lib/workspaces/store";
import { createAccount, getAccount, setAccountDisabled, verifyCredentials } from "./accounts-store";
import { makeAccount } from "./testing";

describe("accounts on an empty database", () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let sql: postgres.Sql;
  beforeAll(async () => {
    scratch = await scratchDatabase();
    sql = postgres(scratch.url, { max: 5, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql.end();
    await scratch.drop();
  });

  it("makes exactly one admin of the first account, even when sign-ups race", async () => {
    const db = drizzle(sql, { schema, casing: "snake_case" });
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => createAccount(db, { email: `race${i}@example.com`, username: `race${i}`, password: "password1" })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const admins = results.filter((r) => r.ok && r.account.isAdmin);
    expect(admins).toHaveLength(1);
    const rows = await sql`select count(*)::int as n from accounts where is_admin`;
    expect(rows[0]!.n).toBe(1);
  });
});

describe("accounts", () => {
  it("stores a password hash, never the password", async () => {
    const result = await createAccount(getDb(), { email: "Hash.Check@Example.com", username: "hash-check", password: "s3cret-password" });
    expect(result.ok).toBe(true);
    const [row] = await getDb().query.accounts.findMany({ where: (a, { eq }) => eq(a.username, "hash-check") });
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.passwordHash).not.toContain("s3cret-password");
  });

  it("refuses a duplicate e-mail, whatever its case, with a clear message", async () => {
    const first = await makeAccount();
    const again = await createAccount(getDb(), { email: first.email.toUpperCase(), username: "someone-else", password: "password1" });
    expect(again).toEqual({ ok: false, errors: { email: expect.stringMatching(/already exists/) } });
  });

  it("refuses a taken username", async () => {
    const first = await makeAccount();
    const again = await createAccount(getDb(), { email: "new-person@example.com", username: first.username.toUpperCase(), password: "password1" });
    expect(again).toEqual({ ok: false, errors: { username: expect.stringMatching(/taken/) } });
  });

  it("lists every problem of an empty form", async () => {
    const result = await createAccount(getDb(), { email: "", username: "", password: "" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["email", "password", "username"]);
    expect(result.errors.email).toBe("Enter your e-mail address.");
  });

  it("verifies credentials case-insensitively on the e-mail and refuses a wrong password", async () => {
    const account = await makeAccount();
    expect((await verifyCredentials(getDb(), account.email.toUpperCase(), "correct horse"))?.id).toBe(account.id);
    expect(await verifyCredentials(getDb(), account.email, "wrong horse")).toBeNull();
    expect(await verifyCredentials(getDb(), "nobody@example.com", "correct horse")).toBeNull();
  });

  it("refuses a disabled account's password, and gives a member a personal workspace", async () => {
    const account = await makeAccount();
    expect(await findMembership(getDb(), account.id)).toMatchObject({ workspace: { id: account.id, personal: true }, role: "owner" });
    await setAccountDisabled(getDb(), account.id, true);
    expect(await verifyCredentials(getDb(), account.email, "correct horse")).toBeNull();
    await setAccountDisabled(getDb(), account.id, false);
    expect((await verifyCredentials(getDb(), account.email, "correct horse"))?.id).toBe(account.id);
    const cruncher = await makeAccount("cruncher");
    expect(await findMembership(getDb(), cruncher.id)).toBeNull();
  });
});
