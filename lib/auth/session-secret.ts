import { randomBytes } from "node:crypto";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDirectoryMode, ensurePrivateDirectorySync, PRIVATE_FILE_MODE } from "@/lib/private-files";

/**
 * The app's secret, NEXTAUTH_SECRET: next-auth signs and encrypts session cookies with it, and
 * stored secrets (webhook signing secrets) are encrypted under keys derived from it. When it is not
 * configured, one is generated once and kept in the data folder, and every process sharing the
 * folder — the app, the worker process, the admin command — reads the same one.
 */
export function ensureSessionSecret(dataDir: string): void {
  if (process.env.NEXTAUTH_SECRET) return;
  const file = path.join(dataDir, "session-secret");
  ensurePrivateDirectorySync(dataDir, dataDirectoryMode());
  try {
    // "wx": when two processes start together, one creates it and the other reads that one.
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: PRIVATE_FILE_MODE, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  chmodSync(file, PRIVATE_FILE_MODE); // also a file written by an older version or under another umask
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}
