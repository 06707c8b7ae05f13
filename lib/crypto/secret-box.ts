import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Small secrets kept encrypted at rest: AES-256-GCM under a key derived (HKDF-SHA256) from the
// app's secret with a purpose label, so each use gets its own key. The stored form names its
// version — `enc:v1:<iv>:<ciphertext+tag>`, base64url — so values written in plain text by earlier
// versions (or a later format) are told apart. A context string (e.g. the owning row's id) is
// authenticated with the value, so a ciphertext copied to another row does not open.

const VERSION = "enc:v1:";
const SEALED = /^enc:v1:([\w-]{16}):([\w-]{22,})$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

/** A 32-byte key for one purpose from the app's secret. */
export function deriveKey(appSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", appSecret, "crucible secret-box", purpose, 32));
}

/** Whether a stored value is encrypted (of any version) rather than plain text. */
export function isSealed(stored: string): boolean {
  return stored.startsWith("enc:");
}

export function seal(plaintext: string, key: Buffer, context = ""): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}${iv.toString("base64url")}:${body.toString("base64url")}`;
}

/** The plaintext and which of the keys (current first, then previous ones) opened it. */
export function open(sealed: string, keys: readonly Buffer[], context = ""): { plaintext: string; keyIndex: number } {
  const match = SEALED.exec(sealed);
  if (!match) throw new SecretBoxError("Not an encrypted value of a known format");
  const iv = Buffer.from(match[1]!, "base64url");
  const body = Buffer.from(match[2]!, "base64url");
  for (const [keyIndex, key] of keys.entries()) {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    try {
      const plaintext = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
      return { plaintext, keyIndex };
    } catch {
      // not this key: try the next one
    }
  }
  throw new SecretBoxError("None of the keys opens this value");
}
