import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedServer } from "../embedded";
import { migrateDatabase } from "../migrate";
import { withDatabase } from "./scratch";

/**
 * Tests run against a real Postgres: the server at DATABASE_URL when it is set, otherwise an
 * embedded one under .data/test. Each run gets a freshly created database, dropped at the end.
 */
let server: EmbeddedServer | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

export async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL ?? (server = await startEmbeddedPostgres(path.resolve(".data/test"))).url;
  // A database per run, so concurrent runs sharing one server never drop each other's data.
  const name = `crucible_test_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  dropDatabase = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  const url = withDatabase(serverUrl, name);
  await migrateDatabase(url);
  project.provide("databaseUrl", url);
  project.provide("serverUrl", serverUrl);
}

export async function teardown() {
  await dropDatabase?.();
  await server?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
  }
}
