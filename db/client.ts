import postgres from "postgres";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { processSingleton, processSlot } from "../lib/process-singleton";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };
export type Sql = postgres.Sql;

interface Connection {
  url: string;
  sql: Sql;
  db: Database;
}

// One pool per process, shared by the custom server and Next's bundled route code.
const connection = processSlot<Connection>("db");
const beforeClose = processSingleton("db.beforeClose", () => new Set<() => Promise<unknown>>());

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
  const current = connection.get();
  if (current && current.url === url) return current;
  const sql = postgres(url, {
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    onnotice: () => {},
    connection: { application_name: "crucible" },
  });
  const created = { url, sql, db: drizzle(sql, { schema, casing: "snake_case" }) };
  connection.set(created);
  return created;
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
  const current = connection.get();
  connection.set(undefined);
  await current?.sql.end({ timeout: 5 });
}

const dialect = new PgDialect({ casing: "snake_case" });

/**
 * Runs a statement as a named prepared statement of its connection. Drizzle sends its queries
 * unprepared, and postgres.js then asks Postgres for the parameter types before binding, and Postgres
 * parses and plans the statement every time: two round trips per query. Prepared, a statement costs
 * one round trip and no planning after its first use on a connection. For hot statements of a bounded
 * number of shapes only: each distinct text stays prepared on every connection that ran it.
 */
export function executePrepared<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return db.$client.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true }) as unknown as Promise<T[]>;
}
