import { randomBytes } from "node:crypto";
import { open, readFile, rename } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";

// The embedded Postgres's password: random per data folder, kept in <data>/pg-password (0600, only
// the app's OS user can read it) and read by every app process that shares the folder. Folders
// initialised before that used the fixed password below; the first start of this version gives
// their role a random password (ALTER ROLE over the old credentials) and stores it.

export const USER = "crucible";
export const LEGACY_PASSWORD = "crucible";

const fileOf = (root: string) => path.join(root, "pg-password");
const pendingOf = (root: string) => path.join(root, "pg-password.pending");

async function readIfPresent(file: string): Promise<string | null> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  return text?.trim() || null;
}

/** Writes the file whole or not at all: a 0600 temporary file, flushed, then renamed into place. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, "w", 0o600);
  try {
    await handle.chmod(0o600); // in case a crashed run left the temporary file with other bits
    await handle.writeFile(`${text}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

/** URL-safe, so it goes into connection URLs as it is. */
const newPassword = () => randomBytes(24).toString("base64url");

/** The stored password, or null for a folder initialised before passwords were stored. */
export function storedPassword(root: string): Promise<string | null> {
  return readIfPresent(fileOf(root));
}

/** For a new cluster: the password to initialise it with, stored before initdb runs. */
export async function passwordForNewCluster(root: string): Promise<string> {
  const stored = await storedPassword(root);
  if (stored) return stored;
  const password = newPassword();
  await writeAtomically(fileOf(root), password);
  return password;
}

async function withLogin<T>(port: number, password: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres({ host: "127.0.0.1", port, user: USER, password, database: "postgres", max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const isAuthFailure = (error: unknown) => (error as { code?: string }).code === "28P01";

/**
 * The password of a running cluster: the stored one, or — for a folder that still has the fixed
 * password — a new random one, set with ALTER ROLE and then stored. The new password is written to a
 * pending file before the role changes, so a crash in between leaves it recoverable on the next start.
 */
export async function settlePassword(root: string, port: number): Promise<string> {
  const stored = await storedPassword(root);
  if (stored) return stored;
  let next = await readIfPresent(pendingOf(root));
  if (!next) {
    next = newPassword();
    await writeAtomically(pendingOf(root), next);
  }
  const password = next;
  try {
    // A literal: utility statements take no parameters; base64url needs no quoting.
    await withLogin(port, LEGACY_PASSWORD, (sql) => sql.unsafe(`alter role ${USER} password '${password}'`));
  } catch (error) {
    if (!isAuthFailure(error)) throw error;
    // Changed before a crash: the pending one works. Otherwise the password was changed by hand.
    await withLogin(port, password, (sql) => sql`select 1`).catch((second: unknown) => {
      if (!isAuthFailure(second)) throw second;
      throw new Error(`The embedded Postgres in ${root} accepts neither the old fixed password nor a stored one; put its password in ${fileOf(root)}`);
    });
  }
  await rename(pendingOf(root), fileOf(root));
  return password;
}

/** Creates the app's database on a running cluster unless it exists. */
export async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
  await withLogin(port, password, async (sql) => {
    const [existing] = await sql`select 1 from pg_database where datname = ${database}`;
    if (!existing) await sql.unsafe(`create database "${database}"`);
  });
}
