import path from "node:path";
import { ensureDataDirectory } from "../lib/private-files";
import { dataDirectory } from "./data-directory";
import { startEmbeddedPostgres } from "./embedded";
import { migrateDatabase } from "./migrate";

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export { dataDirectory };

/**
 * DATABASE_URL when set; otherwise the embedded server under the data folder (refused when
 * CRUCIBLE_EMBEDDED_POSTGRES=0: the container image leaves the Postgres binaries out). Migrations are
 * applied either way, and DATABASE_URL is set for the rest of the process. The data folder is
 * made private first (0700; see lib/private-files.ts), whether or not Postgres lives in it.
 */
export async function prepareDatabase(log: (line: string) => void = () => {}): Promise<PreparedDatabase> {
  await ensureDataDirectory(dataDirectory());
  const given = process.env.DATABASE_URL;
  if (!given && process.env.CRUCIBLE_EMBEDDED_POSTGRES === "0") {
    throw new Error("DATABASE_URL is required: this installation has no embedded Postgres (CRUCIBLE_EMBEDDED_POSTGRES=0, as in the container image).");
  }
  const server = given
    ? { url: given, owned: false, stop: async () => {} }
    : await startEmbeddedPostgres(path.join(dataDirectory()), log);
  try {
    await migrateDatabase(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  process.env.DATABASE_URL = server.url;
  return { url: server.url, embedded: !given, stop: () => server.stop() };
}
