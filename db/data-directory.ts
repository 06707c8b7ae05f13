import path from "node:path";

/** The app's data folder: the embedded Postgres, its password, the generated app secret. */
export function dataDirectory(): string {
  return path.resolve(process.env.CRUCIBLE_DATA_DIR ?? ".data");
}
