import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, apiKeys, loops, workspaceMembers, workspaces, type ApiKey, type WorkspaceRole } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { keyRole } from "@/lib/workspaces/roles";
import { generateApiKeySecret } from "./api-key-secret";
import { createApiKeySchema, fieldErrors, type CreateApiKeyInput } from "./schemas";

export type ApiKeySummary = Omit<ApiKey, "secretHash">;

const summaryColumns = {
  id: apiKeys.id,
  workspaceId: apiKeys.workspaceId,
  accountId: apiKeys.accountId,
  role: apiKeys.role,
  name: apiKeys.name,
  scope: apiKeys.scope,
  mode: apiKeys.mode,
  loopId: apiKeys.loopId,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  expiresAt: apiKeys.expiresAt,
  requestCount: apiKeys.requestCount,
};

export type CreateApiKeyResult =
  | { ok: true; key: ApiKeySummary; secret: string }
  | { ok: false; errors: Record<string, string> };

/**
 * Creates a key of the workspace acting as `accountId` (its creator); the secret is returned here
 * once and only its hash is stored. `accountId` defaults to the workspace id (a personal workspace).
 */
export async function createApiKey(db: Database, workspaceId: string, input: CreateApiKeyInput, accountId = workspaceId): Promise<CreateApiKeyResult> {
  const parsed = createApiKeySchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { name, scope, mode, loopId, role, expiresInDays } = parsed.data;
  if (loopId) {
    const [loop] = await db.select({ id: loops.id }).from(loops).where(and(eq(loops.id, loopId), eq(loops.workspaceId, workspaceId), isNull(loops.deletedAt)));
    if (!loop) return { ok: false, errors: { loopId: "No loop with this id belongs to this workspace." } };
  }
  const { secret, prefix, hash } = generateApiKeySecret(scope, mode);
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
  const [key] = await db
    .insert(apiKeys)
    .values({ workspaceId, accountId, role, name, scope, mode, loopId: loopId ?? null, prefix, secretHash: hash, expiresAt })
    .returning(summaryColumns);
  return { ok: true, key: key!, secret };
}

export async function listApiKeys(db: Database, workspaceId: string): Promise<ApiKeySummary[]> {
  return db.select(summaryColumns).from(apiKeys).where(eq(apiKeys.workspaceId, workspaceId)).orderBy(desc(apiKeys.createdAt));
}

/** Revokes one of the workspace's keys; returns the revoked key's hash, or null if there was none. */
export async function revokeApiKey(db: Database, workspaceId: string, keyId: string): Promise<string | null> {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .returning({ secretHash: apiKeys.secretHash });
  return row?.secretHash ?? null;
}

export interface KeyOwner {
  keyId: string;
  workspaceId: string;
  /** The key's creator, as whom it acts. */
  accountId: string;
  username: string;
  email: string;
  /** What the key may do now: its ceiling, lowered to its creator's present role. */
  role: WorkspaceRole;
  expiresAt: Date | null;
  scope: ApiKey["scope"];
  mode: ApiKey["mode"];
  loopId: string | null;
  prefix: string;
}

/**
 * The active key with this hash, for API authentication: not revoked, its creator enabled and still
 * in the key's workspace, the workspace not in the trash. Expiry is checked by the caller (keys are
 * cached).
 */
export async function findActiveKey(db: Database, secretHash: string): Promise<KeyOwner | null> {
  const [row] = await db
    .select({
      keyId: apiKeys.id,
      workspaceId: apiKeys.workspaceId,
      accountId: apiKeys.accountId,
      username: accounts.username,
      email: accounts.email,
      ceiling: apiKeys.role,
      memberRole: workspaceMembers.role,
      expiresAt: apiKeys.expiresAt,
      scope: apiKeys.scope,
      mode: apiKeys.mode,
      loopId: apiKeys.loopId,
      prefix: apiKeys.prefix,
    })
    .from(apiKeys)
    .innerJoin(accounts, eq(accounts.id, apiKeys.accountId))
    .innerJoin(workspaceMembers, and(eq(workspaceMembers.workspaceId, apiKeys.workspaceId), eq(workspaceMembers.accountId, apiKeys.accountId)))
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .where(and(eq(apiKeys.secretHash, secretHash), isNull(apiKeys.revokedAt), isNull(accounts.disabledAt), isNull(workspaces.deletedAt)));
  if (!row) return null;
  const { ceiling, memberRole, ...owner } = row;
  return { ...owner, role: keyRole(ceiling, memberRole) };
}

/** Adds requests counted in memory to the keys' totals (one statement per flush). */
export async function addKeyRequestCounts(db: Database, counts: Map<string, number>): Promise<void> {
  const ids = [...counts.keys()].filter(isUuid); // key ids from our own rows; checked, as they are spliced in
  if (!ids.length) return;
  const adds = ids.map((id) => counts.get(id)!);
  await db.execute(sql`
    update api_keys set request_count = request_count + c.n
    from unnest(${sql.raw(`ARRAY[${ids.map((i) => `'${i}'::uuid`).join(",")}]`)}, ${sql.raw(`ARRAY[${adds.map((n) => `${Math.trunc(n)}::bigint`).join(",")}]`)}) as c(id, n)
    where api_keys.id = c.id`);
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
