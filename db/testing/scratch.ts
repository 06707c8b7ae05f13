import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { migrateDatabase } from "../migrate";

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** An empty, migrated database of its own, for tests that need one (e.g. "the first account"). */
export async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `scratch_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = postgres(inject("serverUrl"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = withDatabase(inject("serverUrl"), name);
  await migrateDatabase(url);
  return {
    url,
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
