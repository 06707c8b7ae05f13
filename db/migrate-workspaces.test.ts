import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { MIGRATIONS_FOLDER, migrateDatabase } from "./migrate";
import { withDatabase } from "./testing/scratch";

/**
 * The workspaces migration on a database filled by the version before it: every account becomes
 * the owner of a personal workspace with its own id, every row keeps its owner id (now the
 * workspace's), keys keep working, crunchers keep answering every member's tasks, and nothing is lost.
 */
describe("migration 0009 (workspaces) on data from before it", () => {
  const name = `migrate_${Date.now().toString(36)}`;
  const server = postgres(inject("serverUrl"), { max: 1, onnotice: () => {} });
  const url = withDatabase(inject("serverUrl"), name);
  let sql: postgres.Sql;
  let before: string;

  beforeAll(async () => {
    await server.unsafe(`create database ${name}`);
    // The migrations as they were before workspaces: 0000–0008.
    before = mkdtempSync(path.join(tmpdir(), "crucible-migrations-"));
    cpSync(MIGRATIONS_FOLDER, before, { recursive: true });
    const journalPath = path.join(before, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { idx: number }[] };
    journal.entries = journal.entries.filter((e) => e.idx <= 8);
    writeFileSync(journalPath, JSON.stringify(journal));
    await migrateDatabase(url, before);
    sql = postgres(url, { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    await sql?.end();
    await server.unsafe(`drop database if exists ${name} with (force)`);
    await server.end();
    rmSync(before, { recursive: true, force: true });
  });

  it("keeps every row, id and key, and gives each account its own workspace", async () => {
    const [alice] = await sql`insert into accounts (email, username, password_hash, role, is_admin) values ('alice@example.com', 'Alice', 'x', 'member', true) returning id`;
    const [bob] = await sql`insert into accounts (email, username, password_hash, role) values ('bob@example.com', 'bob.b', 'x', 'member') returning id`;
    const [carl] = await sql`insert into accounts (email, username, password_hash, role) values ('carl@example.com', 'carl', 'x', 'cruncher') returning id`;
    const [key] = await sql`insert into api_keys (account_id, name, scope, prefix, secret_hash) values (${alice!.id}, 'k', 'models', 'models_ab', 'hash-a') returning id`;
    const [carlKey] = await sql`insert into api_keys (account_id, name, scope, prefix, secret_hash) values (${carl!.id}, 'k', 'tasks', 'live_ab', 'hash-c') returning id`;
    const [loop] = await sql`insert into loops (account_id, name) values (${alice!.id}, 'churn') returning id`;
    const [model] = await sql`insert into models (account_id, modelname, modelkind) values (${bob!.id}, 'ridge', 'Regressor') returning id`;
    const [request] = await sql`insert into task_requests (account_id, mode, type, params) values (${bob!.id}, 'live', 'free-text', '{}') returning id`;

    await migrateDatabase(url);

    const workspaces = await sql`select id, slug, personal from workspaces order by slug`;
    expect(workspaces.map((w) => [w.slug, w.personal])).toEqual([["alice", true], ["bob.b", true], ["carl", true]]);
    expect(workspaces.find((w) => w.slug === "alice")!.id).toBe(alice!.id);
    const members = await sql`select workspace_id, account_id, role from workspace_members`;
    const roleOf = (workspace: string, account: string) => members.find((m) => m.workspace_id === workspace && m.account_id === account)?.role;
    expect(roleOf(alice!.id, alice!.id)).toBe("owner");
    expect(roleOf(bob!.id, bob!.id)).toBe("owner");
    // The cruncher answered every member's tasks before; it still may.
    expect(roleOf(alice!.id, carl!.id)).toBe("cruncher");
    expect(roleOf(bob!.id, carl!.id)).toBe("cruncher");
    expect(roleOf(alice!.id, bob!.id)).toBeUndefined();

    expect((await sql`select workspace_id from loops where id = ${loop!.id}`)[0]!.workspace_id).toBe(alice!.id);
    expect((await sql`select workspace_id from models where id = ${model!.id}`)[0]!.workspace_id).toBe(bob!.id);
    expect((await sql`select workspace_id from task_requests where id = ${request!.id}`)[0]!.workspace_id).toBe(bob!.id);
    const keys = await sql`select id, workspace_id, account_id, role, revoked_at from api_keys order by prefix`;
    expect(keys.find((k) => k.id === key!.id)).toMatchObject({ workspace_id: alice!.id, account_id: alice!.id, role: "member", revoked_at: null });
    // A cruncher's key never acted; it stays refused.
    expect(keys.find((k) => k.id === carlKey!.id)!.revoked_at).not.toBeNull();
    // Rows of a workspace go with it.
    await expect(sql`insert into loops (workspace_id, name) values (${crypto.randomUUID()}, 'orphan')`).rejects.toThrow(/foreign key/);
  });
});
