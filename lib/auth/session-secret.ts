import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDirectoryMode, ensurePrivateDirectorySync, PRIVATE_FILE_MODE } from "@/lib/private-files";

/**
 * next-auth signs and encrypts session cookies with NEXTAUTH_SECRET. When it is not configured,
 * one is generated once and kept in the data folder so sessions survive restarts.
 */
export function ensureSessionSecret(dataDir: string): void {
  if (process.env.NEXTAUTH_SECRET) return;
  const file = path.join(dataDir, "session-secret");
  if (!existsSync(file)) {
    ensurePrivateDirectorySync(dataDir, dataDirectoryMode());
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: PRIVATE_FILE_MODE });
  }
  chmodSync(file, PRIVATE_FILE_MODE); // also a file written by an older version or under another umask
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}
