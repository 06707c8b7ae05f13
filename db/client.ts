import postgres from "postgres";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };
export type Sql = postgres.Sql;

interface Connection {
  url: string;
  sql: Sql;
  db: Database;
}

// The custom server and Next's bundled route code run in one process but load separate copies of
// this module; keeping the pool on globalThis gives them one pool instead of two.
const holder = globalThis as typeof globalThis & { __crucibleDb?: Connection; __crucibleBeforeClose?: Set<() => Promise<unknown>> };
const beforeClose = (holder.__crucibleBeforeClose ??= new Set());

/**
 * Work to finish before the pool closes: writes that are batched or deferred off the request path
 * (the operations log, the loops prediction log), so a graceful shutdown neither loses them nor lets
 * them fail on a closed pool. Hooks are kept once per function.
 */
export function onBeforeClose(hook: () => Promise<unknown>): () => void {
  beforeClose.add(hook);
  return () => beforeClose.delete(hook);
}

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` (or `npm run dev`), which starts the embedded Postgres, or set DATABASE_URL.",
    );
  }
  return url;
}

function connect(): Connection {
  const url = databaseUrl();
  const current = holder.__crucibleDb;
  if (current && current.url === url) return current;
  const sql = postgres(url, {
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    onnotice: () => {},
    connection: { application_name: "crucible" },
  });
  const connection = { url, sql, db: drizzle(sql, { schema, casing: "snake_case" }) };
  holder.__crucibleDb = connection;
  return connection;
}

export function getDb(): Database {
  return connect().db;
}

export function getSql(): Sql {
  return connect().sql;
}

/** Closes the shared pool (tests, CLI and shutdown). */
export async function closeDb(): Promise<void> {
  await Promise.allSettled([...beforeClose].map((hook) => hook()));
  const current = holder.__crucibleDb;
  holder.__crucibleDb = undefined;
  await current?.sql.end({ timeout: 5 });
}
