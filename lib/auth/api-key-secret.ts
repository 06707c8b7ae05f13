import { createHash, randomBytes } from "node:crypto";
import type { ApiKeyMode, ApiKeyScope } from "@/db/schema";

/**
 * A key is `<tag>_<43 base64url characters>` (32 random bytes). The tag says what the key is for,
 * so a leaked key is recognisable and a malformed one is refused before any lookup. Task test keys
 * start with `test_`, as the human-tasks document requires.
 */
const TAGS = { loops: "loops", models: "models", "tasks:live": "live", "tasks:test": "test" } as const;
const FORMAT = /^(loops|models|live|test)_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 8;

function tagFor(scope: ApiKeyScope, mode: ApiKeyMode): string {
  return scope === "tasks" ? TAGS[`tasks:${mode}`] : TAGS[scope];
}

export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export interface NewApiKeySecret {
  secret: string;
  prefix: string;
  hash: string;
}

export function generateApiKeySecret(scope: ApiKeyScope, mode: ApiKeyMode): NewApiKeySecret {
  const tag = tagFor(scope, mode);
  const secret = `${tag}_${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, tag.length + 1 + PREFIX_LENGTH), hash: hashApiKey(secret) };
}

export function looksLikeApiKey(value: string): boolean {
  return FORMAT.test(value);
}
