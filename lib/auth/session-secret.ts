import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * next-auth signs and encrypts session cookies with NEXTAUTH_SECRET. When it is not configured,
 * one is generated once and kept in the data folder so sessions survive restarts.
 */
export function ensureSessionSecret(dataDir: string): void {
  if (process.env.NEXTAUTH_SECRET) return;
  const file = path.join(dataDir, "session-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}
