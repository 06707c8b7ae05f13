import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { loops } from "@/db/schema";
import { createApiKey, listApiKeys } from "./api-keys-store";
import { lookupApiKey, revokeApiKeyEverywhere } from "./key-lookup";
import { makeAccount, makeKey } from "./testing";

describe("API keys", () => {
  it("returns the secret once and stores only its hash", async () => {
    const account = await makeAccount();
    const result = await createApiKey(getDb(), account.id, { name: "ci", scope: "models" });
    if (!result.ok) throw new Error("not created");
    const [row] = await getDb().query.apiKeys.findMany({ where: (k, { eq }) => eq(k.id, result.key.id) });
    expect(JSON.stringify(row)).not.toContain(result.secret);
    expect(result.secret.startsWith(row!.prefix)).toBe(true);
    expect(result.key).not.toHaveProperty("secretHash");
  });

  it("validates scope, mode and loop binding", async () => {
    const account = await makeAccount();
    const db = getDb();
    expect(await createApiKey(db, account.id, { name: "", scope: "loops" })).toMatchObject({ ok: false, errors: { name: expect.any(String) } });
    expect(await createApiKey(db, account.id, { name: "x", scope: "models", mode: "test" })).toMatchObject({ ok: false, errors: { mode: expect.any(String) } });
    expect(await createApiKey(db, account.id, { name: "x", scope: "tasks", loopId: crypto.randomUUID() })).toMatchObject({ ok: false, errors: { loopId: expect.any(String) } });
    expect(await createApiKey(db, account.id, { name: "x", scope: "loops", loopId: "not-a-uuid" })).toMatchObject({ ok: false, errors: { loopId: expect.any(String) } });
    // A key can be bound only to one of the account's own loops.
    const other = await makeAccount();
    const [loop] = await db.insert(loops).values({ workspaceId: other.id, name: "theirs" }).returning();
    expect(await createApiKey(db, account.id, { name: "x", scope: "loops", loopId: loop!.id })).toEqual({
      ok: false,
      errors: { loopId: "No loop with this id belongs to this workspace." },
    });
    expect(await createApiKey(db, other.id, { name: "x", scope: "loops", loopId: loop!.id })).toMatchObject({ ok: true });
  });

  it("lists only the account's own keys, newest first", async () => {
    const a = await makeAccount();
    const b = await makeAccount();
    await makeKey(a.id, { scope: "loops", name: "first" });
    await makeKey(a.id, { scope: "tasks", name: "second", mode: "test" });
    await makeKey(b.id, { scope: "models", name: "b's" });
    const keys = await listApiKeys(getDb(), a.id);
    expect(keys.map((k) => k.name)).toEqual(["second", "first"]);
    expect(keys.every((k) => k.accountId === a.id)).toBe(true);
  });

  it("cannot be revoked by another account", async () => {
    const a = await makeAccount();
    const b = await makeAccount();
    const secret = await makeKey(a.id, { scope: "models" });
    const [key] = await listApiKeys(getDb(), a.id);
    expect(await revokeApiKeyEverywhere(b.id, key!.id)).toBe(false);
    expect(await lookupApiKey(secret)).not.toBeNull();
  });

  it("stops authenticating the moment it is revoked, even when cached", async () => {
    const a = await makeAccount();
    const secret = await makeKey(a.id, { scope: "tasks" });
    expect((await lookupApiKey(secret))?.accountId).toBe(a.id); // now cached
    const [key] = await listApiKeys(getDb(), a.id);
    expect(await revokeApiKeyEverywhere(a.id, key!.id)).toBe(true);
    expect(await lookupApiKey(secret)).toBeNull();
    expect(await revokeApiKeyEverywhere(a.id, key!.id)).toBe(false);
  });

  it("records when a key was last used", async () => {
    const a = await makeAccount();
    const secret = await makeKey(a.id, { scope: "loops" });
    await lookupApiKey(secret);
    await new Promise((r) => setTimeout(r, 100));
    const [key] = await listApiKeys(getDb(), a.id);
    expect(key!.lastUsedAt).toBeInstanceOf(Date);
  });
});
