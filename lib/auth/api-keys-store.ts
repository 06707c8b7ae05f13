import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, apiKeys, loops, type ApiKey } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { generateApiKeySecret } from "./api-key-secret";
import { createApiKeySchema, fieldErrors, type CreateApiKeyInput } from "./schemas";

export type ApiKeySummary = Omit<ApiKey, "secretHash">;

const summaryColumns = {
  id: apiKeys.id,
  accountId: apiKeys.accountId,
  name: apiKeys.name,
  scope: apiKeys.scope,
  mode: apiKeys.mode,
  loopId: apiKeys.loopId,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

export type CreateApiKeyResult =
  | { ok: true; key: ApiKeySummary; secret: string }
  | { ok: false; errors: Record<string, string> };

/** Creates a key; the secret is returned here once and only its hash is stored. */
export async function createApiKey(db: Database, accountId: string, input: CreateApiKeyInput): Promise<CreateApiKeyResult> {
  const parsed = createApiKeySchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { name, scope, mode, loopId } = parsed.data;
  if (loopId) {
    const [loop] = await db.select({ id: loops.id }).from(loops).where(and(eq(loops.id, loopId), eq(loops.accountId, accountId)));
    if (!loop) return { ok: false, errors: { loopId: "No loop with this id belongs to your account." } };
  }
  const { secret, prefix, hash } = generateApiKeySecret(scope, mode);
  const [key] = await db
    .insert(apiKeys)
    .values({ accountId, name, scope, mode, loopId: loopId ?? null, prefix, secretHash: hash })
    .returning(summaryColumns);
  return { ok: true, key: key!, secret };
}

export async function listApiKeys(db: Database, accountId: string): Promise<ApiKeySummary[]> {
  return db.select(summaryColumns).from(apiKeys).where(eq(apiKeys.accountId, accountId)).orderBy(desc(apiKeys.createdAt));
}

/** Revokes one of the account's own keys; returns the revoked key's hash, or null if there was none. */
export async function revokeApiKey(db: Database, accountId: string, keyId: string): Promise<string | null> {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.accountId, accountId), isNull(apiKeys.revokedAt)))
    .returning({ secretHash: apiKeys.secretHash });
  return row?.secretHash ?? null;
}

export interface KeyOwner {
  keyId: string;
  accountId: string;
  username: string;
  email: string;
  role: "member" | "cruncher";
  scope: ApiKey["scope"];
  mode: ApiKey["mode"];
  loopId: string | null;
  prefix: string;
}

/** The active key with this hash and its account, for API authentication. */
export async function findActiveKey(db: Database, secretHash: string): Promise<KeyOwner | null> {
  const [row] = await db
    .select({
      keyId: apiKeys.id,
      accountId: apiKeys.accountId,
      username: accounts.username,
      email: accounts.email,
      role: accounts.role,
      scope: apiKeys.scope,
      mode: apiKeys.mode,
      loopId: apiKeys.loopId,
      prefix: apiKeys.prefix,
    })
    .from(apiKeys)
    .innerJoin(accounts, eq(accounts.id, apiKeys.accountId))
    .where(and(eq(apiKeys.secretHash, secretHash), isNull(apiKeys.revokedAt)));
  return row ?? null;
}

export async function touchApiKey(db: Database, keyId: string): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: sql`now()` }).where(eq(apiKeys.id, keyId));
}

/** Finds a key by id or by its shown prefix, across accounts (admin tooling only). */
export async function findApiKeyByIdOrPrefix(db: Database, idOrPrefix: string): Promise<ApiKeySummary | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(apiKeys)
    .where(isUuid(idOrPrefix) ? eq(apiKeys.id, idOrPrefix) : eq(apiKeys.prefix, idOrPrefix));
  return row ?? null;
}
