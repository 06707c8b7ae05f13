import { parseArgs } from "node:util";
import { closeDb } from "@/db/client";
import { dataDirectory, prepareDatabase } from "@/db/prepare";
import { ensureSessionSecret } from "@/lib/auth/session-secret";
import { runAdminCommand, UsageError } from "./commands";

const HELP = `Crucible admin — scripted set-up against the app's database (DATABASE_URL, or the embedded one).

  npm run admin -- create-user --email E --password P [--username U] [--role member|cruncher]
  npm run admin -- list-users
  npm run admin -- disable-user --email E        (sessions and keys stop at once)
  npm run admin -- enable-user --email E
  npm run admin -- reset-password --email E      (prints a one-time link to set a new password)
  npm run admin -- list-workspaces --email E
  npm run admin -- create-workspace --email OWNER --name N
  npm run admin -- set-role --workspace SLUG --email E --role owner|admin|member|viewer|cruncher   (adds or changes)
  npm run admin -- invite --by INVITER --email E [--workspace SLUG] [--role owner|admin|member|viewer|cruncher]
  npm run admin -- create-key --email E --scope loops|models|tasks [--workspace SLUG] [--role admin|member|viewer] [--name N] [--test] [--loop LOOP_ID]
  npm run admin -- list-keys --email E [--workspace SLUG]
  npm run admin -- revoke-key --key KEY_ID_OR_PREFIX
  npm run admin -- migrate      apply pending database migrations and exit (a deploy step before new servers start)

Without --workspace, commands act in the account's personal workspace (else the first it belongs to).
Links start with PUBLIC_URL when it is set.

Add --json for machine-readable output. create-key prints the secret once; it cannot be shown again.`;

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
      workspace: { type: "string" },
      by: { type: "string" },
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
  ensureSessionSecret(dataDirectory()); // the app's secret, for commands that touch encrypted secrets
  try {
    print(await runAdminCommand(positionals[0], values), Boolean(values.json));
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
