import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { taskWebhookSecrets } from "@/db/schema";
import { appSecretKeys } from "@/lib/crypto/app-keys";
import { isSealed, open, seal, SecretBoxError } from "@/lib/crypto/secret-box";

// Each account's Standard Webhooks signing secret (`whsec_…`), shown on the API keys page and used
// to sign its hook_url deliveries. Stored encrypted (lib/crypto/secret-box.ts) under a key from the
// app's secret, bound to the account id. Values stored in plain text by earlier versions, or under a
// previous app secret (NEXTAUTH_SECRET_PREVIOUS), are re-encrypted under the current key when read.
// One that no key opens is never replaced behind the account's back: reads fail with a clear error
// until the old app secret is supplied, or the account rotates its secret.

const PURPOSE = "crucible/task-webhook-signing-secrets/v1";

export class WebhookSecretUnreadableError extends Error {
  override name = "WebhookSecretUnreadableError";
  constructor(workspaceId: string) {
    super(
      `The webhook signing secret of account ${workspaceId} cannot be decrypted: NEXTAUTH_SECRET is not the secret it was stored under. ` +
        "Set the old value in NEXTAUTH_SECRET_PREVIOUS (comma-separated) and restart, or rotate the signing secret on the API keys page.",
    );
  }
}

const newSecret = () => `whsec_${randomBytes(24).toString("base64")}`;
const sealFor = (workspaceId: string, secret: string) => seal(secret, appSecretKeys(PURPOSE)[0]!, workspaceId);

/** The plaintext of a stored value, and whether it must be re-encrypted under the current key. */
function unseal(workspaceId: string, stored: string): { secret: string; stale: boolean } {
  if (!isSealed(stored)) return { secret: stored, stale: true };
  try {
    const { plaintext, keyIndex } = open(stored, appSecretKeys(PURPOSE), workspaceId);
    return { secret: plaintext, stale: keyIndex > 0 };
  } catch (error) {
    if (error instanceof SecretBoxError) throw new WebhookSecretUnreadableError(workspaceId);
    throw error;
  }
}

/** Re-encrypts under the current key, unless the row changed meanwhile (a rotation wins). */
async function reseal(db: Database, workspaceId: string, stored: string, secret: string): Promise<void> {
  await db
    .update(taskWebhookSecrets)
    .set({ secret: sealFor(workspaceId, secret) })
    .where(and(eq(taskWebhookSecrets.workspaceId, workspaceId), eq(taskWebhookSecrets.secret, stored)));
}

async function storedValue(db: Database, workspaceId: string): Promise<string | null> {
  const [row] = await db.select({ secret: taskWebhookSecrets.secret }).from(taskWebhookSecrets).where(eq(taskWebhookSecrets.workspaceId, workspaceId));
  return row?.secret ?? null;
}

/** The account's signing secret, created on first use. */
export async function webhookSecretFor(db: Database, workspaceId: string): Promise<string> {
  let stored = await storedValue(db, workspaceId);
  if (stored === null) {
    await db.insert(taskWebhookSecrets).values({ workspaceId, secret: sealFor(workspaceId, newSecret()) }).onConflictDoNothing();
    stored = (await storedValue(db, workspaceId))!;
  }
  const { secret, stale } = unseal(workspaceId, stored);
  if (stale) await reseal(db, workspaceId, stored, secret);
  return secret;
}

/** Replaces the account's secret (the API keys page's "rotate"); works whether or not the old one is readable. */
export async function rotateWebhookSecret(db: Database, workspaceId: string): Promise<string> {
  const secret = newSecret();
  await db
    .insert(taskWebhookSecrets)
    .values({ workspaceId, secret: sealFor(workspaceId, secret) })
    .onConflictDoUpdate({ target: taskWebhookSecrets.workspaceId, set: { secret: sql`excluded.secret`, createdAt: sql`now()` } });
  return secret;
}

/**
 * On start: re-encrypts every secret still in plain text or under a previous app secret, and
 * counts those no key opens (their accounts' deliveries wait until the old secret is supplied).
 */
export async function upgradeStoredWebhookSecrets(db: Database): Promise<{ upgraded: number; unreadable: number }> {
  const rows = await db.select({ workspaceId: taskWebhookSecrets.workspaceId, secret: taskWebhookSecrets.secret }).from(taskWebhookSecrets);
  let upgraded = 0;
  let unreadable = 0;
  for (const { workspaceId, secret: stored } of rows) {
    try {
      const { secret, stale } = unseal(workspaceId, stored);
      if (stale) {
        await reseal(db, workspaceId, stored, secret);
        upgraded += 1;
      }
    } catch (error) {
      if (!(error instanceof WebhookSecretUnreadableError)) throw error;
      unreadable += 1;
    }
  }
  return { upgraded, unreadable };
}
