import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { createAccount, findAccountByEmail, listAccounts } from "@/lib/auth/accounts-store";
import { createApiKey, findApiKeyByIdOrPrefix, listApiKeys } from "@/lib/auth/api-keys-store";
import { revokeApiKeyEverywhere } from "@/lib/auth/key-lookup";
import { SCOPES, ROLES } from "@/lib/auth/schemas";

const HELP = `Crucible admin — scripted set-up against the app's database (DATABASE_URL, or the embedded one).

  npm run admin -- create-user --email E --password P [--username U] [--role member|cruncher]
  npm run admin -- list-users
  npm run admin -- create-key --email E --scope loops|models|tasks [--name N] [--test] [--loop LOOP_ID]
  npm run admin -- list-keys --email E
  npm run admin -- revoke-key --key KEY_ID_OR_PREFIX

Add --json for machine-readable output. create-key prints the secret once; it cannot be shown again.`;

class UsageError extends Error {}

function need(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}

async function run(command: string | undefined, values: Record<string, string | boolean | undefined>): Promise<unknown> {
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
    default:
      throw new UsageError(command ? `unknown command ${command}` : "no command given");
  }
}

function print(result: unknown, json: boolean): void {
  if (json) return console.log(JSON.stringify(result, null, 2));
  if (Array.isArray(result)) return console.table(result);
  for (const [key, value] of Object.entries(result as Record<string, unknown>)) console.log(`${key.padEnd(12)} ${String(value)}`);
  if (result && typeof result === "object" && "secret" in result) console.log("\nStore the secret now: it is shown only once.");
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      username: { type: "string" },
      role: { type: "string" },
      scope: { type: "string" },
      name: { type: "string" },
      loop: { type: "string" },
      key: { type: "string" },
      test: { type: "boolean" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || !positionals[0]) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  const database = await prepareDatabase();
  try {
    print(await run(positionals[0], values), Boolean(values.json));
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`error: ${error.message}\n\n${HELP}`);
    return 2;
  } finally {
    await closeDb();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
