import { describe, expect, it } from "vitest";
import { lookupApiKey } from "@/lib/auth/key-lookup";
import { runAdminCommand, UsageError } from "./commands";

describe("admin commands", () => {
  it("create a user, a key for it (secret printed once), list and revoke the key", async () => {
    const user = (await runAdminCommand("create-user", { email: "cli@example.com", password: "long secret" })) as { role: string; username: string };
    expect(user).toMatchObject({ role: "member", username: "cli" });

    const key = (await runAdminCommand("create-key", { email: "cli@example.com", scope: "tasks", test: true })) as { secret: string; prefix: string };
    expect(key.secret).toMatch(/^test_/);
    expect((await lookupApiKey(key.secret))?.mode).toBe("test");

    const keys = (await runAdminCommand("list-keys", { email: "cli@example.com" })) as { prefix: string }[];
    expect(keys.map((k) => k.prefix)).toEqual([key.prefix]);
    expect(JSON.stringify(keys)).not.toContain(key.secret);

    expect(await runAdminCommand("revoke-key", { key: key.prefix })).toMatchObject({ prefix: key.prefix });
    expect(await lookupApiKey(key.secret)).toBeNull();
  });

  it("make workspaces, invitation and reset links, and disable an account", async () => {
    await runAdminCommand("create-user", { email: "owner-cli@example.com", password: "long secret" });
    const team = (await runAdminCommand("create-workspace", { email: "owner-cli@example.com", name: "CLI team" })) as { slug: string };
    expect(team.slug).toBe("cli-team");
    const invited = (await runAdminCommand("invite", { by: "owner-cli@example.com", workspace: "cli-team", email: "new@example.com", role: "cruncher" })) as { link: string };
    expect(invited.link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    const reset = (await runAdminCommand("reset-password", { email: "owner-cli@example.com" })) as { link: string };
    expect(reset.link).toMatch(/\/reset\/[A-Za-z0-9_-]{43}$/);
    const spaces = (await runAdminCommand("list-workspaces", { email: "owner-cli@example.com" })) as { slug: string; role: string }[];
    expect(spaces.map((w) => [w.slug, w.role])).toEqual([["owner-cli", "owner"], ["cli-team", "owner"]]);
    const key = (await runAdminCommand("create-key", { email: "owner-cli@example.com", workspace: "cli-team", scope: "models" })) as { secret: string };
    expect(await lookupApiKey(key.secret)).not.toBeNull();
    await runAdminCommand("disable-user", { email: "owner-cli@example.com" });
    expect(await lookupApiKey(key.secret)).toBeNull();
    await runAdminCommand("enable-user", { email: "owner-cli@example.com" });
    expect(await lookupApiKey(key.secret)).not.toBeNull();
  });

  it("migrate reports the migrations the database has (the command line applies them before any command)", async () => {
    const result = (await runAdminCommand("migrate", {})) as { migrated: boolean; applied: number };
    expect(result.migrated).toBe(true);
    expect(result.applied).toBeGreaterThan(5);
  });

  it("explain bad input instead of failing", async () => {
    await expect(runAdminCommand("create-user", { email: "x@example.com", password: "long secret", role: "boss" })).rejects.toThrow(UsageError);
    await expect(runAdminCommand("create-key", { email: "nobody@example.com", scope: "loops" })).rejects.toThrow(/no account/);
    await expect(runAdminCommand("create-key", { email: "cli@example.com", scope: "everything" })).rejects.toThrow(/--scope/);
    await expect(runAdminCommand("frobnicate", {})).rejects.toThrow(/unknown command/);
  });
});
