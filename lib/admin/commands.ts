import { getDb } from "@/db/client";
import { createAccount, findAccountByEmail, listAccounts } from "@/lib/auth/accounts-store";
import { createApiKey, findApiKeyByIdOrPrefix, listApiKeys } from "@/lib/auth/api-keys-store";
import { revokeApiKeyEverywhere } from "@/lib/auth/key-lookup";
import { SCOPES, ROLES } from "@/lib/auth/schemas";

/** The admin command line's commands, apart from argument parsing and printing (lib/admin/cli.ts). */
export class UsageError extends Error {}

/** How many migrations the database has recorded (drizzle's journal table). */
async function appliedMigrationCount(db: ReturnType<typeof getDb>): Promise<number> {
  const rows = await db.$client<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
  return rows[0]?.n ?? 0;
}

function need(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}

export async function runAdminCommand(command: string | undefined, values: Record<string, string | boolean | undefined>): Promise<unknown> {
  const db = getDb();
  const str = (name: string) => values[name] as string | undefined;
  const accountFor = async (email: string) => {
    const account = await findAccountByEmail(db, email);
    if (!account) throw new UsageError(`no account with e-mail ${email}`);
    return account;
  };
  switch (command) {
    case "create-user": {
      const email = need(str("email"), "--email");
      const role = str("role") ?? "member";
      if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role is one of ${ROLES.join(", ")}`);
      const result = await createAccount(db, {
        email,
        password: need(str("password"), "--password"),
        username: str("username") ?? email.split("@")[0]!.replace(/[^A-Za-z0-9._-]/g, "-"),
        role: role as (typeof ROLES)[number],
      });
      if (!result.ok) throw new UsageError(Object.entries(result.errors).map(([k, v]) => `${k}: ${v}`).join("; "));
      return result.account;
    }
    case "list-users":
      return listAccounts(db);
    case "create-key": {
      const account = await accountFor(need(str("email"), "--email"));
      const scope = need(str("scope"), "--scope");
      if (!(SCOPES as readonly string[]).includes(scope)) throw new UsageError(`--scope is one of ${SCOPES.join(", ")}`);
      const result = await createApiKey(db, account.id, {
        name: str("name") ?? `${scope} key`,
        scope: scope as (typeof SCOPES)[number],
        mode: values.test ? "test" : "live",
        loopId: str("loop"),
      });
      if (!result.ok) throw new UsageError(Object.entries(result.errors).map(([k, v]) => `${k}: ${v}`).join("; "));
      return { ...result.key, secret: result.secret };
    }
    case "list-keys":
      return listApiKeys(db, (await accountFor(need(str("email"), "--email"))).id);
    case "revoke-key": {
      const key = await findApiKeyByIdOrPrefix(db, need(str("key"), "--key"));
      if (!key) throw new UsageError("no such key");
      if (!(await revokeApiKeyEverywhere(key.accountId, key.id))) throw new UsageError("the key is already revoked");
      return { revoked: key.id, prefix: key.prefix };
    }
    case "migrate":
      // The command line applied them (prepareDatabase) before running any command; this one says so.
      return { migrated: true, applied: await appliedMigrationCount(db) };
    default:
      throw new UsageError(command ? `unknown command ${command}` : "no command given");
  }
}
